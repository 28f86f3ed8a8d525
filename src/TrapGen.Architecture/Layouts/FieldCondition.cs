using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>
/// When a field of a syndrome applies: data abort SAS only when ISV is 1, SET only for a synchronous
/// External abort. A field with several conditions applies when all hold.
/// </summary>
/// <param name="Field">The field that applies conditionally.</param>
/// <param name="On">The field whose value decides.</param>
/// <param name="Patterns">The values of <paramref name="On"/> for which it applies (any of them).</param>
public sealed record FieldCondition(BitField Field, BitField On, IReadOnlyList<ValuePattern> Patterns)
{
    /// <summary>Gets whether the condition holds for a syndrome whose <see cref="On"/> field is <paramref name="onValue"/>.</summary>
    public bool Holds(ulong onValue)
    {
        foreach (var pattern in Patterns)
        {
            if (pattern.Matches(onValue))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A value, or a set of values when some bits are "don't care" (0b0101xx).</summary>
/// <param name="Value">The bits that must match.</param>
/// <param name="Care">Which bits must match; 0 bits are "x".</param>
public readonly record struct ValuePattern(ulong Value, ulong Care)
{
    /// <summary>Gets whether <paramref name="value"/> matches.</summary>
    public bool Matches(ulong value) => ((value ^ Value) & Care) == 0;

    /// <summary>Gets whether some value matches both patterns.</summary>
    public bool Intersects(ValuePattern other) => ((Value ^ other.Value) & Care & other.Care) == 0;
}
