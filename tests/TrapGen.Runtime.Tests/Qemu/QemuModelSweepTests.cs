using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing.Qemu;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// Issue 22: every CPU model TrapGen shares with QEMU 7.2 against QEMU's model of it. A read sweep
/// (<see cref="SweepProbe"/>) runs at EL1 with HCR_EL2 clear and with each of TID0 to TID3; TrapGen's emulated
/// CPU, as the same model, must make the same decision (run, UNDEF at EL1, trap) with the same ESR_EL2 for
/// every read, and read the model's value of every identification register it runs. Where QEMU departs from
/// the Arm ARM (<see cref="QemuDepartures"/>) TrapGen follows the architecture: those reads are listed with
/// their reason and not counted as disagreements; the fields QEMU's virt board clears without EL3 are left
/// out of the value comparison.
/// </summary>
public sealed class QemuModelSweepTests(ITestOutputHelper output)
{
    /// <summary>The AArch64 models of QEMU 7.2 (<c>qemu-system-aarch64 -cpu help</c>).</summary>
    public static TheoryData<string> QemuModels() => ["cortex-a35", "cortex-a53", "cortex-a57", "cortex-a72", "cortex-a76", "neoverse-n1", "a64fx", "max"];

    [Theory]
    [MemberData(nameof(QemuModels))]
    public void An_aarch64_el1_reads_every_register_as_qemus_model_does(string name) => Compare(CpuModels.Find(name)!, aarch64: true);

    [Theory]
    [MemberData(nameof(QemuModels))]
    public void An_aarch32_el1_reads_every_coordinate_as_qemus_model_does(string name)
    {
        var model = CpuModels.Find(name)!;
        if (!model.HasAarch32El1)
        {
            // QEMU lets HCR_EL2.RW be cleared on a CPU without AArch32 at EL1, which the architecture forbids:
            // there is nothing to compare, and TrapGen refuses to build such a domain.
            Assert.Throws<System.ArgumentException>(() => new Domain([Cpu.ExecutionState.Aarch32], model: model));
            return;
        }

        Compare(model, aarch64: false);
    }

    private void Compare(CpuModel model, bool aarch64)
    {
        var probe = SweepProbe.Of(model, aarch64);
        _ = probe.Output;
        var disagreements = new List<string>();
        var departures = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var run = 0; run < probe.Runs.Count; run++)
        {
            // QEMU leaves CNTHCTL_EL2 at its reset value, which lets EL1 reach the physical counter and timer.
            var domain = new Domain([aarch64 ? Cpu.ExecutionState.Aarch64 : Cpu.ExecutionState.Aarch32], model: model);
            domain.Hypervisor.Cnthctl = TrapControls.EL1PCEN.Mask | TrapControls.EL1PCTEN.Mask;
            for (var i = 0; i < probe.Instructions.Count; i++)
            {
                domain.Hypervisor.Hcr.Value = probe.Runs[run].Hcr;
                domain.Hypervisor.Cptr = probe.Runs[run].Cptr;
                domain.Current.Registers.WriteX(1, 0);
                var executed = domain.Cpu.Execute(probe.Words[i]);
                var trapGen = QemuOutcomes.Describe(executed);
                var (record, _, value) = probe.Record(run, i);
                var real = QemuOutcomes.Describe(probe.Guest, record);
                var tally = probe.Runs[run].Name + " " + QemuOutcomes.Decision(real);
                counts[tally] = counts.GetValueOrDefault(tally) + 1;
                var what = string.Create(CultureInfo.InvariantCulture, $"{probe.Runs[run].Name}, {probe.Instructions[i].Name} ({probe.Instructions[i].Text}): ");
                var name = probe.Instructions[i].Name;
                if (real != trapGen && QemuDepartures.Why(model.Name, name) is { } why)
                {
                    departures[name] = why;
                }
                else if (real != trapGen)
                {
                    disagreements.Add(what + "QEMU " + real + ", TrapGen " + trapGen);
                }
                else if (executed.Kind == ExecutionKind.Direct && ModelValue(model, name, aarch64) is { } expected)
                {
                    var cleared = ~ClearedMask(name, aarch64);
                    var read = (aarch64 ? domain.Current.Registers.ReadX(1) : domain.Current.Registers.ReadR(1)) & cleared;
                    var qemu = (aarch64 ? value : (uint)value) & cleared;
                    if (read != qemu)
                    {
                        disagreements.Add(what + string.Create(CultureInfo.InvariantCulture, $"QEMU reads 0x{qemu:x}, TrapGen 0x{read:x} (the table: 0x{expected:x})"));
                    }
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model.Name} {(aarch64 ? "AArch64" : "AArch32")}: {probe.Instructions.Count} reads in {probe.Runs.Count} runs on QEMU in {probe.QemuMilliseconds} ms; {string.Join(", ", counts.OrderBy(c => c.Key, System.StringComparer.Ordinal).Select(c => c.Key + " " + c.Value))}"));
        output.WriteLine(model.Name + ": " + departures.Count + " registers where QEMU departs from the Arm ARM, or TrapGen does not model yet: " + string.Join("; ", departures.Select(d => d.Key + " (" + d.Value + ")")));
        output.WriteLine(disagreements.Count + " disagreements");
        foreach (var line in disagreements.Take(400))
        {
            output.WriteLine(line);
        }

        Assert.True(disagreements.Count == 0, disagreements.Count + " disagreements:\n" + string.Join('\n', disagreements.Take(200)));

        // A run whose control changes nothing would agree vacuously: on max, whose features give them, each of these
        // changes how many reads QEMU traps (TLOR, TERR, TCPAC add traps; APK and EnSCXT, set, remove the keys' and
        // SCXTNUM's).
        if (model.Name == "max" && aarch64)
        {
            var none = counts.GetValueOrDefault("none traps");
            Assert.All(new[] { "TLOR", "TERR", "TCPAC", "TRVM", "TACR" }, c => Assert.True(counts.GetValueOrDefault(c + " traps") > none, c + " trapped no more than none"));
            Assert.All(new[] { "APK", "EnSCXT" }, c => Assert.True(counts.GetValueOrDefault(c + " traps") < none, c + " set did not stop a trap"));
        }
    }

    /// <summary>The fields QEMU clears from the TRM's values, in the register the read reaches (its AArch32 view's low word).</summary>
    private static ulong ClearedMask(string name, bool aarch64)
    {
        if (aarch64)
        {
            return QemuDepartures.ClearedFields.GetValueOrDefault(name);
        }

        var rows = Aarch32Registers.Named(name);
        return rows.Count > 0 && rows[0].MapsTo is { } mapped ? QemuDepartures.ClearedFields.GetValueOrDefault(mapped) & 0xFFFF_FFFF : 0;
    }

    /// <summary>The table's value of an identification register the read reaches (its AArch32 view: the low word), or null.</summary>
    private static ulong? ModelValue(CpuModel model, string name, bool aarch64)
    {
        if (aarch64)
        {
            return model.ValueOf(name);
        }

        var rows = Aarch32Registers.Named(name);
        var row = rows.Count > 0 ? rows[0] : null;
        return row?.MapsTo is { } mapped && model.ValueOf(mapped) is { } whole ? RegisterViewBits.Read(row.View, whole) : null;
    }
}
