using System;

namespace TrapGen.Architecture;

/// <summary>
/// The values of the eleven fine-grained trap registers (<see cref="FineGrainedTraps.Registers"/>), as one EL1 access
/// sees them. The default is every register 0: no field that traps while set traps, and every field that traps while
/// clear (nPIR_EL1, nTPIDR2_EL0, ...) does, on a CPU that has it, as after a reset into EL2.
/// </summary>
public readonly struct FineGrainedTrapValues : IEquatable<FineGrainedTrapValues>
{
    private readonly ulong hfgrtr, hfgwtr, hfgitr, hdfgrtr, hdfgwtr, hafgrtr, hfgrtr2, hfgwtr2, hfgitr2, hdfgrtr2, hdfgwtr2;

    private FineGrainedTrapValues(in FineGrainedTrapValues other, int index, ulong value)
    {
        this = other;
        switch (index)
        {
            case 0: hfgrtr = value; break;
            case 1: hfgwtr = value; break;
            case 2: hfgitr = value; break;
            case 3: hdfgrtr = value; break;
            case 4: hdfgwtr = value; break;
            case 5: hafgrtr = value; break;
            case 6: hfgrtr2 = value; break;
            case 7: hfgwtr2 = value; break;
            case 8: hfgitr2 = value; break;
            case 9: hdfgrtr2 = value; break;
            case 10: hdfgwtr2 = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(index), index, "a fine-grained trap register's index is 0 to 10");
        }
    }

    /// <summary>Gets the value of the register at <paramref name="index"/> of <see cref="FineGrainedTraps.Registers"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an index outside 0 to 10.</exception>
    public ulong this[int index] => index switch
    {
        0 => hfgrtr,
        1 => hfgwtr,
        2 => hfgitr,
        3 => hdfgrtr,
        4 => hdfgwtr,
        5 => hafgrtr,
        6 => hfgrtr2,
        7 => hfgwtr2,
        8 => hfgitr2,
        9 => hdfgrtr2,
        10 => hdfgwtr2,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "a fine-grained trap register's index is 0 to 10"),
    };

    /// <summary>Gets these values with the register at <paramref name="index"/> of <see cref="FineGrainedTraps.Registers"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an index outside 0 to 10.</exception>
    public FineGrainedTrapValues With(int index, ulong value) => new(this, index, value);

    /// <summary>Compares two sets of values.</summary>
    public static bool operator ==(FineGrainedTrapValues left, FineGrainedTrapValues right) => left.Equals(right);

    /// <summary>Compares two sets of values.</summary>
    public static bool operator !=(FineGrainedTrapValues left, FineGrainedTrapValues right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(FineGrainedTrapValues other)
    {
        for (var i = 0; i < 11; i++)
        {
            if (this[i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FineGrainedTrapValues other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = 17UL;
        for (var i = 0; i < 11; i++)
        {
            hash = (hash * 31) ^ this[i];
        }

        return hash.GetHashCode();
    }
}
