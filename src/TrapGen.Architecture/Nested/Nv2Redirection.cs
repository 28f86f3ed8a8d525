namespace TrapGen.Architecture;

/// <summary>
/// An EL2 register whose EL1 accesses FEAT_NV2 redirects to an EL1 register (a row of Tables/nv2-redirections.table): while
/// the Effective HCR_EL2.{NV, NV2} is {1, 1}, an MRS or MSR of <see cref="Register"/> at EL1 reads or writes
/// <see cref="To"/> instead of trapping (D8.14.6.1: ESR_EL2 reaches ESR_EL1).
/// </summary>
/// <param name="Register">The EL2 register the accessor names.</param>
/// <param name="To">The EL1 register the access reaches.</param>
/// <param name="Section">The Arm ARM sections of its accessors.</param>
public sealed record Nv2Redirection(Aarch64Register Register, Aarch64Register To, string Section)
{
    /// <summary>The condition under which every access is redirected: the Effective HCR_EL2.{NV2, NV} {1, 1}, whatever NV1.</summary>
    public const NvxCondition Condition = NvxCondition.Nvx1x1;
}
