using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using TrapGen.Runtime.Recordings;

namespace TrapGen.Cli.Commands;

/// <summary>
/// <c>trapgen replay &lt;recording&gt;</c>: replays a real guest's trap recording (examples/recordings, docs/traces.md)
/// through the runtime under the seed's policy and compares every trap with what the CPU did; exits 1 on any difference.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var recording = new Argument<FileInfo>("recording") { Description = "The recording (format: docs/traces.md, Recordings)." };
        var cpu = RunCommand.CreateCpu();
        var command = new Command("replay", "Replay a real guest's trap recording under the seed's policy and compare every trap (decision, syndrome, value, HCR_EL2 and the DC/TVM drop) with what the CPU did.")
        {
            recording,
            cpu,
        };
        command.SetAction(parse =>
        {
            var model = RunCommand.Model(parse, cpu);
            var file = parse.GetValue(recording)!;
            using var reader = CliFiles.Open(file);
            var lines = CliFiles.Guard(file, () => BoundedLines.Read(reader, file.Name).ToList());
            if (!RecordingFile.TryRead(lines, out var read, out var error))
            {
                throw new CliException(file.Name + ": " + error);
            }

            var state = read.State;
            var traps = read.Traps;
            var cpuModel = model ?? Architecture.CpuModels.Default;
            if (state == Runtime.Cpu.ExecutionState.Aarch32 && !cpuModel.HasAarch32El1)
            {
                throw new CliException(file.Name + ": " + cpuModel.Name + " has no AArch32 at EL1 (ID_AA64PFR0_EL1.EL1 is 0b0001): it cannot replay an AArch32 guest");
            }

            var report = new RecordingReplay(read, cpuModel).Replay(traps);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(Invariant($"{file.Name}: {state} guest, {report.Traps} trap(s) replayed, {report.Calls} call(s) to the monitor"));
            output.WriteLine("HCR_EL2.DC and TVM dropped: on the CPU " + Drop(report.RecordedDrop, traps) + "; in TrapGen " + Drop(report.ReplayedDrop, traps));
            foreach (var difference in report.Differences)
            {
                output.WriteLine(difference.ToString());
            }

            output.WriteLine(Invariant($"{report.Differences.Count} difference(s)"));
            return report.Differences.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Drop(int? index, System.Collections.Generic.IReadOnlyList<RecordedTrap> traps) =>
        index is { } i ? Invariant($"after trap {i} (pc 0x{traps[i].Pc:x}, ESR 0x{traps[i].Esr:x8}, value 0x{traps[i].Value:x})") : "never";

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
