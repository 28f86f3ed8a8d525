using System.CommandLine;
using TrapGen.Cli.Traces;

namespace TrapGen.Cli.Commands;

/// <summary><c>trapgen boot</c>: the seed's scenario, an AArch64 and an AArch32 guest enabling their MMU.</summary>
internal static class BootCommand
{
    public static Command Create()
    {
        var command = new Command("boot", "Boot an AArch64 and an AArch32 guest through the runtime (the shipped example traces) and print every trap.")
        {
            RunCommand.Policy,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            for (var i = 0; i < ExampleTraces.Boot.Length; i++)
            {
                if (i > 0)
                {
                    output.WriteLine();
                }

                var name = ExampleTraces.Boot[i];
                new TraceRunner(output, parse.GetValue(RunCommand.Policy)).Run(TraceParser.Parse(new System.IO.StringReader(ExampleTraces.Read(name)), name), name);
            }

            return 0;
        });
        return command;
    }
}
