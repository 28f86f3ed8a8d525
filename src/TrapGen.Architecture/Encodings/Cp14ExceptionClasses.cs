using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The exception classes of trapped cp14 moves, which report the ISS layouts of the cp15 moves of the same
/// form (Tables/layouts.table lists each layout's classes): MCR/MRC EC 0x05, MCRR/MRRC EC 0x0C.
/// </summary>
public static class Cp14ExceptionClasses
{
    /// <summary>The exception class of a trapped cp14 MCR or MRC.</summary>
    public static readonly uint Mcr = Other(Layouts.McrMrcIss.Layout, Layouts.McrMrcIss.ExceptionClass);

    /// <summary>The exception class of a trapped cp14 MCRR or MRRC.</summary>
    public static readonly uint Mcrr = Other(Layouts.McrrMrrcIss.Layout, Layouts.McrrMrrcIss.ExceptionClass);

    /// <summary>Gets the exception class of a trapped cp14 move in the form of <paramref name="kind"/>.</summary>
    public static uint Of(TrapClassKind kind) => kind == TrapClassKind.Cp15Register64 ? Mcrr : Mcr;

    private static uint Other(BitLayout layout, uint cp15) => (uint)layout.ExceptionClasses.Single(ec => ec != cp15);
}
