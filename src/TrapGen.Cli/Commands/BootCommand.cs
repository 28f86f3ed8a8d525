using System.CommandLine;
using TrapGen.Cli.Recordings;
using TrapGen.Cli.Traces;
using TrapGen.Runtime.Recordings;

namespace TrapGen.Cli.Commands;

/// <summary>
/// <c>trapgen boot</c>: the shipped example traces: the seed's scenario (an AArch64 and an AArch32 guest
/// enabling their MMU under HCR_EL2.DC and TVM), a Linux-like AArch64 early boot under a KVM-like HCR_EL2,
/// and an AArch32 guest's VFP and debug set-up; <c>--cpu</c> runs them on another CPU model. Then the real guests'
/// recordings (examples/recordings: U-Boot AArch64 and AArch32, EDK2 and Linux under the seed's policy and a KVM-like
/// one), replayed on cortex-a57, where they were recorded, each as a summary; exits 1 when any differs.
/// </summary>
internal static class BootCommand
{
    public static Command Create()
    {
        var policy = RunCommand.CreatePolicy();
        var cpu = RunCommand.CreateCpu();
        var command = new Command("boot", "Replay the shipped example traces through the runtime (AArch64 and AArch32 MMU enables under HCR_EL2.DC and TVM, an AArch64 early boot under a KVM-like HCR_EL2, and an AArch32 VFP and debug set-up under TID0, TID3 and MDCR_EL2) and print every trap, then replay the real guests' recordings (U-Boot, EDK2, Linux under the seed's and a KVM-like policy) and summarise each.")
        {
            policy,
            cpu,
        };
        command.SetAction(parse =>
        {
            var model = RunCommand.Model(parse, cpu);
            var output = parse.InvocationConfiguration.Output;
            for (var i = 0; i < ExampleTraces.Boot.Length; i++)
            {
                if (i > 0)
                {
                    output.WriteLine();
                }

                var name = ExampleTraces.Boot[i];
                new TraceRunner(output, parse.GetValue(policy), null, model).Run(TraceParser.Parse(new System.IO.StringReader(ExampleTraces.Read(name)), name), name);
            }

            // The real guests' recordings, on the CPU model they were recorded on whatever --cpu says: a model's
            // identification values and caches are what the guests read.
            output.WriteLine();
            output.WriteLine("Real guests recorded on QEMU's cortex-a57 under the EL2 monitor (examples/recordings), replayed trap by trap on cortex-a57:");
            var differences = 0;
            foreach (var name in ExampleRecordings.Boot)
            {
                output.WriteLine();
                var recording = ExampleRecordings.Read(name);
                var report = new RecordingReplay(recording).Replay(recording.Traps);
                ReplayPrinter.Write(output, name, recording, report, differences: 10);
                differences += report.Differences.Count;
            }

            return differences == 0 ? 0 : 1;
        });
        return command;
    }
}
