using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The values one key field of a <see cref="RangeTrap"/> takes: values and ranges in increasing order, as the Arm ARM
/// writes them (CRm <c>0-2,5-8</c>).
/// </summary>
public sealed class FieldRange
{
    /// <summary>Creates one; Tables/range-traps.table's rows are the only callers.</summary>
    /// <param name="field">The key field's name, as its trap class's layout names it (<c>CRm</c>, <c>Opc1</c>).</param>
    /// <param name="ranges">The inclusive ranges of values, in increasing order; a single value is a range of one.</param>
    public FieldRange(string field, IReadOnlyList<(int Low, int High)> ranges)
    {
        Field = field ?? throw new ArgumentNullException(nameof(field));
        Ranges = ranges ?? throw new ArgumentNullException(nameof(ranges));
    }

    /// <summary>Gets the key field's name, as its trap class's layout names it.</summary>
    public string Field { get; }

    /// <summary>Gets the inclusive ranges of values, in increasing order.</summary>
    public IReadOnlyList<(int Low, int High)> Ranges { get; }

    /// <summary>Gets every value, in increasing order.</summary>
    public IEnumerable<int> Values => Ranges.SelectMany(range => Enumerable.Range(range.Low, range.High - range.Low + 1));

    /// <summary>Gets the ranges as the table writes them: <c>0-2,5-8</c>, <c>3</c>.</summary>
    public string Text => string.Join(",", Ranges.Select(range => range.Low == range.High
        ? range.Low.ToString(CultureInfo.InvariantCulture)
        : range.Low.ToString(CultureInfo.InvariantCulture) + "-" + range.High.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Gets the field's name as the Arm ARM writes it in an encoding: <c>op0</c>, <c>opc1</c>, <c>CRn</c>.</summary>
    public string Spelling => Field.StartsWith("Op", StringComparison.Ordinal) ? "op" + Field.Substring(2) : Field;

    /// <summary>Gets whether <paramref name="value"/> is one of the field's values. Allocates nothing.</summary>
    public bool Contains(uint value)
    {
        for (var i = 0; i < Ranges.Count; i++)
        {
            if (value >= Ranges[i].Low && value <= Ranges[i].High)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Spelling + " " + Text;
}
