using System.CommandLine;
using System.IO;
using System.Linq;
using TrapGen.Runtime.Recordings;

namespace TrapGen.Cli.Commands;

/// <summary>
/// <c>trapgen replay &lt;recording&gt;</c>: replays a real guest's trap recording (examples/recordings, docs/traces.md)
/// through the runtime under the policy it was recorded under (its controls line; the seed's without one) and compares every trap with what the CPU did; exits 1 on any difference.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var recording = new Argument<FileInfo>("recording") { Description = "The recording (format: docs/traces.md, Recordings)." };
        var cpu = RunCommand.CreateCpu();
        var under = new Option<FileInfo>("--under")
        {
            Description = "A recording of the same guest under a narrower policy: replay this one under its controls instead, and check that TrapGen traps exactly what it holds (the rest runs directly).",
        };
        var command = new Command("replay", "Replay a real guest's trap recording under the policy it was recorded under and compare every trap (decision, syndrome, outcome, value, HCR_EL2 and the DC/TVM drop) with what the CPU did.")
        {
            recording,
            cpu,
            under,
        };
        command.SetAction(parse =>
        {
            var model = RunCommand.Model(parse, cpu);
            var file = parse.GetValue(recording)!;
            var read = Read(file);

            var state = read.State;
            var traps = read.Traps;
            var cpuModel = model ?? Architecture.CpuModels.Default;
            if (state == Runtime.Cpu.ExecutionState.Aarch32 && !cpuModel.HasAarch32El1)
            {
                throw new CliException(file.Name + ": " + cpuModel.Name + " has no AArch32 at EL1 (ID_AA64PFR0_EL1.EL1 is 0b0001): it cannot replay an AArch32 guest");
            }

            if (parse.GetValue(under) is { } narrowerFile)
            {
                var narrower = Read(narrowerFile);
                if (narrower.State != state)
                {
                    throw new CliException(narrowerFile.Name + ": an " + narrower.State + " guest's recording, not the " + state + " guest's of " + file.Name);
                }

                var narrowing = new RecordingReplay(state, cpuModel, narrower.Controls).Narrow(traps);
                return Recordings.ReplayPrinter.WriteNarrowing(parse.InvocationConfiguration.Output, file.Name, narrowerFile.Name, narrower, narrowing) ? 0 : 1;
            }

            var report = new RecordingReplay(read, cpuModel).Replay(traps);
            Recordings.ReplayPrinter.Write(parse.InvocationConfiguration.Output, file.Name, read, report);
            return report.Differences.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Recording Read(FileInfo file)
    {
        using var reader = CliFiles.Open(file);
        var lines = CliFiles.Guard(file, () => BoundedLines.Read(reader, file.Name).ToList());
        return RecordingFile.TryRead(lines, out var read, out var error) ? read : throw new CliException(file.Name + ": " + error);
    }
}
