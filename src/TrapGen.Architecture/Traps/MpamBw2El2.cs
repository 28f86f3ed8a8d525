namespace TrapGen.Architecture;

/// <summary>
/// MPAMBW2_EL2, MPAM's EL2 PE-side bandwidth control register (D24.12.7, FEAT_MPAM_PE_BW_CTRL: MPAMIDR_EL1.HAS_BW_CTRL);
/// its nTRAP_MPAMBW1_EL1, nTRAP_MPAMBW0_EL1, nTRAP_MPAMBWIDR_EL1 and nTRAP_MPAMBWSM_EL1 (<see cref="TrapControls"/>)
/// trap EL1 accesses to the bandwidth registers while 0. On a CPU without the feature it traps nothing.
/// </summary>
public static class MpamBw2El2
{
    /// <summary>The register's name.</summary>
    public const string Name = "MPAMBW2_EL2";
}
