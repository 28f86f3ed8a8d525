namespace TrapGen.Architecture;

/// <summary>
/// The exception classes of trapped cp14 moves, which report the ISS layouts of the cp15 moves of the same
/// form (<see cref="TrapClassDescriptors.Cp14Mcr"/> and <see cref="TrapClassDescriptors.Cp14Mcrr"/>): MCR/MRC EC 0x05, MCRR/MRRC EC 0x0C.
/// </summary>
public static class Cp14ExceptionClasses
{
    /// <summary>The exception class of a trapped cp14 MCR or MRC.</summary>
    public static readonly uint Mcr = TrapClassDescriptors.Cp14Mcr.ExceptionClass;

    /// <summary>The exception class of a trapped cp14 MCRR or MRRC.</summary>
    public static readonly uint Mcrr = TrapClassDescriptors.Cp14Mcrr.ExceptionClass;
}
