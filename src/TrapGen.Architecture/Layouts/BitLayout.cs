using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>A syndrome or instruction layout: its named fields, most significant first (a section of Tables/layouts.table).</summary>
/// <param name="Name">The section's name, such as <c>MsrMrsIss</c>.</param>
/// <param name="ExceptionClasses">The exception classes that report it (none for instruction layouts and ESR itself).</param>
/// <param name="IsIss2">True for a layout of ESR_EL2.ISS2 [55:32], its bits counted from ISS2's bit 0.</param>
/// <param name="Description">What it is.</param>
/// <param name="Fields">Every field, most significant first.</param>
/// <param name="Meanings">What the named values of its fields mean.</param>
/// <param name="Conditions">When fields that share bits with another apply (data abort ISS[23:14] by ISV).</param>
/// <param name="FixedFields">The fields whose value the Arm ARM fixes (a trapped VMRS reports opc1 0b111 and a read).</param>
public sealed record BitLayout(
    string Name,
    IReadOnlyList<int> ExceptionClasses,
    bool IsIss2,
    string Description,
    IReadOnlyList<BitField> Fields,
    IReadOnlyList<FieldMeaning> Meanings,
    IReadOnlyList<FieldCondition> Conditions,
    IReadOnlyList<FixedField> FixedFields)
{
    /// <summary>Gets whether an exception class reports this layout (in ISS, or in ISS2 for an ISS2 layout).</summary>
    public bool IsSyndrome => ExceptionClasses.Count > 0;

    /// <summary>Gets the field called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The layout has no such field.</exception>
    public BitField Field(string name) =>
        Fields.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException("No field " + name + " in " + Name, nameof(name));

    /// <summary>Gets the field called <paramref name="name"/>, or null.</summary>
    public BitField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// Gets whether <paramref name="field"/> applies to a syndrome whose fields of this layout are in
    /// <paramref name="word"/>: every condition on it holds (SAS applies only when ISV is 1).
    /// </summary>
    public bool Applies(BitField field, ulong word)
    {
        foreach (var condition in Conditions)
        {
            if (condition.Field == field && !condition.Holds(condition.On.Extract(word)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gets whether two fields can apply to the same syndrome: no field's value decides between them.</summary>
    public bool CanApplyTogether(BitField first, BitField second)
    {
        foreach (var a in Conditions)
        {
            if (a.Field != first)
            {
                continue;
            }

            foreach (var b in Conditions)
            {
                if (b.Field == second && b.On == a.On && !a.Patterns.Any(p => b.Patterns.Any(p.Intersects)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Gets what <paramref name="value"/> of <paramref name="field"/> means, or null when the architecture names no such value.</summary>
    public string? MeaningOf(BitField field, ulong value)
    {
        foreach (var meaning in Meanings)
        {
            if (meaning.Field == field && meaning.Value == value)
            {
                return meaning.Text;
            }
        }

        return null;
    }
}
