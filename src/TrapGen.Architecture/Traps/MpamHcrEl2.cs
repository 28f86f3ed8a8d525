namespace TrapGen.Architecture;

/// <summary>
/// MPAMHCR_EL2, MPAM's hypervisor control register (D24.12.12), present only with MPAM's virtualization option
/// (MPAMIDR_EL1.HAS_HCR); its TRAP_MPAMIDR_EL1 (<see cref="TrapControls"/>) traps EL1 reads of MPAMIDR_EL1, before
/// MPAM2_EL2.TIDR. On a CPU without it the register does not exist and traps nothing.
/// </summary>
public static class MpamHcrEl2
{
    /// <summary>The register's name.</summary>
    public const string Name = "MPAMHCR_EL2";
}
