namespace TrapGen.Architecture;

/// <summary>
/// One row of Tables/register-write-masks.table: a field of an AArch64 register, what makes it exist and what
/// it reads as when it does not.
/// </summary>
/// <param name="Register">The AArch64 register: SCTLR_EL1.</param>
/// <param name="Field">The field, as (lsb, width): ITFSB [37].</param>
/// <param name="Condition">What makes it exist, in register-requirements.table's grammar (FEAT_MTE2); null for every CPU.</param>
/// <param name="Absence">What it reads as when <paramref name="Condition"/> does not hold.</param>
public sealed record WriteMaskRow(string Register, BitField Field, string? Condition, FieldAbsence Absence);
