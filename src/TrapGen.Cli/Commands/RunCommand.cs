using System.CommandLine;
using System.IO;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Cli.Traces;
using TrapGen.Runtime.Traps;

namespace TrapGen.Cli.Commands;

/// <summary><c>trapgen run &lt;trace&gt;</c>: replays a guest trace through the runtime.</summary>
internal static class RunCommand
{
    /// <summary>
    /// Creates <c>--unhandled</c>. Each command gets an option of its own: System.CommandLine records an
    /// option's parent commands in the option, so a static one shared by every run would keep every
    /// command tree ever built alive, and grow slower with each (the tool benchmark found it).
    /// </summary>
    public static Option<UnhandledAccessPolicy> CreatePolicy() => new("--unhandled")
    {
        Description = "What the hypervisor does with an access no catalogue entry handles: InjectUndefined or CrashDomain.",
        DefaultValueFactory = _ => UnhandledAccessPolicy.InjectUndefined,
    };

    /// <summary>Creates <c>--cpu</c>: the CPU model of a trace that names none (a trace's <c>guest ... cpu</c> wins).</summary>
    public static Option<string?> CreateCpu() => new("--cpu")
    {
        Description = "The CPU model a trace runs on unless its guest lines name one: " + string.Join(", ", CpuModels.All.Select(m => m.Name)) + " (default " + CpuModels.DefaultName + ").",
    };

    /// <summary>The model <c>--cpu</c> names, or null when it names none; an unknown name is one error line.</summary>
    public static CpuModel? Model(ParseResult parse, Option<string?> cpu) =>
        parse.GetValue(cpu) is { } name ? CpuModels.Find(name) ?? throw new CliException(CpuModels.Unknown(name)) : null;

    private static Option<ProgressMode> CreateProgress() => new("--progress")
    {
        Description = "Show progress on standard error: Auto (long traces, on a terminal), Always or Never.",
        DefaultValueFactory = _ => ProgressMode.Auto,
    };

    public static Command Create()
    {
        var trace = new Argument<FileInfo>("trace") { Description = "The trace file (format: docs/traces.md)." };
        var policy = CreatePolicy();
        var progressMode = CreateProgress();
        var cpu = CreateCpu();
        var command = new Command("run", "Replay a guest trace through the runtime: prints each trap, the value moved, and a summary.")
        {
            trace,
            policy,
            progressMode,
            cpu,
        };
        command.SetAction(parse =>
        {
            var model = Model(parse, cpu);
            var file = parse.GetValue(trace)!;
            using var reader = CliFiles.Open(file);
            var stream = reader.BaseStream;
            var progress = TraceProgress.Create(parse.GetValue(progressMode), parse.InvocationConfiguration.Error, stream.CanSeek ? stream.Length : 0, () => stream.CanSeek ? stream.Position : 0);
            var runner = new TraceRunner(parse.InvocationConfiguration.Output, parse.GetValue(policy), progress, model);

            // The trace is read while it runs: an I/O failure can come at any step.
            CliFiles.Guard(file, () => runner.Run(TraceParser.Parse(reader, file.Name), file.Name));
            return 0;
        });
        return command;
    }
}
