using System.Collections.Generic;

namespace TrapGen.Testing.Qemu.Monitor;

/// <summary>A trap policy the EL2 monitor boots a real guest under.</summary>
/// <param name="Name">Its name in test output and in the recordings' file names.</param>
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

    /// <summary>Gets MDCR_EL2's trap controls (the monitor keeps HPMN's reset value).</summary>
    public ulong Mdcr { get; init; }

    /// <summary>
    /// Gets the AArch64 reads the policy answers itself, each by its syndrome (Rt 0) and the value the guest reads: the
    /// identification registers, as a hypervisor gives its view of the CPU. Every other trapped access is performed on the CPU.
    /// </summary>
    public IReadOnlyList<KeyValuePair<uint, ulong>> AnsweredReads64 { get; init; } = [];

    /// <summary>Gets the AArch32 cp15 MRC reads the policy answers itself, each by its syndrome (Rt 0, COND 0xE) and value.</summary>
    public IReadOnlyList<KeyValuePair<uint, ulong>> AnsweredReads32 { get; init; } = [];
}
