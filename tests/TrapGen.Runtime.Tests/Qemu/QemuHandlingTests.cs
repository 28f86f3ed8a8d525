using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using TrapGen.Testing.Qemu;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// Issue 26, handling compared: every register form the shipped registers.yaml handles by passthrough, trapped on
/// TrapGen's emulated cortex-a57 and handled by the generated dispatch, must read and keep what QEMU's cortex-a57
/// reads and keeps when nothing traps (<see cref="HandlingProbe"/>):
/// <list type="bullet">
/// <item>the AArch64 registers: their value at reset, and the read-back of each of <see cref="Patterns"/> written, as
/// QEMU reads them at EL2 (a trapped MRS and MSR on TrapGen; the value held is put back after each, on both);</item>
/// <item>their AArch32 views (MRC/MCR and MRRC/MCRR), in A32 and again in T32: each view read at reset, then per
/// pattern each writable view written and every view of the register read back, as QEMU's AArch32 EL1 does untrapped
/// (so a half write that loses the other half, or a view on the wrong half, differs);</item>
/// <item>the PC after each trap: the instruction's address plus its length, 4 for every access here (A64, A32, and
/// T32, whose coprocessor accesses are all 32-bit: no 16-bit T32 instruction traps as a System register access), and
/// for each trap of a passthrough register QEMU took in the table-built probes (<see cref="QemuProbe"/>), QEMU's
/// ELR_EL2 plus the length QEMU's ESR_EL2.IL gives.</item>
/// </list>
/// The differences that are no error of TrapGen's are <see cref="QemuHandlingDifferences"/>, each with its reason; the
/// test fails when a difference appears that the list lacks, and when a listed one no longer shows.
/// </summary>
public sealed class QemuHandlingTests(ITestOutputHelper output)
{
    /// <summary>What each AArch64 register, and each writable AArch32 view, is written with.</summary>
    public static IReadOnlyList<ulong> Patterns { get; } = [ulong.MaxValue, 0, 0x5A5A_A5A5_0FF0_C33CUL];

    /// <summary>
    /// The SCTLR bits an AArch32 EL1 may flip with its MMU off and keep running (C, CP15BEN, ITD, SED, I, nTWI, nTWE,
    /// WXN, UWXN, TRE, AFE): its writes of SCTLR are the reset value with these set, then clear. The AArch64 probe writes
    /// every pattern of SCTLR_EL1 at EL2, where it controls nothing.
    /// </summary>
    private const ulong SctlrSafeBits = (1UL << 2) | (1UL << 5) | (1UL << 7) | (1UL << 8) | (1UL << 12) | (1UL << 16) | (1UL << 18) | (1UL << 19) | (1UL << 20) | (1UL << 28) | (1UL << 29);

    private static readonly Lazy<IReadOnlyList<WriteProbe.Result>> Aarch64OnQemu = new(() => HandlingProbe.Aarch64(Aarch64Writes()));

    private static readonly Lazy<IReadOnlyList<ulong>> Aarch32OnQemu = new(() => HandlingProbe.Aarch32(Aarch32Steps()));

    /// <summary>The registers registers.yaml passes through.</summary>
    private static IReadOnlyList<SystemRegisterInfo> Passthrough { get; } = [.. SystemRegisters.All.Where(r => r.Handling == RegisterHandling.Passthrough)];

