using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The syndrome and instruction layouts of Tables/layouts.table: <c>Layouts.MsrMrsIss.CRn</c> is CRn
/// [13:10] of the MSR/MRS ISS. Generated at build time; this part only lists them.
/// </summary>
public static partial class Layouts
{
    /// <summary>Gets every layout, in table order.</summary>
    public static IReadOnlyList<BitLayout> All { get; } = CreateAll();

    /// <summary>Gets every syndrome layout: the ISS (and ISS2) layouts of the exception classes.</summary>
    public static IReadOnlyList<BitLayout> Syndromes { get; } = [.. All.Where(l => l.IsSyndrome)];

    /// <summary>Gets the ISS layout exception class <paramref name="ec"/> reports, or null when the table has none.</summary>
    public static BitLayout? IssOf(int ec) => (uint)ec < ExceptionClassCount ? (issByClass ??= ByClass(iss2: false))[ec] : null;

    /// <summary>Gets the ISS2 layout exception class <paramref name="ec"/> reports, or null when it defines none.</summary>
    public static BitLayout? Iss2Of(int ec) => (uint)ec < ExceptionClassCount ? (iss2ByClass ??= ByClass(iss2: true))[ec] : null;

    /// <summary>ESR_EL2.EC is 6 bits wide.</summary>
    private const int ExceptionClassCount = 64;

    /// <summary>The ISS and ISS2 layouts indexed by exception class, built on first use (a race builds the same table twice).</summary>
    private static BitLayout?[]? issByClass, iss2ByClass;

    private static BitLayout?[] ByClass(bool iss2)
    {
        var byClass = new BitLayout?[ExceptionClassCount];
        for (var ec = 0; ec < ExceptionClassCount; ec++)
        {
            byClass[ec] = Syndromes.FirstOrDefault(l => l.IsIss2 == iss2 && l.ExceptionClasses.Contains(ec));
        }

        return byClass;
    }
}
