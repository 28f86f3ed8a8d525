using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Recordings;
using TrapGen.Testing.Qemu.Monitor;
using Xunit;
using Xunit.Abstractions;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// Issue 24: real guests. Each boots on QEMU's cortex-a57 under the EL2 monitor (<see cref="MonitorBoot"/>) and the
/// seed's policy, HCR_EL2.DC and TVM set until the guest turns its MMU on, and must reach what it was asked to do
/// (U-Boot: its prompt, then <c>poweroff</c>; EDK2: its UEFI Shell, then <c>reset -s</c>; Linux: the panic where it looks for its root file system). The monitor performs every trapped access on the CPU and records it;
/// TrapGen replays the recording (<see cref="RecordingReplay"/>) and must take every trap the CPU took, with the same
/// syndrome and value, and drop DC and TVM at the same trap, the one that sets SCTLR.M, after which nothing traps.
/// Under <c>TRAPGEN_ACCEPT_SNAPSHOTS=1</c> the recording is written to examples/recordings, where <c>trapgen replay</c> reads
/// it and RecordingExampleTests replays it without QEMU. It is not compared here: a Debian update of a guest changes it.
/// </summary>
public sealed class RealGuestReplayTests(ITestOutputHelper output)
{
    private static readonly RealGuest[] All = [RealGuest.UBootAarch64, RealGuest.UBootAarch32, RealGuest.Edk2, RealGuest.Linux];

    public static TheoryData<string> Guests => new(All.Select(g => g.Name));

    [Theory]
    [MemberData(nameof(Guests))]
    public void A_real_guest_boots_under_the_seeds_policy_and_trapgen_replays_every_trap_it_took(string name)
    {
        var report = BootAndReplay(name, "seed");

        // The seed's policy: a handful of traps, the last the MMU enable, which both sides drop DC and TVM on.
        Assert.InRange(report.Traps, 2, 100);
        Assert.Equal(report.Traps - 1, report.RecordedDrop);
    }

    /// <summary>
    /// Under the KVM-like policy (<see cref="RecordingControls.KvmLike"/>) the guests read their identification registers,
    /// clean by set/way and call PSCI by SMC through the hypervisor: thousands of traps, each replayed with no difference,
    /// and TVM, set until the MMU is on (and again by a set/way clean), drops on the same trap on both sides.
    /// </summary>
    [Theory]
    [MemberData(nameof(Guests))]
    public void A_real_guest_boots_under_a_kvm_like_policy_and_trapgen_replays_every_trap_it_took(string name)
    {
        var report = BootAndReplay(name, "kvm-like");

        Assert.True(report.Traps > 100, report.Traps + " traps");
        Assert.True(report.TrapsPerControl.Count >= 3, string.Join(", ", report.TrapsPerControl));
        Assert.Contains(report.TrapsPerControl, c => c.Key == "HCR_EL2.TID2");
    }

    private ReplayReport BootAndReplay(string name, string policyName)
    {
        var guest = All.Single(g => g.Name == name);
        var state = guest.Aarch64 ? ExecutionState.Aarch64 : ExecutionState.Aarch32;
        var (policy, controls) = RealGuestPolicies.For(policyName, state);

        var boot = MonitorBoot.Boot(guest, policy);
        var recording = TrapRecording.Parse(boot.Output);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = new RecordingReplay(state, controls: controls).Replay(recording.Traps);
        var replayMs = clock.ElapsedMilliseconds;

        output.WriteLine($"{guest.Name} under the {policy.Name} policy: booted and powered off in {boot.Milliseconds} ms; {report.Traps} traps ({report.TrapsBeforeMmu} with the MMU off, {report.TrapsAfterMmu} on), {report.Calls} calls; replayed in {replayMs} ms; DC/TVM dropped after trap {report.RecordedDrop} (TrapGen: {report.ReplayedDrop})");
        output.WriteLine("  traps per control: " + string.Join(", ", report.TrapsPerControl.Select(c => c.Key + " " + c.Value)));
        foreach (var trap in recording.Traps.Take(200))
        {
            output.WriteLine($"  esr 0x{trap.Esr:x8} pc 0x{trap.Pc:x} value 0x{trap.Value:x} hcr 0x{trap.HcrBefore:x} -> 0x{trap.HcrAfter:x}");
        }

        Assert.True(recording.Fatal.Count == 0, "the monitor stopped on an exception it cannot handle (ESR, ELR, FAR): " + string.Join("; ", recording.Fatal) + "\n" + recording.Console[^System.Math.Min(3000, recording.Console.Length)..]);
        Assert.Empty(recording.Malformed);
        Assert.Contains(guest.Finished, recording.Console);
        Assert.True(report.Differences.Count == 0, report.Differences.Count + " differences:\n" + string.Join('\n', report.Differences.Take(50)));
        Assert.Equal(report.RecordedDrop, report.ReplayedDrop);
        Assert.InRange(boot.Milliseconds, 0, 50_000);

        var file = new StringWriter(CultureInfo.InvariantCulture);
        RecordingFile.Write(
            file,
            new Recording(state, controls, recording.Traps),
            [
                guest.Name + " (" + guest.Image.Split('/')[^1] + ", " + guest.Package.Split(' ')[0] + ") under " + Describe(policy.Name),
                "Recorded by the EL2 monitor on qemu-system-aarch64 -M virt,virtualization=on -cpu cortex-a57 (tests/TrapGen.Runtime.Tests/Qemu/RealGuestReplayTests.cs).",
                "Controls: HCR_EL2, MDCR_EL2, CNTHCTL_EL2 at the guest's entry. Each trap: ESR_EL2, ELR_EL2, the value moved, HCR_EL2 before and after;",
                "repeat N COUNT: the last N traps again COUNT times. Replay: trapgen replay <file>.",
            ]);
        if (System.Environment.GetEnvironmentVariable("TRAPGEN_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(Recordings(), guest.Name + "." + policy.Name + ".rec"), file.ToString());
        }

        return report;
    }

    private static string Describe(string policy) => policy == "seed"
        ? "the seed's policy: HCR_EL2.DC and TVM set until it sets SCTLR.M."
        : "a KVM-like policy: HCR_EL2.TID1-3, TACR, TSW, TSC, TVM until it sets SCTLR.M (and after a set/way clean), MDCR_EL2.TPM, TPMCR.";

    private static string Recordings([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "examples", "recordings"));
}
