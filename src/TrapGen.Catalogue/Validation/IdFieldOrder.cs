using TrapGen.Architecture;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// The order of an ID field's values, as the Arm ARM's ID scheme defines it: a larger value means more, except in a
/// signed field (<see cref="RegisterFields.IsSigned"/>: ID_AA64PFR0_EL1.FP, AdvSIMD, ...), whose all-ones value
/// (0b1111, -1) means "not implemented" and is the least.
/// </summary>
internal static class IdFieldOrder
{
    /// <summary>Gets <paramref name="value"/> of <paramref name="field"/> as a number to compare: sign-extended when <paramref name="signed"/>.</summary>
    public static long Rank(BitField field, ulong value, bool signed)
    {
        if (!signed || field.Width >= 64)
        {
            return unchecked((long)value);
        }

        var sign = 1UL << (field.Width - 1);
        return (value & sign) == 0 ? (long)value : (long)value - (1L << field.Width);
    }
}
