namespace TrapGen.Architecture;

/// <summary>
/// MPAM2_EL2, MPAM's EL2 register (D24.12.3, FEAT_MPAM); its bits that trap EL1 accesses to MPAM's System registers are
/// in <see cref="TrapControls"/>: TRAPMPAM1EL1, TRAPMPAM0EL1, EnMPAMSM (FEAT_SME; traps while 0) and TIDR (MPAM v0.1 or
/// v1.1 with MPAMIDR_EL1.HAS_TIDR). On a CPU without FEAT_MPAM the register does not exist and traps nothing.
/// </summary>
public static class Mpam2El2
{
    /// <summary>The register's name.</summary>
    public const string Name = "MPAM2_EL2";
}
