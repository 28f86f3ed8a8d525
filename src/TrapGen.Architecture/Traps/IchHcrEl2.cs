namespace TrapGen.Architecture;

/// <summary>
/// ICH_HCR_EL2, the GIC virtual CPU interface's hypervisor control register (GICv3, IHI 0069); its bits that trap EL1
/// accesses to the ICC_* (and ICV_*) System registers are in <see cref="TrapControls"/>: TC, TALL0, TALL1 and TDIR.
/// On a CPU without the GIC System register interface the register does not exist and traps nothing.
/// </summary>
public static class IchHcrEl2
{
    /// <summary>The register's name.</summary>
    public const string Name = "ICH_HCR_EL2";
}
