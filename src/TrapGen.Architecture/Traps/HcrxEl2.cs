namespace TrapGen.Architecture;

/// <summary>
/// HCRX_EL2, the extended hypervisor configuration register (FEAT_HCX); its enables that trap an EL1 System register
/// access while 0 are in <see cref="TrapControls"/>: TCR2En, SCTLR2En, EnFPM and SRMASKEn, and so are EnALS, EnASR and EnAS0,
/// which trap LD64B and ST64B, ST64BV and ST64BV0 while 0, and TALLINT, which traps EL1 writes of ALLINT while 1. On a CPU without FEAT_HCX
/// (or without the enable's own feature) the field does not exist and traps nothing, whatever its value.
/// </summary>
public static class HcrxEl2
{
    /// <summary>The register's name.</summary>
    public const string Name = "HCRX_EL2";

    /// <summary>The feature that makes it exist (features.table): without it IsHCRXEL2Enabled() is FALSE.</summary>
    public const string Feature = "FEAT_HCX";
}
