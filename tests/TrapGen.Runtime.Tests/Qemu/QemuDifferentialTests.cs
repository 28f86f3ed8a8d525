using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Emulation;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// Issue 11: TrapGen's emulated CPU against a real CPU model. A bare-metal probe runs at EL2 on QEMU's
/// cortex-a57 (Armv8.0) and, under no HCR_EL2 trap control, each one alone and all of them together,
/// makes an EL1 run every access the architecture table says one of them traps. AArch64: an MRS and an
/// MSR of each register, each System instruction, every encoding of the ID register space, and an SMC
/// (TSC, EC 0x17). AArch32: an MRC and an MCR (MRRC and MCRR) of each cp15 register and operation and of
/// each cp14 register cortex-a57 has (JIDR under TID0, EC 0x05 and 0x0C), a VMRS of FPSID, MVFR0, MVFR1 and
/// MVFR2 (TID0, TID3, EC 0x08) and an SMC (TSC, EC 0x13). TrapGen's CPU runs the same
/// words under the same HCR_EL2 and must decide the same (trap to EL2, UNDEF at EL1, or execute) with the
/// same ESR_EL2 (EC, IL and ISS). Both disagreements this test first found are fixed in TrapGen: System
/// instructions ran without a trap check, and the reserved ID registers were UNDEFINED instead of RAZ.
/// </summary>
public sealed class QemuDifferentialTests(ITestOutputHelper output)
{
    /// <summary>
    /// HCR_EL2 trap controls the probe leaves out. TIDCP traps the IMPLEMENTATION DEFINED space, which QEMU
    /// 7.2 does not implement the trap for: <see cref="TidcpTests"/> checks those rows against the Arm ARM's
    /// description of HCR_EL2.TIDCP instead.
    /// </summary>
    private static readonly string[] ExcludedControls = ["TIDCP"];

    /// <summary>The immediate of the A64 SMC the probe runs: EC 0x17 reports it.</summary>
    private const int SmcImmediate = 0x1234;

    /// <summary>
    /// AArch32 registers the probe leaves out, because cortex-a57 (Armv8.0) does not implement them and
    /// their encodings are UNDEFINED there (the AArch32 table, unlike the AArch64 one, records no feature, so
    /// the emulated CPU treats them as present): CCSIDR2 needs FEAT_CCIDX (Armv8.3); TTBCR2 needs
    /// FEAT_AA32HPD (Armv8.2); ACTLR2 is optional before Armv8.2 (ID_MMFR4.AC2), and QEMU's cortex-a57 lacks it.
    /// </summary>
    private static readonly string[] ExcludedAarch32Registers = ["CCSIDR2", "TTBCR2", "ACTLR2"];

    /// <summary>
    /// cp14 registers the probe leaves out because QEMU 7.2's cortex-a57 lacks them, though Armv8.0 requires
    /// them (the probe found their AArch64 views UNDEFINED at EL2): DBGDTRRXext, DBGDTRTXext, DBGDTRTXint,
    /// DBGOSECCR, DBGPRCR, DBGCLAIMSET, DBGCLAIMCLR and DBGAUTHSTATUS; and DBGDEVID, DBGDEVID1 and DBGDEVID2,
    /// which QEMU places at p14, 0, c7, c0, {2,1,0} instead of the Arm ARM's p14, 0, c7, c{2,1,0}, 7. The
    /// probe found QEMU UNDEFINED where the table allows an access for DBGWFAR (RES0 in Armv8, which QEMU
    /// does not define) and DBGBXVR0 to DBGBXVR5 (the upper halves of DBGBVRn_EL1, which QEMU's AArch32
    /// debug registers lack).
    /// </summary>
    private static readonly string[] QemuLacksCp14 =
    [
        "DBGDTRRXEXT", "DBGDTRTXEXT", "DBGDTRTXINT", "DBGOSECCR", "DBGPRCR", "DBGCLAIMSET", "DBGCLAIMCLR", "DBGAUTHSTATUS", "DBGDEVID", "DBGDEVID1", "DBGDEVID2",
        "DBGWFAR", .. Enumerable.Range(0, 16).Select(n => string.Create(CultureInfo.InvariantCulture, $"DBGBXVR{n}")),
    ];

