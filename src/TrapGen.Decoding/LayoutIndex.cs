using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// A layout's conditions and meanings grouped by field, built the first time a syndrome of the layout is
/// decoded: <see cref="BitLayout.Applies"/> and <see cref="BitLayout.MeaningOf"/> search the whole layout for
/// each field, which made them most of the time of decoding a batch. Same answers, found by position; a narrow
/// field's meanings and reserved-value warnings are in arrays indexed by value.
/// </summary>
internal sealed class LayoutIndex
{
    /// <summary>Fields up to this wide have their meanings in an array by value.</summary>
    private const int TabledWidth = 8;

    private static readonly ConcurrentDictionary<BitLayout, LayoutIndex> Indexes = new(ReferenceEqualityComparer.Instance);

    /// <summary>The layout this thread asked for last, and its index: a batch decodes several parts of one syndrome in a row.</summary>
    [ThreadStatic]
    private static LayoutIndex? last;

    private readonly Dictionary<string, int> positions;
    private readonly FieldCondition[][] conditions;
    private readonly Dictionary<ulong, string>?[] meanings;
    private readonly string?[]?[] tabled;
    private readonly string?[]?[] reservedWarnings;

    private LayoutIndex(BitLayout layout)
    {
        Layout = layout;
        Fields = [.. layout.Fields];
        positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = Fields.Length - 1; i >= 0; i--)
        {
            // The first field of a name wins, as BitLayout.FindField finds it.
            positions[Fields[i].Name] = i;
        }

        conditions = [.. Fields.Select(f => layout.Conditions.Where(c => c.Field == f).ToArray())];
        meanings = [.. Fields.Select(f => MeaningsOf(layout, f))];
        tabled = [.. Fields.Select((f, i) => meanings[i] is { } named && f.Width <= TabledWidth ? Table(f, named) : null)];
        reservedWarnings = new string?[]?[Fields.Length];
    }

    /// <summary>Gets the layout.</summary>
    public BitLayout Layout { get; }

    /// <summary>Gets the layout's fields, in its order.</summary>
    public BitField[] Fields { get; }

    /// <summary>The index of <paramref name="layout"/>.</summary>
    public static LayoutIndex For(BitLayout layout) =>
        last is { } known && ReferenceEquals(known.Layout, layout) ? known : last = Indexes.GetOrAdd(layout, static l => new LayoutIndex(l));

    /// <summary>The position of the field named <paramref name="name"/>, as <see cref="BitLayout.FindField"/> finds it; -1 when the layout has none.</summary>
    public int Position(string name) => positions.TryGetValue(name, out var position) ? position : -1;

    /// <summary>Whether field <paramref name="field"/> applies to <paramref name="word"/>, as <see cref="BitLayout.Applies"/> says.</summary>
    public bool Applies(int field, ulong word)
    {
        foreach (var condition in conditions[field])
        {
            if (!condition.Holds(condition.On.Extract(word)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the table names values of field <paramref name="field"/>.</summary>
    public bool HasMeanings(int field) => meanings[field] is not null;

    /// <summary>The table's name for <paramref name="value"/> of field <paramref name="field"/>, as <see cref="BitLayout.MeaningOf"/> gives it.</summary>
    public string? MeaningOf(int field, ulong value) =>
        tabled[field] is { } table ? (value < (ulong)table.Length ? table[value] : null)
        : meanings[field] is { } named && named.TryGetValue(value, out var text) ? text : null;

    /// <summary>
    /// When the table names values of field <paramref name="field"/> but not <paramref name="value"/>, the warning that
    /// says so ("DFSC = 0x1c is a value the Arm ARM reserves …"), made once for each value of a narrow field; otherwise null.
    /// </summary>
    public string? ReservedWarning(int field, ulong value)
    {
        if (meanings[field] is null || MeaningOf(field, value) is not null)
        {
            return null;
        }

        if (tabled[field] is null || value >= (ulong)tabled[field]!.Length)
        {
            return Reserved(Fields[field], value);
        }

        var warnings = reservedWarnings[field] ??= new string?[tabled[field]!.Length];
        return warnings[value] ??= Reserved(Fields[field], value);
    }

    private static string Reserved(BitField field, ulong value) =>
        field.Name + " = 0x" + value.ToString("x", CultureInfo.InvariantCulture) + " is a value the Arm ARM reserves (or this table does not name)";

    private static string?[] Table(BitField field, Dictionary<ulong, string> named)
    {
        var table = new string?[1 << field.Width];
        foreach (var (value, text) in named)
        {
            if (value < (ulong)table.Length)
            {
                table[value] = text;
            }
        }

        return table;
    }

    private static Dictionary<ulong, string>? MeaningsOf(BitLayout layout, BitField field)
    {
        var named = layout.Meanings.Where(m => m.Field == field).ToList();
        if (named.Count == 0)
        {
            return null;
        }

        // The first row of a value wins, as BitLayout.MeaningOf finds it.
        var byValue = new Dictionary<ulong, string>();
        foreach (var meaning in named)
        {
            byValue.TryAdd(meaning.Value, meaning.Text);
        }

        return byValue;
    }
}
