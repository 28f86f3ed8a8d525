using System.CommandLine;
using TrapGen.Cli.Traces;

namespace TrapGen.Cli.Commands;

/// <summary>
/// <c>trapgen boot</c>: the shipped example traces: the seed's scenario (an AArch64 and an AArch32 guest
/// enabling their MMU under HCR_EL2.DC and TVM), a Linux-like AArch64 early boot under a KVM-like HCR_EL2,
/// and an AArch32 guest's VFP and debug set-up; <c>--cpu</c> runs them on another CPU model.
/// </summary>
internal static class BootCommand
{
    public static Command Create()
    {
        var policy = RunCommand.CreatePolicy();
        var cpu = RunCommand.CreateCpu();
        var command = new Command("boot", "Replay the shipped example traces through the runtime (AArch64 and AArch32 MMU enables under HCR_EL2.DC and TVM, an AArch64 early boot under a KVM-like HCR_EL2, and an AArch32 VFP and debug set-up under TID0, TID3 and MDCR_EL2) and print every trap.")
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

            return 0;
        });
        return command;
    }
}
