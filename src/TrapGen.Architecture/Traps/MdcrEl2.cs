namespace TrapGen.Architecture;

/// <summary>
/// MDCR_EL2, the monitor debug configuration register; its trap bits (TDA, TDOSA, TDRA for the debug registers,
/// TPM and TPMCR for the Performance Monitors registers) are in <see cref="TrapControls"/>.
/// </summary>
public static class MdcrEl2
{
    /// <summary>The register's name.</summary>
    public const string Name = "MDCR_EL2";

    /// <summary>TDE, bit 8: routes debug exceptions to EL2 and forces TDA, TDOSA and TDRA (not TPM or TPMCR) to act as set.</summary>
    public const int TDE = 8;
}
