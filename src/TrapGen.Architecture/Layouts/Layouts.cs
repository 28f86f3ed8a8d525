using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>
/// The syndrome and instruction layouts of Tables/layouts.table: <c>Layouts.MsrMrsIss.CRn</c> is CRn
/// [13:10] of the MSR/MRS ISS. Generated at build time; this part only lists them.
/// </summary>
public static partial class Layouts
{
    /// <summary>Gets every layout, in table order.</summary>
    public static IReadOnlyList<BitLayout> All { get; } = CreateAll();
}
