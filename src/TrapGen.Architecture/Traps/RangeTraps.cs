using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// Every trap control's range of encodings (Tables/range-traps.table): HCR_EL2.TID3's ID space and TIDCP's
/// IMPLEMENTATION DEFINED space, in each Execution state. The rows are generated at build time; this part adds the
/// lookups by syndrome key.
/// </summary>
public static partial class RangeTraps
{
    private static readonly RangeTrap[] Rows = CreateAll();

    /// <summary>Gets every range, in table order.</summary>
    public static IReadOnlyList<RangeTrap> All => Rows;

    /// <summary>Gets the ranges the access of <paramref name="trapClass"/> with ISS key <paramref name="key"/> is in, in table order.</summary>
    public static IReadOnlyList<RangeTrap> Covering(TrapClass trapClass, uint key) => [.. Rows.Where(range => range.Contains(trapClass, key))];

    /// <summary>Gets the rules of the ranges the access of <paramref name="trapClass"/> with <paramref name="key"/> is in, in table order; none outside every range.</summary>
    public static IReadOnlyList<TrapRule> RulesOf(TrapClass trapClass, uint key) => [.. Rows.Where(range => range.Contains(trapClass, key)).Select(range => range.Rule).Distinct()];

    /// <summary>Gets the ranges of <paramref name="control"/>, in table order.</summary>
    public static IReadOnlyList<RangeTrap> Of(TrapControl control) => [.. Rows.Where(range => range.Control == control)];
}
