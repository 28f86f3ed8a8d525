using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing.Qemu;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// Issue 23: HCR_EL2.TWI and TWE and CPTR_EL2.TFP, with TID0 and TID3, on QEMU 7.2's cortex-a57 and max against
/// TrapGen's emulated CPU as the same model (<see cref="WaitAndFloatingPointProbe"/>): WFI, WFE, FPCR and FPSR, the
/// VMRS and VMSR of the floating-point registers and one instruction of each SIMD and floating-point encoding class,
/// in A64, A32 and T32, under no control, each alone, every pair and all of them. Both must decide the same (trap to
/// EL2 with the same ESR_EL2 and return address, UNDEF at EL1, or execute), except where QEMU departs from the Arm ARM
/// (<see cref="QemuDepartures.Ignores"/>: it never traps WFE), which the test lists and checks is all QEMU does there.
/// </summary>
public sealed class QemuWaitAndFloatingPointTests(ITestOutputHelper output)
{
    /// <summary>Every model and instruction set the probe runs.</summary>
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var model in WaitAndFloatingPointProbe.Models)
        {
            foreach (var set in WaitAndFloatingPointProbe.Sets)
            {
                cases.Add(model, set);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wfi_wfe_and_floating_point_trap_on_qemu_as_on_trapgens_emulated_cpu(string model, string set)
    {
        var probe = WaitAndFloatingPointProbe.Of(model, set);
        _ = probe.Output;
        var disagreements = new List<string>();
        var departures = new SortedDictionary<string, int>(System.StringComparer.Ordinal);
        var trapsByRun = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var classes = new SortedSet<string>(System.StringComparer.Ordinal);
        for (var run = 0; run < probe.Runs.Count; run++)
        {
            var settings = probe.Runs[run];
            var first = new FirstTrapObserver();
            var domain = new Domain([probe.Guest.Rw != 0 ? ExecutionState.Aarch64 : ExecutionState.Aarch32], observer: first, model: probe.Model);
            domain.Build();
            domain.Hypervisor.Cnthctl = settings.Cnthctl;
            trapsByRun[settings.Name] = 0;
            for (var i = 0; i < probe.Instructions.Count; i++)
            {
                // The lazy-FP hook clears TFP as it handles a trap: every instruction starts from the run's controls, as on QEMU.
                domain.Hypervisor.Hcr.Value = settings.Hcr;
                domain.Hypervisor.Cptr = settings.Cptr;
                domain.Hypervisor.Mdcr = settings.Mdcr;
                first.Clear();
                var executed = domain.Cpu.Execute(probe.Words[i], probe.Guest.IsThumb);
                var trapGen = QemuOutcomes.Describe(executed, first.First);
                var (record, elr, _) = probe.Record(run, i);
                var real = QemuOutcomes.Describe(probe.Guest, record);
                var expectedElr = ProbeProgram.Tag(record) == ProbeProgram.El1ExceptionTag ? probe.Address(i) + probe.Guest.UndefinedReturnOffset : probe.Address(i);
                if (ProbeProgram.Tag(record) != 0 && elr != expectedElr)
                {
                    real += string.Create(CultureInfo.InvariantCulture, $" with return address 0x{elr:x}, not 0x{expectedElr:x}");
                }

                var what = string.Create(CultureInfo.InvariantCulture, $"{model} {set}, {settings.Name}, {probe.Instructions[i].Name} ({probe.Instructions[i].Text}): ");
                if (real == trapGen)
                {
                    if (first.First is { } esr)
                    {
                        trapsByRun[settings.Name]++;
                        classes.Add(TrapClasses.Find(EsrFields.GetEC(esr))!.Name);
                    }
                }
                else if (real == "executes" && executed.Control is { } control && QemuDepartures.Ignores(control.Name) is { } why)
                {
                    departures[control.Name + " " + probe.Instructions[i].Name + ": " + why] = departures.GetValueOrDefault(control.Name + " " + probe.Instructions[i].Name + ": " + why) + 1;
                }
                else
                {
                    disagreements.Add(what + "QEMU " + real + ", TrapGen " + trapGen);
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model} {set}: {probe.Instructions.Count} instructions in {probe.Runs.Count} runs ({probe.Executions} executions), QEMU {probe.QemuMilliseconds} ms"));
        output.WriteLine("traps both took, by run: " + string.Join(", ", trapsByRun.Select(t => t.Key + " " + t.Value.ToString(CultureInfo.InvariantCulture))));
        output.WriteLine("classes both trapped in: " + string.Join(", ", classes));
        output.WriteLine("where QEMU departs from the Arm ARM (executions): " + string.Join("; ", departures.Select(d => d.Key + " (" + d.Value.ToString(CultureInfo.InvariantCulture) + ")")));
        Assert.True(disagreements.Count == 0, disagreements.Count + " disagreements:\n" + string.Join('\n', disagreements.Take(200)));

        // Vacuity: TWI, TFP, TID0 (FPSID, AArch32 only) and TID3 (MVFR0-2, AArch32 only) each trap something alone on both.
        var alone = probe.Guest.Rw != 0 ? new[] { "TWI", "TFP" } : ["TWI", "TFP", "TID0", "TID3"];
        Assert.All(alone, name => Assert.True(trapsByRun[name] > 0, name + " trapped nothing"));
        Assert.Equal(0, trapsByRun["none"]);
        Assert.Contains("Wfx", classes);
        Assert.Contains("FpSimd", classes);
    }
}
