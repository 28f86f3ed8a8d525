using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Recordings;
using Xunit;

namespace TrapGen.Runtime.Tests.Recordings;

/// <summary>
/// The real guests' recordings shipped in examples/recordings (written by the QEMU test RealGuestReplayTests) replay
/// through TrapGen with no difference, each with its DC/TVM drop on its last trap, and the file format reads back what
/// it wrote and names the line of a bad one.
/// </summary>
public sealed class RecordingExampleTests
{
    public static TheoryData<string> Examples => new(Directory.GetFiles(Folder(), "*.rec").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_shipped_real_guest_recording_replays_with_no_difference(string name)
    {
        var text = File.ReadAllText(Path.Combine(Folder(), name));

        Assert.True(RecordingFile.TryRead(text.Split('\n'), out var recording, out var error), error);
        var report = new RecordingReplay(recording).Replay(recording.Traps);

        Assert.Empty(report.Differences);
        Assert.Equal(report.RecordedDrop, report.ReplayedDrop);
        Assert.NotNull(report.RecordedDrop);
        if (name.EndsWith(".seed.rec", System.StringComparison.Ordinal))
        {
            // The seed's policy: a handful of traps, the last the MMU enable.
            Assert.InRange(report.Traps, 2, 100);
            Assert.Equal(report.Traps - 1, report.RecordedDrop);
        }

        var written = new StringWriter();
        RecordingFile.Write(written, recording, text.Split('\n').Where(l => l.StartsWith("# ", System.StringComparison.Ordinal)).Select(l => l[2..]));
        Assert.Equal(text, written.ToString());
    }

    [Theory]
    [InlineData("trap 1 2 3 4 5", "line 1: a trap before the guest line")]
    [InlineData("guest aarch64\nguest aarch32", "line 2: a recording has one guest line")]
    [InlineData("guest aarch64\n\n# fine\ntrap 1 2 3 4", "line 4: a trap is five hexadecimal numbers, the ESR 32 bits")]
    [InlineData("guest arm", "line 1: expected 'guest aarch64', 'guest aarch32', 'controls HCR MDCR CNTHCTL', 'trap ESR PC VALUE HCR-BEFORE HCR-AFTER' or 'repeat N COUNT'")]
    [InlineData("repeat 1 1", "line 1: a trap before the guest line")]
    [InlineData("guest aarch64\nrepeat 1 1", "line 2: a repeat of more traps than come before it")]
    [InlineData("guest aarch64\ntrap 1 2 3 4 5\nrepeat 0 1", "line 3: a repeat is the period (1 to 64) and the count (at least 1) in decimal, then optionally the step in hexadecimal")]
    [InlineData("guest aarch64\ntrap 1 2 3 4 5\nrepeat 1 -1", "line 3: a repeat is the period (1 to 64) and the count (at least 1) in decimal, then optionally the step in hexadecimal")]
    [InlineData("guest aarch64\ntrap 1 2 3 4 5\nrepeat 1 4194304", "line 3: more than 4194304 traps")]
    [InlineData("guest aarch64\ntrap 1 2 3 4 5\nrepeat 1 2 -", "line 3: a repeat is the period (1 to 64) and the count (at least 1) in decimal, then optionally the step in hexadecimal")]
    [InlineData("guest aarch64\ntrap 1 2 3 4 5\nrepeat 1 2 3 4", "line 3: a repeat is the period (1 to 64) and the count (at least 1) in decimal, then optionally the step in hexadecimal")]
    [InlineData("guest aarch64\ntrap 1 2 3 4 5\ncontrols 1 2 3", "line 3: the controls line comes once, before the traps")]
    [InlineData("guest aarch64\ncontrols 1 2", "line 2: controls are three hexadecimal numbers: HCR_EL2, MDCR_EL2, CNTHCTL_EL2")]
    [InlineData("# nothing", "no guest line")]
    public void A_bad_recording_names_its_line(string text, string expected)
    {
        Assert.False(RecordingFile.TryRead(text.Split('\n'), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Repeated_runs_of_traps_are_written_as_repeats_and_read_back_as_the_same_traps()
    {
        RecordedTrap a = new(0x62320024, 0x100, 0x8444c004, 0x8000000, 0x8000000), b = a with { Pc = 0x104 }, c = a with { Pc = 0x200 };
        RecordedTrap[] traps = [c, a, b, a, b, a, b, a, c, c, c, c];
        var written = new StringWriter();

        RecordingFile.Write(written, new Recording(ExecutionState.Aarch64, RecordingControls.KvmLike(ExecutionState.Aarch64), traps), []);

        Assert.Equal(
            "guest aarch64\ncontrols 846f0000 60 3\ntrap 62320024 200 8444c004 8000000 8000000\ntrap 62320024 100 8444c004 8000000 8000000\n"
            + "trap 62320024 104 8444c004 8000000 8000000\nrepeat 2 2\ntrap 62320024 100 8444c004 8000000 8000000\n"
            + "trap 62320024 200 8444c004 8000000 8000000\nrepeat 1 3\n",
            written.ToString());
        Assert.True(RecordingFile.TryRead(written.ToString().Split('\n'), out var read, out var error), error);
        Assert.Equal(traps, read.Traps);
        Assert.Equal(RecordingControls.KvmLike(ExecutionState.Aarch64), read.Controls);
    }

    [Fact]
    public void A_set_way_loop_is_one_repeat_with_a_step_and_reads_back_as_every_operation()
    {
        // U-Boot's L1 clean, way inner and set outer: DC CISW of way 1 and way 0 of set 255, then of set 254, ...
        var traps = Enumerable.Range(0, 256).Reverse()
            .SelectMany(set => new ulong[] { 0x8000_0000UL | ((ulong)set << 6), (ulong)set << 6 })
            .Select(value => new RecordedTrap(0x62141d2c, 0x5fcf89a8, value, 0x846f0000, 0x846f0000)).ToArray();
        var written = new StringWriter();

        RecordingFile.Write(written, new Recording(ExecutionState.Aarch64, RecordingControls.KvmLike(ExecutionState.Aarch64), traps), []);

        Assert.EndsWith("trap 62141d2c 5fcf89a8 80003fc0 846f0000 846f0000\ntrap 62141d2c 5fcf89a8 3fc0 846f0000 846f0000\nrepeat 2 255 -40\n", written.ToString());
        Assert.True(RecordingFile.TryRead(written.ToString().Split('\n'), out var read, out var error), error);
        Assert.Equal(traps, read.Traps);
    }

    /// <summary>
    /// A wider policy's recording replayed under a narrower policy (issue 24's "all-controls under narrower", with the
    /// KVM-like policy as the wider and the seed's as the narrower): every access the seed's policy does not trap runs
    /// directly, no difference, and what TrapGen still traps is exactly what the seed's own recording of the guest holds,
    /// trap for trap (syndrome, PC, value, HCR_EL2 before and after), the DC/TVM drop included.
    /// </summary>
    [Theory]
    [InlineData("u-boot-aarch64", 33_304)]
    [InlineData("u-boot-aarch32", 33_319)]
    [InlineData("edk2", 199)]
    [InlineData("linux", 77_456)]
    public void A_kvm_like_recording_replayed_under_the_seeds_policy_traps_exactly_what_the_seeds_recording_holds(string guest, int direct)
    {
        Assert.True(RecordingFile.TryRead(File.ReadAllLines(Path.Combine(Folder(), guest + ".kvm-like.rec")), out var wider, out var error), error);
        Assert.True(RecordingFile.TryRead(File.ReadAllLines(Path.Combine(Folder(), guest + ".seed.rec")), out var narrower, out error), error);

        var report = new RecordingReplay(wider.State, controls: narrower.Controls).Narrow(wider.Traps);

        Assert.Empty(report.Differences);
        Assert.Equal(narrower.Traps, report.Trapped);
        Assert.Equal(direct, report.Direct);
        Assert.Equal(wider.Traps.Count, report.Trapped.Count + report.Direct + report.Calls);
    }

    /// <summary>
    /// Replaying allocates nothing per trap: Linux's 77,462 traps under the KVM-like policy cost the report, its lists
    /// and the cache of the syndromes decoded (a few dozen), a few kilobytes whatever the number of traps (15.6 KB, 16.8 KB
    /// since the decoded access also names an instruction that accesses no register); one object a trap would be 1.8 MB.
    /// </summary>
    [Fact]
    public void Replaying_a_recording_allocates_nothing_per_trap()
    {
        Assert.True(RecordingFile.TryRead(File.ReadAllLines(Path.Combine(Folder(), "linux.kvm-like.rec")), out var recording, out var error), error);
        new RecordingReplay(recording).Replay(recording.Traps);
        var replay = new RecordingReplay(recording);

        var before = System.GC.GetAllocatedBytesForCurrentThread();
        var report = replay.Replay(recording.Traps);
        var allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(report.Differences);
        Assert.Equal(77_462, report.Traps);
        Assert.InRange(allocated, 0, 32_768);
    }

    [Fact]
    public void A_recording_without_a_controls_line_was_made_under_the_seeds_policy()
    {
        Assert.True(RecordingFile.TryRead(["guest aarch32"], out var recording, out var error), error);

        Assert.Equal(RecordingControls.Seed(ExecutionState.Aarch32), recording.Controls);
        Assert.Equal(new RecordingControls(0x4001000, 0, 3), recording.Controls);
    }

    private static string Folder([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "examples", "recordings"));
}
