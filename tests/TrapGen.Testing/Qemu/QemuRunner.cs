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
    public static ProbeOutput Run(string assembly, int expectedRecords, string cpu = "cortex-a57") => Parse(Execute(assembly, cpu), expectedRecords);

    /// <summary>
    /// Assembles, links and runs the probe of an encoding space (<see cref="ProbeGuest.PrintsChangesOnly"/>), and
    /// reads back its results: <paramref name="slots"/> records of the first run, and for each of the other
    /// <paramref name="runs"/> the records that differ from the first run's (the others are the first run's, with
    /// its operand). No return address is printed: each record's is 0.
    /// </summary>
    public static ProbeOutput RunChanges(string assembly, int slots, int runs, string cpu = "cortex-a57")
    {
        var output = Execute(assembly, cpu);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.False(lines.Any(l => l.StartsWith('!')), "the probe took an unexpected exception to EL2 (ESR_EL2 after the !):\n" + Tail(output));
        Assert.True(lines.Length >= slots + runs + 1 && lines[^1] == ".", "the probe's output is incomplete:\n" + Tail(output));
        var records = new (ulong Record, ulong Elr, ulong Value)[slots * runs];
        for (var slot = 0; slot < slots; slot++)
        {
            var fields = lines[1 + slot].Split(' ');
            records[slot] = (Hex(fields[0]), 0, Hex(fields[1]));
        }

        var run = 0;
        foreach (var line in lines[(1 + slots)..^1])
        {
            if (line == "-")
            {
                run++;
                Array.Copy(records, 0, records, run * slots, slots);
                continue;
            }

            var fields = line.Split(' ');
            records[(run * slots) + (int)Hex(fields[0])] = (Hex(fields[1]), 0, Hex(fields[2]));
        }

        Assert.Equal(runs - 1, run);
        return new ProbeOutput(Hex(lines[0]), records);
    }

    private static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;

    private static string Execute(string assembly, string cpu)
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
            return Tool(
                "qemu-system-aarch64",
                "qemu-system-arm",
                ["-M", "virt,virtualization=on", "-cpu", cpu, "-nographic", "-nic", "none", "-nodefaults", "-serial", "stdio", "-monitor", "none", "-kernel", elf]);
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
