using System.IO;
using System.Reflection;

namespace TrapGen.Cli.Traces;

/// <summary>The traces shipped in examples/traces, embedded so that the tool runs them from anywhere.</summary>
internal static class ExampleTraces
{
    public static readonly string[] Boot = ["linux-mmu-enable-aarch64.trace", "linux-mmu-enable-aarch32.trace", "kvm-like-boot-aarch64.trace", "aarch32-debug-and-id.trace", "kvm-like-pmu-and-debug-aarch64.trace", "fine-grained-sctlr-aarch64.trace", "kvm-like-lazy-switches-aarch64.trace", "kvm-like-fine-grained-undef-aarch64.trace"];

    public static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("traces/" + name)
            ?? throw new CliException("the example trace " + name + " is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
