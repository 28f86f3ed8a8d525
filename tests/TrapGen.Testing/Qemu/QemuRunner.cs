using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// Builds the probe with binutils and runs it on <c>qemu-system-aarch64 -M virt,virtualization=on
/// -cpu cortex-a57</c> (or another of QEMU's models), a CPU model that owes nothing to TrapGen. .ci/run installs qemu-system-arm
/// and the cross binutils; when one is missing the test fails and says so.
/// </summary>
public static class QemuRunner
{
    /// <summary>How long QEMU may run before it is killed: a probe takes well under a second, a model sweep seconds.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>The probe's results: the address of its EL1 code and one record (tag and ESR, ELR, x1 after the instruction) per run and slot.</summary>
    /// <param name="El1Code">The address of the first slot.</param>
    /// <param name="Records">Per run, per slot: the tagged syndrome, the exception's return address and the value x1 (r1) held after the instruction.</param>
    public sealed record ProbeOutput(ulong El1Code, (ulong Record, ulong Elr, ulong Value)[] Records);

    /// <summary>Assembles, links and runs <paramref name="assembly"/>, and reads back its results.</summary>
    public static ProbeOutput Run(string assembly, int expectedRecords, string cpu = "cortex-a57")
    {
        var directory = Directory.CreateTempSubdirectory("trapgen-qemu-");
        try
        {
            var source = Path.Combine(directory.FullName, "probe.s");
            var script = Path.Combine(directory.FullName, "probe.ld");
            var objectFile = Path.Combine(directory.FullName, "probe.o");
            var elf = Path.Combine(directory.FullName, "probe.elf");
            File.WriteAllText(source, assembly);
            File.WriteAllText(script, ProbeProgram.LinkerScript);
            Tool("aarch64-linux-gnu-as", "binutils-aarch64-linux-gnu", ["-o", objectFile, source]);
            Tool("aarch64-linux-gnu-ld", "binutils-aarch64-linux-gnu", ["--no-warn-rwx-segments", "-T", script, "-o", elf, objectFile]);
            var output = Tool(
                "qemu-system-aarch64",
                "qemu-system-arm",
                ["-M", "virt,virtualization=on", "-cpu", cpu, "-nographic", "-nic", "none", "-nodefaults", "-serial", "stdio", "-monitor", "none", "-kernel", elf]);
            return Parse(output, expectedRecords);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static ProbeOutput Parse(string output, int expectedRecords)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.False(lines.Any(l => l.StartsWith('!')), "the probe took an unexpected exception to EL2 (ESR_EL2 after the !):\n" + output);
        Assert.True(lines.Length == expectedRecords + 2 && lines[^1] == ".", "the probe's output is incomplete:\n" + output);
        var records = lines[1..^1].Select(line => line.Split(' ')).Select(fields => (Hex(fields[0]), Hex(fields[1]), Hex(fields[2]))).ToArray();
        return new ProbeOutput(Hex(lines[0]), records);
    }

    private static ulong Hex(string text) => ulong.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Tool(string tool, string package, string[] arguments) => ExternalTool.Run(tool, package, arguments, Timeout);
}
