namespace TrapGen.Architecture;

/// <summary>PMCR_EL0, the Performance Monitors Control Register (D24.5.8), for its one field TrapGen reads: N.</summary>
public static class PmcrEl0
{
    /// <summary>The register's name.</summary>
    public const string Name = "PMCR_EL0";

    /// <summary>
    /// N, bits [15:11]: the number of event counters implemented. When EL2 is implemented and enabled, reads of it from EL1
    /// and EL0 return the Effective value of MDCR_EL2.HPMN (D24.5.8), as do reads of the AArch32 PMCR.N.
    /// </summary>
    public static readonly BitField N = new("N", 11, 5);
}
