namespace TrapGen.Architecture;

/// <summary>
/// HCR_EL2 bits that are not trap controls (Arm ARM D24.2 HCR_EL2). The trap controls, and what each
/// traps, are in <see cref="TrapControls"/>.
/// </summary>
public static class HcrEl2
{
    /// <summary>The register's name.</summary>
    public const string Name = "HCR_EL2";

    /// <summary>DC, bit 12: default cacheability; stage 1 acts as if the guest's MMU were on and cacheable.</summary>
    public const int DC = 12;

    /// <summary>RW, bit 31: EL1 is AArch64.</summary>
    public const int RW = 31;
}
