using System.Collections.Generic;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// The list of <see cref="QemuHandlingTests"/>: where a passthrough register's value on TrapGen legitimately differs
/// from QEMU's cortex-a57, or QEMU cannot show it, each keyed by the form and what differs (<c>reset</c>, the value
/// before any write; <c>write</c>, a read-back after a write; <c>absent</c>, a register QEMU 7.2 does not have) with
/// its reason. The test fails on a difference this list lacks and on an entry that no longer differs, so the list
/// changes only with this file.
/// </summary>
internal static class QemuHandlingDifferences
{
    /// <summary>The listed differences, by key, each with its reason.</summary>
    public static IReadOnlyDictionary<string, string> Listed { get; } = new Dictionary<string, string>(System.StringComparer.Ordinal)
    {
        ["DBGDTRTX_EL0 absent"] =
            "QEMU 7.2 defines no debug communications channel registers (QemuDepartures): an MSR or MRS of them UNDEFs, so it has no value to compare",
        ["DBGDTRTXINT absent"] = "the AArch32 view of DBGDTRTX_EL0, which QEMU 7.2 lacks as above",
        ["DBGBXVR0 absent"] =
            "the AArch32 view of DBGBVR0_EL1's high word (the context-aware breakpoints' DBGBXVR<n>): QEMU 7.2's AArch32 debug "
            + "registers have none (QemuDepartures), so only DBGBVR0, the low word, is compared",
        ["DBGBCR0_EL1 write"] =
            "the probe's mixed pattern writes BAS [8:5] = 0b1001, a reserved value (the Arm ARM's DBGBCR<n>_EL1.BAS: 0b0011, 0b1100 "
            + "and 0b1111 for an address match; the others CONSTRAINED UNPREDICTABLE); QEMU's dbgbcr_write makes BAS[3] a read-only "
            + "copy of BAS[2] and BAS[1] of BAS[0] (reads 0b0011), TrapGen stores what is written. A write mask cannot copy a bit, "
            + "and the permitted values read back the same on both",
        ["DBGBCR0 write"] = "the AArch32 view of DBGBCR0_EL1: the same reserved BAS value and QEMU's copy of BAS[2] and BAS[0]",
    };
}
