using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// What the QEMU probe runs at EL1, from TrapGen's architecture tables: the HCR_EL2 and MDCR_EL2 trap
/// controls it sets and, per execution state, the accesses the table says one of them traps, and every
/// Performance Monitors register of the architecture (<see cref="PerformanceMonitors"/>, whether or not a rule
/// says TPM traps it, so a missing rule is a disagreement rather than a smaller probe). AArch64: an MRS and an
/// MSR of each register (the debug registers under TDA, TDOSA and TDRA, the PMU's under TPM and TPMCR), each System
/// instruction, every encoding of the ID register space, an SMC (TSC, EC 0x17), and CCSIDR_EL1 read after
/// writing CSSELR_EL1 = 0, 1 and 2. AArch32: an MRC and an MCR (MRRC and MCRR) of each cp15 register and
/// operation (the PMU's c9 and c14 registers among them), of every unnamed encoding of the AArch32 ID register space (p15, 0, c0, c3–c7, 0–7) and of
/// each cp14 register cortex-a57 has (JIDR under TID0, the debug registers under TDA, TDOSA and TDRA: EC
/// 0x05), a VMRS of FPSID, MVFR0, MVFR1 and MVFR2 (TID0, TID3, EC 0x08) and an SMC (TSC, EC 0x13).
/// </summary>
public static class ProbeInstructions
{
    /// <summary>The immediate of the A64 SMC the probe runs: EC 0x17 reports it.</summary>
    public const int SmcImmediate = 0x1234;

    /// <summary>The CSSELR_EL1 values the probe selects before reading CCSIDR_EL1: L1 data, L1 instruction, L2.</summary>
    public static IReadOnlyList<int> CacheSelections { get; } = [0, 1, 2];

    /// <summary>
    /// Trap controls the probe leaves out, because QEMU 7.2 does not implement them. HCR_EL2.TIDCP traps the
    /// IMPLEMENTATION DEFINED space: the runtime's TidcpTests check those rows against the Arm ARM's description
    /// instead. MDCR_EL2.TPMCR traps PMCR_EL0 and PMCR: QEMU 7.2's pmreg_access checks TPM alone (the probe found
    /// PMCR_EL0 and PMCR executing under TPMCR; target/arm gained the check in August 2025, "target/arm: Trap
    /// PMCR when MDCR_EL2.TPMCR is set"), so the runtime's PmuTrapTests check TPMCR against the Arm ARM instead.
    /// </summary>
    private static readonly string[] ExcludedControls = ["TIDCP", "TPMCR"];

    /// <summary>
    /// The CPU model the probe runs on, QEMU's <c>-cpu cortex-a57</c>: a write of a register it lacks takes
    /// the scratch address, as the probe cannot read the register's own value at EL2 (that read would UNDEF).
    /// </summary>
    public static CpuModel Probed { get; } = CpuModels.Default;

    /// <summary>
    /// Gets the HCR_EL2 and MDCR_EL2 trap controls the probe sets, one at a time and all together: not the event counter
    /// limit MDCR_EL2.HPMN, a field the probe leaves at QEMU's reset value (PMCR_EL0.N), under which no counter traps; the
    /// runtime's EventCounterLimitTrapTests check it against the Arm ARM.
    /// </summary>
    public static IReadOnlyList<TrapControl> Controls { get; } =
        [.. TrapControls.All.Where(c => c.Register is HcrEl2.Name or MdcrEl2.Name && !c.IsCounterLimit && !ExcludedControls.Contains(c.Name))];

    /// <summary>The name of the probe's read of CCSIDR_EL1 after it wrote <paramref name="csselr"/> to CSSELR_EL1.</summary>
    public static string CacheSizeIdRead(int csselr) => string.Create(CultureInfo.InvariantCulture, $"CCSIDR_EL1 (CSSELR_EL1 {csselr}) read");

    /// <summary>
    /// The AArch64 accesses: those the table says an included control traps, in both directions (the other
    /// direction checks that the architecture's UNDEF comes first: a write of an ID register is UNDEFINED
    /// even under TID3). Armv8.0 only, as cortex-a57 is: a later feature's register is unallocated there,
    /// except in the ID register space, where every encoding is a (reserved, RAZ) ID register; the unnamed
    /// ones too.
    /// </summary>
    public static IReadOnlyList<ProbeInstruction> Aarch64()
    {
        var registers = Aarch64Registers.All.Where(r => r.IsGuestAccessible && (Covered(r.Traps) || PerformanceMonitors.IsRegister(r)) && (r.Feature is null || InIdSpace(r.Encoding) || Requirements.Of(r) is not null) && OnCortexA57(r.Name));
        var named = Aarch64Registers.All.Select(r => r.Encoding).ToHashSet();
        var unnamed = Enumerable.Range(1, 7).SelectMany(crm => Enumerable.Range(0, 8).Select(op2 => new Aarch64Encoding(3, 0, 0, crm, op2)))
            .Where(e => !named.Contains(e));
        var system = SystemInstructions.All.Where(i => (i.Feature is null || Requirements.Of(i) is not null) && i.ExceptionLevel <= 1 && Covered(i.Traps));
        var csselr = Aarch64Registers.All.Single(r => r.Name == "CSSELR_EL1");
        var ccsidr = Aarch64Registers.All.Single(r => r.Name == "CCSIDR_EL1");
        return
        [
            .. registers.SelectMany(r => new[] { ProbeInstruction.Read(r), Probed.Implements(r) ? ProbeInstruction.Write(r) : ProbeInstruction.WriteAny(r.Name, r.Encoding) }),
            .. unnamed.SelectMany(e => new[] { ProbeInstruction.Read("reserved ID register", e), ProbeInstruction.WriteAny("reserved ID register", e) }),
            .. system.Select(ProbeInstruction.Execute),
            ProbeInstruction.Smc(SmcImmediate),
            .. CacheSelections.SelectMany(n => new[]
            {
                ProbeInstruction.Write(csselr) with { Name = string.Create(CultureInfo.InvariantCulture, $"CSSELR_EL1 = {n} write"), ValueOf = string.Create(CultureInfo.InvariantCulture, $"mov x1, #{n}") },
                ProbeInstruction.Read(ccsidr) with { Name = CacheSizeIdRead(n) },
            }),
        ];
    }

