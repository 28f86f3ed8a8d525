using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// A trap control that traps a range of encodings, not a named register (a row of Tables/range-traps.table):
/// HCR_EL2.TID3's reads of the ID space, TIDCP's accesses to the IMPLEMENTATION DEFINED space. It covers every
/// access of its trap class whose key fields all take one of its values, named by the tables or not.
/// </summary>
public sealed class RangeTrap
{
    /// <summary>Creates one; Tables/range-traps.table's rows are the only callers.</summary>
    /// <param name="control">The control that traps the range.</param>
    /// <param name="trapClass">The trap class its accesses report.</param>
    /// <param name="state">The table's state: <c>aarch64</c>, <c>cp15</c>, <c>cp14</c> or <c>vmrs</c>.</param>
    /// <param name="fields">The values of each of <paramref name="trapClass"/>'s key fields; a field not named takes every value.</param>
    /// <param name="direction">The accesses it traps.</param>
    /// <param name="feature">The feature that makes the trap required, or null when every CPU with the control must trap the range.</param>
    /// <param name="section">The Arm ARM sections the row comes from, comma-separated.</param>
    /// <exception cref="ArgumentException">A field is not one of <paramref name="trapClass"/>'s key fields.</exception>
    public RangeTrap(TrapControl control, TrapClass trapClass, string state, IReadOnlyList<FieldRange> fields, AccessDirection direction, string? feature, string section)
    {
        Control = control ?? throw new ArgumentNullException(nameof(control));
        Class = trapClass ?? throw new ArgumentNullException(nameof(trapClass));
        State = state ?? throw new ArgumentNullException(nameof(state));
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        if (fields.FirstOrDefault(f => !trapClass.KeyFields.Any(k => k.Name == f.Field)) is { } stray)
        {
            throw new ArgumentException(stray.Field + " is not a key field of " + trapClass.Name, nameof(fields));
        }

        KeyFields = [.. fields.Select(f => trapClass.KeyFields.First(k => k.Name == f.Field))];
        Direction = direction;
        Rule = new TrapRule(control, direction);
        Feature = feature;
        Section = section ?? throw new ArgumentNullException(nameof(section));
    }

    /// <summary>Gets the control that traps the range.</summary>
    public TrapControl Control { get; }

    /// <summary>Gets the trap class its accesses report.</summary>
    public TrapClass Class { get; }

    /// <summary>Gets the table's state: <c>aarch64</c>, <c>cp15</c>, <c>cp14</c> or <c>vmrs</c>.</summary>
    public string State { get; }

    /// <summary>Gets the values of the key fields it names, in the table's order.</summary>
    public IReadOnlyList<FieldRange> Fields { get; }

    /// <summary>Gets the accesses it traps.</summary>
    public AccessDirection Direction { get; }

    /// <summary>Gets its rule: its control, in its direction.</summary>
    public TrapRule Rule { get; }

    /// <summary>Gets the feature that makes the trap required (<c>FEAT_FGT</c>), or null when every CPU with the control must trap the range.</summary>
    public string? Feature { get; }

    /// <summary>Gets the Arm ARM sections the row comes from, comma-separated (<c>D24.2.62</c>).</summary>
    public string Section { get; }

    /// <summary>Gets the encoding range as the Arm ARM writes it: <c>op0 3, op1 0, CRn 0, CRm 2-7, op2 0-7</c>.</summary>
    public string Encoding => string.Join(", ", Fields);

    /// <summary>The key fields <see cref="Fields"/> names, in its order.</summary>
    private BitField[] KeyFields { get; }

    /// <summary>Gets whether the access of <paramref name="trapClass"/> with ISS key <paramref name="key"/> is in the range. Allocates nothing.</summary>
    public bool Contains(TrapClass trapClass, uint key)
    {
        if (trapClass != Class)
        {
            return false;
        }

        for (var i = 0; i < KeyFields.Length; i++)
        {
            if (!Fields[i].Contains((uint)KeyFields[i].Extract(key)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gets the ISS key of every access in the range, its class's key fields in their order, the last fastest.</summary>
    public IEnumerable<uint> Keys()
    {
        IEnumerable<int[]> values = [[]];
        foreach (var field in Class.KeyFields)
        {
            var named = Fields.FirstOrDefault(f => f.Field == field.Name);
            var choices = named?.Values.ToArray() ?? [.. Enumerable.Range(0, (int)field.MaxValue + 1)];
            values = values.SelectMany(prefix => choices.Select(choice => (int[])[.. prefix, choice]));
        }

        return values.Select(Class.Key);
    }

    /// <inheritdoc/>
    public override string ToString() => Control.QualifiedName + " " + State + " " + Encoding;
}