    [Fact]
    public void An_aarch64_el1_traps_on_qemu_exactly_as_on_trapgens_emulated_cpu()
    {
        var controls = Controls();
        var instructions = Aarch64Instructions(controls);
        Compare(ProbeGuest.Aarch64, controls, instructions, GuestCode.A64([.. instructions.Select(i => i.Text)]), () => Machine.Aarch64());
    }

    [Fact]
    public void An_aarch32_el1_traps_on_qemu_exactly_as_on_trapgens_emulated_cpu()
    {
        var controls = Controls();
        bool Covered(IEnumerable<TrapRule> rules) => rules.Any(rule => controls.Contains(rule.Control));
        var registers = Aarch32Registers.All.Where(r => r.Coprocessor == 15 && r.IsGuestAccessible && Covered(r.Traps) && !ExcludedAarch32Registers.Contains(r.Name));
        var debug = Aarch32Registers.All.Where(r => r.Coprocessor == Aarch32Constants.Cp14 && r.IsGuestAccessible && OnCortexA57(r));
        List<ProbeInstruction> instructions =
        [
            .. registers.Concat(debug).SelectMany(r => new[] { ProbeInstruction.Read(r), ProbeInstruction.Write(r) }),
            .. VmrsIdRegisters.All.Select(ProbeInstruction.Vmrs),
            ProbeInstruction.Smc(0),
        ];
        Compare(ProbeGuest.Aarch32, controls, instructions, GuestCode.A32([.. instructions.Select(i => i.Text)]), () => Machine.Aarch32());
    }

    private static TrapControl[] Controls() => [.. TrapControls.All.Where(c => c.Register == HcrEl2.Name && !ExcludedControls.Contains(c.Name))];

