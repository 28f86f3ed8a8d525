using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// Where QEMU 7.2's CPU models depart from the Arm ARM, each with its reason, so that the tests that
/// compare TrapGen with QEMU follow the architecture there and say so. Found by the probes; each was
/// checked against the Arm ARM (DDI 0487) and QEMU's source (target/arm).
/// </summary>
public static class QemuDepartures
{
    /// <summary>
    /// Registers every Armv8.0 CPU has that QEMU's models do not define (an access UNDEFs there): target/arm
    /// defines none of the OS data transfer registers, OSECCR, DBGPRCR, the claim tags, DBGAUTHSTATUS or
    /// the debug communications channel's DBGDTR*; it places DBGDEVID, DBGDEVID1 and DBGDEVID2 at p14, 0,
    /// c7, c0, {2,1,0} (their initializers set .crn twice and no .crm) instead of p14, 0, c7, c{2,1,0}, 7; it
    /// lacks DBGWFAR (RES0 in Armv8) and the upper halves of the context-aware breakpoints (DBGBXVR&lt;n&gt;);
    /// and it has no 64-bit MRRC view of PMCCNTR.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Lacks { get; } = new Dictionary<string, string>(
        Enumerable.Range(0, 16).Select(n => new KeyValuePair<string, string>(string.Create(CultureInfo.InvariantCulture, $"DBGBXVR{n}"), "QEMU's AArch32 debug registers have no DBGBXVR<n>")))
    {
        ["OSDTRRX_EL1"] = "QEMU defines no OS data transfer registers",
        ["OSDTRTX_EL1"] = "QEMU defines no OS data transfer registers",
        ["OSECCR_EL1"] = "QEMU defines no OSECCR_EL1",
        ["DBGPRCR_EL1"] = "QEMU defines no DBGPRCR_EL1",
        ["DBGCLAIMSET_EL1"] = "QEMU defines no claim tags",
        ["DBGCLAIMCLR_EL1"] = "QEMU defines no claim tags",
        ["DBGAUTHSTATUS_EL1"] = "QEMU defines no DBGAUTHSTATUS_EL1",
        ["DBGDTR_EL0"] = "QEMU defines no DCC registers",
        ["DBGDTRRX_EL0"] = "QEMU defines no DCC registers",
        ["DBGDTRTX_EL0"] = "QEMU defines no DCC registers",
        ["DBGDTRRXEXT"] = "QEMU defines no OS data transfer registers",
        ["DBGDTRTXEXT"] = "QEMU defines no OS data transfer registers",
        ["DBGDTRTXINT"] = "QEMU defines no DCC registers",
        ["DBGOSECCR"] = "QEMU defines no OSECCR",
        ["DBGPRCR"] = "QEMU defines no DBGPRCR",
        ["DBGCLAIMSET"] = "QEMU defines no claim tags",
        ["DBGCLAIMCLR"] = "QEMU defines no claim tags",
        ["DBGAUTHSTATUS"] = "QEMU defines no DBGAUTHSTATUS",
        ["DBGDEVID"] = "QEMU places DBGDEVID at p14, 0, c7, c0, 2",
        ["DBGDEVID1"] = "QEMU places DBGDEVID1 at p14, 0, c7, c0, 1",
        ["DBGDEVID2"] = "QEMU places DBGDEVID2 at p14, 0, c7, c0, 0",
        ["DBGWFAR"] = "QEMU defines no DBGWFAR (RES0 in Armv8)",
        ["PMCCNTR"] = "QEMU has no 64-bit MRRC view of PMCCNTR",
    };

    /// <summary>
    /// Encodings QEMU's models read where the Arm ARM allocates nothing (Table G7-3): p15, 0, c0, c8–c15
    /// (QEMU reads them as zero, and traps them under TID3, as if they were the reserved ID space) and
    /// p15, 0, c6, c0, 1 (QEMU keeps the Armv7 watchpoint fault address register there); encodings it writes
    /// where the Arm ARM allocates nothing (the Armv6 CP15 WFI and prefetch by MVA, as NOPs); the misplaced
    /// DBGDEVID registers' encodings; and the 64-bit DBGDRAR and DBGDSAR (the encoding-space probe names an
    /// MRRC "NAME (64-bit)"), which QEMU runs without the TDRA check.
    /// </summary>
    public static string? Extra(string name) =>
        Regex.IsMatch(name, "^CP15_0_C0_C([89]|1[0-5])_[0-7]$") ? "QEMU reads p15, 0, c0, c8-c15 as zero; the Arm ARM allocates nothing there"
        : name == "CP15_0_C6_C0_1" ? "QEMU keeps Armv7's WFAR at p15, 0, c6, c0, 1; Armv8 allocates nothing there"
        : name == "SSBS" ? "QEMU gives MRS SSBS with FEAT_SSBS; the Arm ARM adds it with FEAT_SSBS2"
        : name == "CP15_0_C7_C0_4" ? "QEMU NOPs Armv6's CP15 WFI at p15, 0, c7, c0, 4 (v7_cp_reginfo); Armv8 allocates nothing there"
        : name == "CP15_0_C7_C13_1" ? "QEMU NOPs Armv6's prefetch by MVA at p15, 0, c7, c13, 1 (v6_cp_reginfo MVA_prefetch); Armv8 allocates nothing there"
        : Regex.IsMatch(name, "^CP14_0_C7_C0_[012]$") ? "QEMU places DBGDEVID2, DBGDEVID1 and DBGDEVID at p14, 0, c7, c0, 0-2"
        : name == "PMCCNTR (64-bit)" ? "QEMU has no 64-bit MRRC view of PMCCNTR"
        : name is "DBGDRAR (64-bit)" or "DBGDSAR (64-bit)" ? "QEMU's 64-bit DBGDRAR and DBGDSAR (debug_lpae_cp_reginfo) have no access function: it runs them where MDCR_EL2.TDRA traps them"
        : null;

    /// <summary>
    /// Features QEMU 7.2 reports but implements only in part: FEAT_RAS without error records (it defines no
    /// ERRSELR or ERX* register, which the Arm ARM has whenever FEAT_RAS is), and no Statistical Profiling
    /// Extension (it clears ID_AA64DFR0_EL1.PMSVer and defines no PMS*/PMB* register, though neoverse-n1's
    /// TRM gives PMSVer 1).
    /// </summary>
    public static string? Partial(string name) =>
        Regex.IsMatch(name, "^(ERRSELR|ERX[A-Z0-9]+)(_EL1)?$") ? "QEMU's FEAT_RAS has no error record registers"
        : Regex.IsMatch(name, "^PM(S|B)[A-Z]+_EL1$") ? "QEMU emulates no Statistical Profiling Extension"
        : null;

    /// <summary>
    /// Where one QEMU model is inconsistent with itself: a64fx's ID_AA64PFR0_EL1.GIC is 1 in its source
    /// whatever the board, so it reports the GIC CPU interface's System registers on the virt board's
    /// GICv2, which has none.
    /// </summary>
    public static string? OfModel(string model, string name) =>
        model == "a64fx" && name.StartsWith("ICC_", System.StringComparison.Ordinal) ? "QEMU's a64fx reports GIC 1 on a GICv2 board" : null;

    /// <summary>
    /// The identification fields QEMU clears from its models' TRM values, by register: its virt board runs
    /// without EL3 (no secure=on: arm_cpu_realizefn clears EL3, Security and CopSDbg), and it emulates no
    /// SPE (PMSVer). The models keep the TRM's values.
    /// </summary>
    public static IReadOnlyDictionary<string, ulong> ClearedFields { get; } = new Dictionary<string, ulong>
    {
        ["ID_AA64PFR0_EL1"] = 0xF000, // EL3
        ["ID_PFR1_EL1"] = 0xF0, // Security
        ["ID_DFR0_EL1"] = 0xF0, // CopSDbg
        ["ID_AA64DFR0_EL1"] = 0xF_0000_0000, // PMSVer
    };

    /// <summary>
    /// Trap controls QEMU 7.2 never acts on, each with why: HCR_EL2.TWE, because its WFE never waits. target/arm/op_helper.c's
    /// HELPER(wfe) only yields ("This is not going into a 'low power state' ... so we never take a configurable trap to a
    /// different exception level"), which the Arm ARM lets a WFE do (WaitForEvent: "PE optionally suspends execution"), but
    /// its Hint_WFE traps a WFE under TWE whenever the Event Register is clear, before it waits. TrapGen's CPU, which
    /// models no Event Register, takes every WFE to be such a one and traps it.
    /// </summary>
    public static string? Ignores(string control) =>
        control == "TWE" ? "QEMU 7.2's HELPER(wfe) never waits, so never traps (target/arm/op_helper.c: \"we never take a configurable trap\")" : null;

    /// <summary>Gets why QEMU's <paramref name="model"/> departs from the architecture at the register or encoding <paramref name="name"/>, or null.</summary>
    public static string? Why(string model, string name) => Lacks.TryGetValue(name, out var why) ? why : Extra(name) ?? Partial(name) ?? OfModel(model, name);
}