    /// <summary>
    /// The AArch32 accesses: each cp15 register an included control traps, each cp14 register cortex-a57
    /// has, every unnamed encoding of the ID register space, the VMRS ID registers and an SMC. Left out:
    /// LDC and STC of p14, c5, which QEMU 7.2 does not decode (a32.decode: "the other coprocessor
    /// instructions always UNDEF"), so they UNDEF where TDA traps them with EC 0x06; and MRRC of DBGDRAR and
    /// DBGDSAR, whose 64-bit reginfo (debug_lpae_cp_reginfo) has no access function, so QEMU runs them where
    /// TDRA traps them with EC 0x0C. The runtime's DebugTrapTests check those against the Arm ARM instead.
    /// </summary>
    public static IReadOnlyList<ProbeInstruction> Aarch32()
    {
        var registers = Aarch32Registers.All.Where(r => r.Coprocessor == 15 && r.IsGuestAccessible && (Covered(r.Traps) || PerformanceMonitors.IsRegister(r)) && OnQemu(r));
        var debug = Aarch32Registers.All.Where(r => r.Coprocessor == Aarch32Constants.Cp14 && r.Encoding.Form == AccessForm.Mcr && r.IsGuestAccessible && OnCortexA57(r.Name));
        var named = Aarch32Registers.All.Where(r => r.Coprocessor == 15).Select(r => r.Encoding).ToHashSet();
        var unnamed = Enumerable.Range(3, 5).SelectMany(crm => Enumerable.Range(0, 8).Select(opc2 => Aarch32Encoding.Cp15(AccessForm.Mcr, 0, 0, crm, opc2)))
            .Where(e => !named.Contains(e));
        return
        [
            .. registers.Concat(debug).SelectMany(r => new[] { ProbeInstruction.Read(r), Probed.Implements(r) ? ProbeInstruction.Write(r) : ProbeInstruction.WriteAny(r.Name, r.Encoding) }),
            .. unnamed.SelectMany(e => new[] { ProbeInstruction.Read("reserved ID register", e), ProbeInstruction.WriteAny("reserved ID register", e) }),
            .. Aarch32Registers.All.Where(r => r.Class == TrapClasses.Vmrs).Select(ProbeInstruction.Vmrs),
            ProbeInstruction.Smc(0),
        ];
    }

    /// <summary>
    /// Whether QEMU defines a cp15 row: every one but a 64-bit (MRRC/MCRR) view QEMU lacks
    /// (<see cref="QemuDepartures.Lacks"/>: PMCCNTR, which QEMU 7.2 UNDEFs where MDCR_EL2.TPM traps it with EC
    /// 0x04). The runtime's PmuTrapTests check that view against the Arm ARM instead.
    /// </summary>
    private static bool OnQemu(Aarch32Register register) => !(register.Encoding.Form == AccessForm.Mcrr && QemuDepartures.Lacks.ContainsKey(register.Name));

    private static bool Covered(IEnumerable<TrapRule> rules) => rules.Any(rule => Controls.Contains(rule.Control));

    /// <summary>
    /// Whether a debug register, AArch64 or cp14, exists on cortex-a57: every one the tables list but the
    /// breakpoint and watchpoint registers beyond its 6 breakpoints and 4 watchpoints (how many is
    /// IMPLEMENTATION DEFINED, DBGDIDR.BRPs and WRPs; the tables list the architecture's 16), and those QEMU
    /// lacks (<see cref="QemuDepartures.Lacks"/>). Any other register is kept.
    /// </summary>
    private static bool OnCortexA57(string name)
    {
        if (QemuDepartures.Lacks.ContainsKey(name))
        {
            return false;
        }

        var match = Regex.Match(name, "^DBG(B|W)X?[VC]R([0-9]+)(_EL1)?$");
        return !match.Success || int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) < (match.Groups[1].Value == "B" ? 6 : 4);
    }

    private static bool InIdSpace(Aarch64Encoding e) => e is { Op0: 3, Op1: 0, CRn: 0, CRm: >= 1 and <= 7 };
}
