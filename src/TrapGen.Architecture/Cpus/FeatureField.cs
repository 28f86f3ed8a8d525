namespace TrapGen.Architecture;

/// <summary>
/// One row of Tables/features.table: an Arm architecture feature is implemented when an ID register's field
/// holds at least <see cref="MinValue"/> (the Arm ARM's "FEAT_CCIDX implements the functionality identified
/// by ID_AA64MMFR2_EL1.CCIDX == 0b0001").
/// </summary>
/// <param name="Feature">The feature: FEAT_CCIDX.</param>
/// <param name="Register">The ID register that reports it.</param>
/// <param name="Field">The field, as register-fields.table names it.</param>
/// <param name="MinValue">The least value that means implemented.</param>
/// <param name="IsSigned">True for a signed field, whose all-ones value means not implemented (ID_AA64PFR0_EL1.FP).</param>
public sealed record FeatureField(string Feature, string Register, string Field, int MinValue, bool IsSigned)
{
    /// <summary>Gets whether <paramref name="registerValue"/>, the register's value, reports the feature.</summary>
    public bool IsReportedBy(ulong registerValue)
    {
        if (RegisterFields.Find(Register, Field) is not { } field)
        {
            return false;
        }

        var value = field.Extract(registerValue);
        if (IsSigned && value == field.Mask >> field.Lsb && field.Width < 64)
        {
            return false;
        }

        return value >= (ulong)MinValue;
    }
}