    private void Compare(ProbeGuest guest, TrapControl[] controls, List<ProbeInstruction> instructions, uint[] words, System.Func<Domains.Domain> newDomain)
    {
        Assert.Equal(instructions.Count, words.Length);
        ulong[] hcrValues = [guest.Rw, .. controls.Select(c => guest.Rw | c.Mask), controls.Aggregate(guest.Rw, (value, c) => value | c.Mask)];

        var clock = Stopwatch.StartNew();
        var qemu = QemuRunner.Run(ProbeProgram.Assembly(guest, instructions, hcrValues), instructions.Count * hcrValues.Length);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{instructions.Count} instructions under {hcrValues.Length} HCR_EL2 values ({string.Join(", ", controls.Select(c => c.Name))}, none, all) on QEMU in {clock.ElapsedMilliseconds} ms"));

        var disagreements = new List<string>();
        for (var run = 0; run < hcrValues.Length; run++)
        {
            var hcr = hcrValues[run];
            var domain = newDomain();
            domain.Build();
            for (var i = 0; i < instructions.Count; i++)
            {
                // A trapped write is handled by the domain's catalogue, which may change HCR_EL2 (an SCTLR_EL1
                // write clears TVM): every instruction starts from the run's value, as on QEMU.
                domain.Hypervisor.Hcr.Value = hcr;
                var executed = domain.Cpu.Execute(words[i]);
                var trapGen = Describe(executed);
                var (record, elr) = qemu.Records[(run * instructions.Count) + i];
                var real = Describe(guest, record);
                var address = qemu.El1Code + (ulong)((i * guest.SlotSize) + guest.InstructionOffset);
                var expectedElr = ProbeProgram.Tag(record) == ProbeProgram.El1ExceptionTag ? address + guest.UndefinedReturnOffset : address;
                if (ProbeProgram.Tag(record) != 0 && elr != expectedElr)
                {
                    real += string.Create(CultureInfo.InvariantCulture, $" with return address 0x{elr:x}, not 0x{expectedElr:x}");
                }

                var what = string.Create(CultureInfo.InvariantCulture, $"HCR_EL2 0x{hcr:x8}, {instructions[i].Name} ({instructions[i].Text}): ");
                if (real != trapGen)
                {
                    disagreements.Add(what + "QEMU " + real + ", TrapGen " + trapGen);
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{instructions.Count * hcrValues.Length} executions compared"));
        Assert.True(disagreements.Count == 0, disagreements.Count + " disagreements:\n" + string.Join('\n', disagreements));
    }

    /// <summary>Formats a trap's syndrome as the comparison writes it.</summary>
    private static string Trap(ulong esr) => string.Create(CultureInfo.InvariantCulture, $"traps with ESR_EL2 0x{esr:x8}");

    /// <summary>
    /// The accesses the table says an included control traps, in both directions (the other direction
    /// checks that the architecture's UNDEF comes first: a write of an ID register is UNDEFINED even under
    /// TID3). Armv8.0 only, as cortex-a57 is: a later feature's register is unallocated there, except in
    /// the ID register space, where every encoding is a (reserved, RAZ) ID register; the unnamed ones too.
    /// </summary>
    private static List<ProbeInstruction> Aarch64Instructions(TrapControl[] controls)
    {
        bool Covered(IEnumerable<TrapRule> rules) => rules.Any(rule => controls.Contains(rule.Control));
        var registers = Aarch64Registers.All.Where(r => r.IsGuestAccessible && Covered(r.Traps) && (r.Feature is null || InIdSpace(r.Encoding)));
        var named = Aarch64Registers.All.Select(r => r.Encoding).ToHashSet();
        var unnamed = Enumerable.Range(1, 7).SelectMany(crm => Enumerable.Range(0, 8).Select(op2 => new Aarch64Encoding(3, 0, 0, crm, op2)))
            .Where(e => !named.Contains(e));
        var system = SystemInstructions.All.Where(i => i.Feature is null && i.ExceptionLevel <= 1 && Covered(i.Traps));
        return
        [
            .. registers.SelectMany(r => new[] { ProbeInstruction.Read(r), ProbeInstruction.Write(r) }),
            .. unnamed.SelectMany(e => new[] { ProbeInstruction.Read("reserved ID register", e), ProbeInstruction.WriteAny("reserved ID register", e) }),
            .. system.Select(ProbeInstruction.Execute),
            ProbeInstruction.Smc(SmcImmediate),
        ];
    }

    /// <summary>
    /// Whether a cp14 register exists on cortex-a57: every one the table lists but the breakpoint and
    /// watchpoint registers beyond its 6 breakpoints and 4 watchpoints (how many is IMPLEMENTATION DEFINED,
    /// DBGDIDR.BRPs and WRPs; the table lists the architecture's 16). Only HCR_EL2 is set, so MDCR_EL2 is
    /// 0 and no debug access traps by it: every cp14 access must execute or be UNDEFINED alike.
    /// </summary>
    private static bool OnCortexA57(Aarch32Register register)
    {
        if (QemuLacksCp14.Contains(register.Name))
        {
            return false;
        }


        var match = System.Text.RegularExpressions.Regex.Match(register.Name, "^DBG(B|W)X?[VC]R([0-9]+)$");
        return !match.Success || int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) < (match.Groups[1].Value == "B" ? 6 : 4);
    }

    private static bool InIdSpace(Aarch64Encoding e) => e is { Op0: 3, Op1: 0, CRn: 0, CRm: >= 1 and <= 7 };

    private static string Describe(ExecutionResult result) => result.Kind switch
    {
        ExecutionKind.Trapped => Trap(result.Esr),
        ExecutionKind.UndefinedAtEl1 => "UNDEF at EL1",
        ExecutionKind.Direct => "executes",
        ExecutionKind.NotASystemRegisterAccess => "not a system-register move",
        _ => result.Kind.ToString(),
    };

    private static string Describe(ProbeGuest guest, ulong record) => ProbeProgram.Tag(record) switch
    {
        ProbeProgram.TrappedTag => Trap(ProbeProgram.Syndrome(record)),
        ProbeProgram.El1ExceptionTag when ProbeProgram.Syndrome(record) == guest.UndefinedSyndrome => "UNDEF at EL1",
        ProbeProgram.El1ExceptionTag => string.Create(CultureInfo.InvariantCulture, $"an exception at EL1 with ESR_EL1 0x{ProbeProgram.Syndrome(record):x8}"),
        _ => "executes",
    };
}
