using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;
using Xunit;

namespace TrapGen.Testing.Qemu.Monitor;

/// <summary>
/// Boots a real guest under the EL2 monitor (monitor.s) on <c>qemu-system-aarch64 -M virt,virtualization=on,highmem=off
/// -cpu cortex-a57</c>, one CPU and 512 MB: the monitor is assembled with the policy and the guest's entry, linked
/// at the last 2 MB of RAM (which it hides from the guest's device tree) and started by <c>-kernel</c>; the guest's
/// image is loaded with <c>-device loader</c>. <c>-icount shift=2,sleep=off</c> and <c>dtb-randomness=off</c> make
/// every run take the same traps.
/// </summary>
public static class MonitorBoot
{
    /// <summary>The RAM the machine has, at 0x40000000.</summary>
    public const ulong RamSize = 512UL << 20;

    /// <summary>Where the device tree QEMU generates lies: the start of RAM.</summary>
    public const ulong DeviceTree = 0x4000_0000;

    /// <summary>How long a boot may take before QEMU is killed and the test fails: U-Boot takes about a second.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>What a boot printed on its UART (the guest's console and the monitor's records) and how long it took.</summary>
    /// <param name="Output">QEMU's serial output.</param>
    /// <param name="Milliseconds">The boot's wall-clock time, QEMU alone.</param>
    public sealed record Result(string Output, long Milliseconds);

    /// <summary>Boots <paramref name="guest"/> under <paramref name="policy"/>; fails the test, naming the package, when the guest's image is not installed.</summary>
    public static Result Boot(RealGuest guest, MonitorPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(policy);
        Assert.True(guest.IsInstalled, guest.Image + " is not installed: apt-get install " + guest.Package + " (test.sh does this).");
        var directory = Directory.CreateTempSubdirectory("trapgen-monitor-");
        try
        {
            var elf = Build(directory.FullName, guest, policy);
            var clock = Stopwatch.StartNew();
            var output = GuestConsole.Run(
                "timeout",
                "coreutils",
                [
                    ((int)Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "qemu-system-aarch64",
                    "-M", "virt,virtualization=on,highmem=off,dtb-randomness=off", "-cpu", "cortex-a57", "-m", "512M", "-smp", "1",
                    "-icount", "shift=2,sleep=off", "-nographic", "-nodefaults", "-nic", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot",
                    "-kernel", elf,
                    "-device", Invariant($"loader,file={guest.Image},addr=0x{guest.LoadAddress:x},force-raw=on"),
                    .. guest.CommandLine is { } line ? new[] { "-append", line } : [],
                ],
                guest.Console,
                Timeout + TimeSpan.FromSeconds(10));
            return new Result(output, clock.ElapsedMilliseconds);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Assembles and links the monitor for <paramref name="guest"/> and <paramref name="policy"/> in <paramref name="directory"/>; returns the ELF's path.</summary>
    private static string Build(string directory, RealGuest guest, MonitorPolicy policy)
    {
        var source = Path.Combine(directory, "monitor.s");
        var script = Path.Combine(directory, "monitor.ld");
        var objectFile = Path.Combine(directory, "monitor.o");
        var elf = Path.Combine(directory, "monitor.elf");
        using (var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("monitor.s")!)
        using (var file = File.Create(source))
        {
            resource.CopyTo(file);
        }

        var monitorBase = DeviceTree + RamSize - 0x20_0000;
        File.WriteAllText(script, Invariant($"ENTRY(_start)\nSECTIONS {{ . = 0x{monitorBase:x}; .text : {{ *(.text*) }} .data : {{ *(.data*) }} .bss : {{ *(.bss*) }} }}\n"));
        File.WriteAllText(Path.Combine(directory, "policy-values.s"), PolicyValues(policy));
        var hcr = policy.Hcr | (guest.Aarch64 ? MonitorPolicy.RW : 0);
        string Symbol(string name, ulong value) => Invariant($"{name}=0x{value:x}");
        ExternalTool.Run(
            "aarch64-linux-gnu-as",
            "binutils-aarch64-linux-gnu",
            [
                "--defsym", Symbol("HCR_INIT", hcr), "--defsym", Symbol("SEED_RULE", policy.SeedRule ? 1UL : 0),
                "--defsym", Symbol("MDCR_INIT", policy.Mdcr),
                "--defsym", Symbol("GUEST_ENTRY", guest.LoadAddress), "--defsym", Symbol("GUEST_SPSR", guest.Spsr),
                "--defsym", Symbol("GUEST_X0", DeviceTree), "--defsym", Symbol("RAM_SIZE", RamSize), "-I", directory, "-o", objectFile, source,
            ]);
        ExternalTool.Run("aarch64-linux-gnu-ld", "binutils-aarch64-linux-gnu", ["--no-warn-rwx-segments", "-T", script, "-o", elf, objectFile]);
        return elf;
    }

    /// <summary>
    /// The monitor's tables of the reads the policy answers (monitor.s, id_table64 and id_table32): an AArch64 read keyed
    /// by its ISS's op0, op2, op1, CRn and CRm (under 0x3ffc1e), a cp15 MRC by opc1 &lt;&lt; 12 | CRn &lt;&lt; 8 | CRm &lt;&lt; 4 | opc2.
    /// </summary>
    private static string PolicyValues(MonitorPolicy policy)
    {
        var text = new StringBuilder();
        text.Append("id_table64:\n");
        foreach (var (esr, value) in policy.AnsweredReads64)
        {
            text.Append(Invariant($"    .quad 0x{esr & 0x3ffc1e:x}, 0x{value:x}\n"));
        }

        text.Append("    .quad -1, 0\nid_table32:\n");
        foreach (var (esr, value) in policy.AnsweredReads32)
        {
            var key = (((esr >> 14) & 7) << 12) | (((esr >> 10) & 0xf) << 8) | (((esr >> 1) & 0xf) << 4) | ((esr >> 17) & 7);
            text.Append(Invariant($"    .quad 0x{key:x}, 0x{value:x}\n"));
        }

        text.Append("    .quad -1, 0\n");
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