    [Fact]
    public void Every_passthrough_register_reads_and_keeps_what_qemus_hardware_does()
    {
        var differences = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var compared = 0;
        var qemu = Aarch64OnQemu.Value;
        var domain = Machine.Aarch64();
        domain.Build();
        var registers = Aarch64Registers(out var absent);
        foreach (var name in absent.Concat(Passthrough.SelectMany(r => r.Aliases).Where(a => QemuDepartures.Why("cortex-a57", a.Name) is not null).Select(a => a.Name)))
        {
            differences[name + " absent"] = "QEMU: " + QemuDepartures.Why("cortex-a57", name);
        }

        foreach (var (register, i) in registers.Select((r, i) => (r, i)))
        {
            var words = GuestCode.A64("mrs x5, " + register.Encoding, "msr " + register.Encoding + ", x5");
            foreach (var (result, pattern) in qemu.Skip(i * Patterns.Count).Take(Patterns.Count).Zip(Patterns))
            {
                Assert.Equal((register.Name, pattern), (result.Register.Name, result.Written));
                var before = Trapped(domain, words[0], thumb: false, failures, register.Name + " read");
                Compare(register.Name + " reset", before, result.Before);
                domain.Current.Registers.WriteX(5, pattern);
                Trapped(domain, words[1], thumb: false, failures, register.Name + " write");
                Compare(register.Name + " write", Trapped(domain, words[0], thumb: false, failures, register.Name + " read"), result.Read, pattern);
                domain.Current.Registers.WriteX(5, before);
                Trapped(domain, words[1], thumb: false, failures, register.Name + " write");
            }
        }

        var steps = Aarch32Steps();
        var values = Aarch32OnQemu.Value;
        foreach (var thumb in new[] { false, true })
        {
            var aarch32 = Machine.Aarch32();
            aarch32.Build();
            var words = thumb ? GuestCode.T32([.. steps.Select(s => s.Text)]) : GuestCode.A32([.. steps.Select(s => s.Text)]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (step, i) in steps.Select((s, i) => (s, i)))
            {
                aarch32.Current.Registers.WriteR(HandlingProbe.Rt, step.IsWrite ? (uint)step.Value : 0);
                aarch32.Current.Registers.WriteR(HandlingProbe.Rt + 1, step.IsWrite ? (uint)(step.Value >> 32) : 0);
                Trapped(aarch32, words[i], thumb, failures, step.Name + (step.IsWrite ? " write" : " read") + (thumb ? " (T32)" : string.Empty));
                if (!step.IsWrite)
                {
                    var value = aarch32.Current.Registers.ReadR(HandlingProbe.Rt) | ((ulong)aarch32.Current.Registers.ReadR(HandlingProbe.Rt + 1) << 32);
                    var what = step.Name + (seen.Add(step.Name) ? " reset" : " write") + (thumb ? " (T32)" : string.Empty);
                    Compare(what, value, values[i], Written(steps, i));
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Passthrough.Count} passthrough registers: {registers.Count} AArch64 ({registers.Count * Patterns.Count} writes at EL2 on QEMU), {steps.Select(s => s.Name).Distinct().Count()} AArch32 forms ({steps.Count} steps at EL1, in A32 and T32 on TrapGen); {compared} values compared"));
        foreach (var difference in differences)
        {
            output.WriteLine(difference.Key + ": " + difference.Value);
        }

        Assert.True(failures.Count == 0, failures.Count + " accesses not handled as a passthrough:\n" + string.Join('\n', failures));
        var unlisted = differences.Keys.Where(k => !QemuHandlingDifferences.Listed.ContainsKey(k)).ToList();
        var stale = QemuHandlingDifferences.Listed.Keys.Where(k => !differences.ContainsKey(k)).ToList();
        Assert.True(
            unlisted.Count == 0 && stale.Count == 0,
            string.Join('\n', unlisted.Select(k => "not listed: " + k + ": " + differences[k]).Concat(stale.Select(k => "listed, but no longer differs: " + k))));
        Assert.Equal(QemuHandlingDifferences.Listed.Count, differences.Count);
        Assert.True(compared > 0);

        void Compare(string what, ulong trapGen, ulong real, ulong? written = null)
        {
            compared++;
            if (trapGen != real)
            {
                var key = what.Replace(" (T32)", string.Empty, StringComparison.Ordinal);
                var text = string.Create(CultureInfo.InvariantCulture, $"{(written is { } w ? $"after writing 0x{w:x}, " : string.Empty)}QEMU 0x{real:x}, TrapGen 0x{trapGen:x}");
                differences[key] = differences.TryGetValue(key, out var other) ? other : text;
                output.WriteLine(what + ": " + text);
            }
        }
    }

    [Fact]
    public void Every_trap_of_a_passthrough_register_returns_where_qemus_elr_and_il_say()
    {
        var checkedTraps = 0;
        var failures = new List<string>();
        foreach (var trap in QemuTraps(handling => handling == RegisterHandling.Passthrough))
        {
            checkedTraps++;
            if (trap.Executed.Outcome != TrapOutcome.Handled || trap.Vcpu.Pc != trap.Return)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{trap.What}: {trap.Executed.Kind} {trap.Executed.Outcome}, PC 0x{trap.Vcpu.Pc:x}, QEMU's ELR_EL2 0x{trap.Elr:x} + {trap.Return - trap.Elr}"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{checkedTraps} traps of passthrough registers compared with QEMU's return address"));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(checkedTraps > 0);
    }

    /// <summary>
    /// Issue 26 item 3 beyond passthrough: every trap QEMU took of a register registers.yaml handles otherwise (constant,
    /// sanitised, emulated, RAZ/WI or by a hook), in A64, A32, T32 and T32 in an IT block, is handled by TrapGen and returns
    /// past the instruction as QEMU's ELR_EL2 and IL say (in an IT block with PSTATE.IT advanced: cleared after the block's
    /// only instruction), or, where the catalogue makes the access UNDEFINED (a write of a read-only register), injects the
    /// UNDEF at QEMU's ELR_EL2 and leaves the PC there.
    /// </summary>
    [Fact]
    public void Every_trap_of_a_register_handled_otherwise_returns_where_qemus_elr_and_il_say_or_undefs_there()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var trap in QemuTraps(handling => handling is not (RegisterHandling.Passthrough or RegisterHandling.Undefined)))
        {
            var returned = trap.Executed.Outcome switch
            {
                TrapOutcome.Handled => trap.Vcpu.Pc == trap.Return && trap.Vcpu.It == Cpu.ItState.None,
                TrapOutcome.Undefined => trap.Vcpu.Pc == trap.Elr && trap.Vcpu.LastUndefinedPc == trap.Elr,
                _ => false,
            };
            counts[trap.Executed.Outcome + " " + trap.Handling] = counts.GetValueOrDefault(trap.Executed.Outcome + " " + trap.Handling) + 1;
            if (!returned)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{trap.What}: {trap.Executed.Kind} {trap.Executed.Outcome}, PC 0x{trap.Vcpu.Pc:x}, IT 0x{trap.Vcpu.It.Value:x2}, QEMU's ELR_EL2 0x{trap.Elr:x} + {trap.Return - trap.Elr}"));
            }
        }

        output.WriteLine("traps compared with QEMU's return address: " + string.Join(", ", counts.Select(c => c.Key + " " + c.Value.ToString(CultureInfo.InvariantCulture))));
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(100)));
        Assert.Contains(counts.Keys, key => key.StartsWith("Handled", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every trap QEMU took, in the table-built probes (A64, A32, T32, and T32 each in an IT NE block), of a register whose
    /// handling <paramref name="selected"/> selects, run on TrapGen from QEMU's ELR_EL2 (and in an IT block from PSTATE.IT
    /// 0x18, IT NE's for its only instruction) under the run's controls: what the trap did, and QEMU's ELR_EL2 plus the
    /// length its ESR_EL2.IL gives.
    /// </summary>
    private static IEnumerable<(string What, RegisterHandling Handling, ExecutionResult Executed, Cpu.Vcpu Vcpu, ulong Elr, ulong Return)> QemuTraps(Func<RegisterHandling, bool> selected)
    {
        foreach (var (probe, newDomain) in new (QemuProbe, Func<Domain>)[] { (QemuProbe.Aarch64, () => Machine.Aarch64()), (QemuProbe.Aarch32, () => Machine.Aarch32()), (QemuProbe.Thumb, () => Machine.Aarch32()), (QemuProbe.ThumbConditionPassing, () => Machine.Aarch32()) })
        {
            for (var run = 0; run < probe.Runs.Count; run++)
            {
                var domain = newDomain();
                domain.Build();
                for (var slot = 0; slot < probe.Instructions.Count; slot++)
                {
                    var (record, elr, _) = probe.Record(run, slot);
                    var esr = (uint)ProbeProgram.Syndrome(record);
                    if (ProbeProgram.Tag(record) != ProbeProgram.TrappedTag || Handling(esr) is not { } handling || !selected(handling))
                    {
                        continue;
                    }

                    domain.Hypervisor.Hcr.Value = probe.Runs[run].Hcr;
                    domain.Hypervisor.Mdcr = probe.Runs[run].Mdcr;
                    domain.Current.Flags = default;
                    domain.Current.Pc = elr;
                    domain.Current.It = probe.Guest is Thumb32Guest { ItCondition: { } condition } ? new Cpu.ItState((byte)((condition << 4) | 0b1000)) : Cpu.ItState.None;
                    var executed = domain.Cpu.Execute(probe.Words[slot], probe.Guest.IsThumb);
                    yield return (probe.Runs[run].Name + ", " + probe.Instructions[slot].Name + (probe.Guest.IsThumb ? " (T32)" : string.Empty), handling, executed, domain.Current, elr, elr + (EsrFields.GetIL(esr) == 1 ? 4UL : 2UL));
                }
            }
        }
    }

    /// <summary>The AArch64 writes of the QEMU probe: every pattern of every passthrough register an MSR reaches that QEMU's cortex-a57 has.</summary>
    private static IReadOnlyList<(Aarch64Register Register, ulong Pattern)> Aarch64Writes() =>
        [.. Aarch64Registers(out _).SelectMany(r => Patterns.Select(p => (r, p)))];

    private static IReadOnlyList<Aarch64Register> Aarch64Registers(out IReadOnlyList<string> absentOnQemu)
    {
        var dispatched = Passthrough.Where(r => r.IsAarch64Dispatched).Select(r => r.Name).ToList();
        absentOnQemu = [.. dispatched.Where(n => QemuDepartures.Why("cortex-a57", n) is not null)];
        var absent = absentOnQemu;
        return [.. dispatched.Except(absent).Select(n => TrapGen.Architecture.Aarch64Registers.All.Single(r => r.Name == n))];
    }

    /// <summary>
    /// The AArch32 steps: per passthrough register with views QEMU has, every view read, then per pattern each
    /// writable view written (the pattern's low word, XORed with 0x01010101 times the view's index so that two views
    /// write different words; a 64-bit view the whole pattern) and every view read back.
    /// </summary>
    private static IReadOnlyList<Aarch32Step> Aarch32Steps()
    {
        var steps = new List<Aarch32Step>();
        foreach (var register in Passthrough)
        {
            var views = register.Aliases.Where(a => QemuDepartures.Why("cortex-a57", a.Name) is null && OnTheModel(a))
                .Select(a => (Name: a.Name + (a.Form == AccessForm.Mcrr ? " (64-bit)" : string.Empty), Encoding: Machine.Encoding(a))).ToList();
            steps.AddRange(views.Select(v => new Aarch32Step(v.Name, v.Encoding, false, 0)));
            var patterns = register.Name == "SCTLR_EL1" ? [register.ResetValue | SctlrSafeBits, register.ResetValue & ~SctlrSafeBits] : Patterns;
            foreach (var pattern in patterns)
            {
                foreach (var (view, index) in views.Select((v, i) => (v, i)))
                {
                    var value = view.Encoding.Form == AccessForm.Mcrr ? pattern : (uint)pattern ^ (0x0101_0101U * (uint)index);
                    steps.Add(new Aarch32Step(view.Name, view.Encoding, true, value));
                    steps.AddRange(views.Select(v => new Aarch32Step(v.Name, v.Encoding, false, 0)));
                }
            }
        }

        return [.. steps];
    }

    /// <summary>
    /// Whether cortex-a57 has the view: TTBCR2 is FEAT_AA32HPD's, which it lacks, so the view is UNDEFINED on QEMU and
    /// TrapGen alike (the encoding-space probe compares that) and has no value to compare.
    /// </summary>
    private static bool OnTheModel(Aarch32AliasInfo alias) =>
        Aarch32Registers.TryFind(Machine.Encoding(alias), out var register) && CpuModels.Default.Implements(register);

    /// <summary>The value the last write before step <paramref name="i"/> wrote, for messages.</summary>
    private static ulong? Written(IReadOnlyList<Aarch32Step> steps, int i) =>
        steps.Take(i).LastOrDefault(s => s.IsWrite)?.Value;

    /// <summary>Traps <paramref name="word"/> under every control that traps a passthrough register, and records a failure unless the hypervisor handled it and returned past it.</summary>
    private static ulong Trapped(Domain domain, uint word, bool thumb, List<string> failures, string what)
    {
        var aarch64 = domain.Current.ExecutionState == Cpu.ExecutionState.Aarch64;
        domain.Hypervisor.Hcr.Value = (aarch64 ? 1UL << HcrEl2.RW : 0) | TrapControls.TVM.Mask | TrapControls.TRVM.Mask | TrapControls.TID2.Mask;
        domain.Hypervisor.Mdcr = TrapControls.Find("TDA")!.Mask;
        var pc = domain.Current.Pc;
        var executed = domain.Cpu.Execute(word, thumb);
        if (executed.Kind != ExecutionKind.Trapped || executed.Outcome != TrapOutcome.Handled || EsrFields.GetIL(executed.Esr) != 1 || domain.Current.Pc != pc + 4)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: {executed.Kind} {executed.Outcome}, ESR_EL2 0x{executed.Esr:x8}, PC +{domain.Current.Pc - pc}"));
        }

        return aarch64 ? domain.Current.Registers.ReadX(5) : 0;
    }

    /// <summary>How registers.yaml handles the register <paramref name="esr"/> traps an access of, or null when it has none.</summary>
    private static RegisterHandling? Handling(uint esr) =>
        TrapClasses.Find(EsrFields.GetEC(esr)) is { IsDispatchable: true } trapClass
        && CatalogueIndex.TryFindRegister(trapClass, trapClass.KeyOf(EsrFields.GetISS(esr)), out var register, out _)
            ? register.Handling
            : null;
}
