namespace TrapGen.Testing.Qemu.Monitor;

/// <summary>A trap policy the EL2 monitor boots a real guest under.</summary>
/// <param name="Name">Its name in test output.</param>
/// <param name="Hcr">The HCR_EL2 trap controls the guest starts under (the monitor adds RW for an AArch64 guest).</param>
/// <param name="SeedRule">Whether the monitor applies the seed's update_sctlr: HCR_EL2.DC and TVM cleared when the guest sets SCTLR.M.</param>
public sealed record MonitorPolicy(string Name, ulong Hcr, bool SeedRule)
{
    /// <summary>HCR_EL2.DC, bit 12.</summary>
    public const ulong DC = 1UL << 12;

    /// <summary>HCR_EL2.TVM, bit 26.</summary>
    public const ulong TVM = 1UL << 26;

    /// <summary>HCR_EL2.RW, bit 31: EL1 is AArch64.</summary>
    public const ulong RW = 1UL << 31;

    /// <summary>The seed's: DC and TVM set (construct_dom0) until the guest turns its MMU on (update_sctlr).</summary>
    public static MonitorPolicy Seed { get; } = new("seed", DC | TVM, SeedRule: true);
}
