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
    public static BitLayout? IssOf(int ec) => Syndromes.FirstOrDefault(l => !l.IsIss2 && l.ExceptionClasses.Contains(ec));

    /// <summary>Gets the ISS2 layout exception class <paramref name="ec"/> reports, or null when it defines none.</summary>
    public static BitLayout? Iss2Of(int ec) => Syndromes.FirstOrDefault(l => l.IsIss2 && l.ExceptionClasses.Contains(ec));
}
