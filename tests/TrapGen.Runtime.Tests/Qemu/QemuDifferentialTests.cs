using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing.Qemu;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// Issue 11: TrapGen's emulated CPU against a real CPU model. A bare-metal probe runs at EL2 on QEMU's
/// cortex-a57 (Armv8.0) and, under no HCR_EL2 trap control, each one alone and all of them together,
/// makes an EL1 run every access the architecture table says one of them traps (<see cref="ProbeInstructions"/>),
/// and again under every pair of those controls (<see cref="QemuProbe.Aarch64Pairs"/>). TrapGen's CPU runs the same
/// words under the same HCR_EL2 and must decide the same (trap to EL2, UNDEF at EL1, or execute) with the
/// same ESR_EL2 (EC, IL and ISS). Both disagreements this test first found are fixed in TrapGen: System
/// instructions ran without a trap check, and the reserved ID registers were UNDEFINED instead of RAZ.
/// Every trap both agree on then goes to the domain's hypervisor, whose generated dispatch must handle
/// each one registers.yaml catalogues, in every trap class QEMU reports: MSR/MRS, MCR/MRC and MCRR/MRRC
/// of cp15, MCR/MRC of cp14 (JIDR under TID0) and VMRS (FPSID, MVFR0-2 under TID0 and TID3).
/// </summary>
public sealed class QemuDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void An_aarch64_el1_traps_on_qemu_exactly_as_on_trapgens_emulated_cpu() =>
        Compare(QemuProbe.Aarch64, () => Machine.Aarch64(), [TrapClasses.Msr, TrapClasses.Smc64]);

    [Fact]
    public void An_aarch32_el1_traps_on_qemu_exactly_as_on_trapgens_emulated_cpu() =>
        Compare(QemuProbe.Aarch32, () => Machine.Aarch32(), [TrapClasses.Mcr, TrapClasses.Mcrr, TrapClasses.Cp14Mcr, TrapClasses.Vmrs, TrapClasses.Smc32]);

    [Fact]
    public void A_t32_el1_traps_on_qemu_exactly_as_on_trapgens_emulated_cpu() =>
        Compare(QemuProbe.Thumb, () => Machine.Aarch32(), [TrapClasses.Mcr, TrapClasses.Mcrr, TrapClasses.Cp14Mcr, TrapClasses.Vmrs, TrapClasses.Smc32]);

    [Fact]
    public void An_aarch64_el1_traps_under_every_pair_of_controls_as_on_qemu() =>
        Compare(QemuProbe.Aarch64Pairs, () => Machine.Aarch64(), [TrapClasses.Msr, TrapClasses.Smc64]);

    [Fact]
    public void An_aarch32_el1_traps_under_every_pair_of_controls_as_on_qemu() =>
        Compare(QemuProbe.Aarch32Pairs, () => Machine.Aarch32(), [TrapClasses.Mcr, TrapClasses.Mcrr, TrapClasses.Cp14Mcr, TrapClasses.Vmrs, TrapClasses.Smc32]);

    /// <summary>
    /// Runs the probe's words on TrapGen's CPU under each of the probe's HCR_EL2 values, compares every
    /// decision with QEMU's, and checks that the hypervisor dispatched every trap of a catalogued register
    /// and that the traps span <paramref name="classes"/>.
    /// </summary>
    private void Compare(QemuProbe probe, System.Func<Domains.Domain> newDomain, TrapClass[] classes)
    {
        var (guest, instructions, words, runs) = (probe.Guest, probe.Instructions, probe.Words, probe.Runs);
        _ = probe.Output; // runs QEMU, once per test process
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{instructions.Count} instructions in {runs.Count} runs ({string.Join(", ", runs.Select(r => r.Name))}) on QEMU in {probe.QemuMilliseconds} ms"));

        var disagreements = new List<string>();
        var dispatched = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        var trapsByRun = new int[runs.Count];
        for (var run = 0; run < runs.Count; run++)
        {
            var (hcr, mdcr) = (runs[run].Hcr, runs[run].Mdcr);
            var domain = newDomain();
            domain.Build();
            for (var i = 0; i < instructions.Count; i++)
            {
                // A trapped write is handled by the domain's catalogue, which may change HCR_EL2 (an SCTLR_EL1
                // write clears TVM): every instruction starts from the run's value, as on QEMU.
                domain.Hypervisor.Hcr.Value = hcr;
                domain.Hypervisor.Mdcr = mdcr;
                var pc = domain.Current.Pc;
                var executed = domain.Cpu.Execute(words[i], guest.IsThumb);
                var trapGen = QemuOutcomes.Describe(executed);
                var (record, elr, _) = probe.Record(run, i);
                var real = QemuOutcomes.Describe(guest, record);
                var address = probe.Address(i);
                var expectedElr = ProbeProgram.Tag(record) == ProbeProgram.El1ExceptionTag ? address + guest.UndefinedReturnOffset : address;
                if (ProbeProgram.Tag(record) != 0 && elr != expectedElr)
                {
                    real += string.Create(CultureInfo.InvariantCulture, $" with return address 0x{elr:x}, not 0x{expectedElr:x}");
                }

                var what = string.Create(CultureInfo.InvariantCulture, $"HCR_EL2 0x{hcr:x8} MDCR_EL2 0x{mdcr:x}, {instructions[i].Name} ({instructions[i].Text}): ");
                if (real != trapGen)
                {
                    disagreements.Add(what + "QEMU " + real + ", TrapGen " + trapGen);
                }
                else if (executed.Trapped)
                {
                    trapsByRun[run]++;
                    Dispatched(executed, what, dispatched, disagreements);

                    // A handled trap returns past the instruction, a 32-bit one in every state the probe runs
                    // (QEMU's ELR_EL2 is the instruction's address, checked above).
                    if (executed.Outcome == TrapOutcome.Handled && domain.Current.Pc != pc + 4)
                    {
                        disagreements.Add(what + string.Create(CultureInfo.InvariantCulture, $"TrapGen's PC after the handled trap is 0x{domain.Current.Pc:x}, not 0x{pc + 4:x}"));
                    }
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{probe.Executions} executions compared"));
        output.WriteLine("traps both took, by class and outcome: " + string.Join(", ", dispatched.Select(d => d.Key + " " + d.Value.ToString(CultureInfo.InvariantCulture))));
        output.WriteLine("traps both took, by run: " + string.Join(", ", runs.Select((r, i) => r.Name + " " + trapsByRun[i].ToString(CultureInfo.InvariantCulture))));
        Assert.True(disagreements.Count == 0, disagreements.Count + " disagreements:\n" + string.Join('\n', disagreements));

        // An MDCR_EL2 run that traps nothing would agree vacuously (the probe once masked TPM out of MDCR_EL2):
        // each of TPM, TDA, TDOSA, TDRA and TDE traps something in both execution states. The later features'
        // controls (E2PB, TPMS, TTRF, E2TB) are RES0 on the Cortex-A57: their runs check that nothing traps.
        Assert.All(
            runs.Select((r, i) => (r.Name, r.Mdcr, Traps: trapsByRun[i])).Where(r => r.Mdcr != 0 && (TrapControls.Find(r.Name) is not { } control || control.ExistsOn(ProbeInstructions.Probed))),
            r => Assert.True(r.Traps > 0, r.Name + " trapped nothing"));

        Assert.All(classes, c => Assert.Contains(dispatched.Keys, key => key.StartsWith(c.Name + " ", System.StringComparison.Ordinal)));
    }

    /// <summary>
    /// Counts a trap both CPUs took by class and outcome, and records a disagreement when the generated
    /// dispatch left a register registers.yaml catalogues unhandled.
    /// </summary>
    private static void Dispatched(ExecutionResult executed, string what, SortedDictionary<string, int> dispatched, List<string> disagreements)
    {
        var trapClass = TrapClasses.Find(EsrFields.GetEC((uint)executed.Esr))!;
        var key = string.Create(CultureInfo.InvariantCulture, $"{trapClass.Name} {executed.Outcome}");
        dispatched[key] = dispatched.GetValueOrDefault(key) + 1;
        if (trapClass.IsDispatchable
            && CatalogueIndex.TryFindRegister(trapClass, trapClass.KeyOf(EsrFields.GetISS((uint)executed.Esr)), out var register, out _)
            && executed.Outcome is not (TrapOutcome.Handled or TrapOutcome.Undefined))
        {
            disagreements.Add(what + "the generated dispatch did not handle " + register.Name + ": " + executed.Outcome);
        }
    }
}
