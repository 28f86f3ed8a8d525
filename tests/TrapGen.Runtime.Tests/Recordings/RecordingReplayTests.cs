using System;
using System.Linq;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Recordings;
using Xunit;

namespace TrapGen.Runtime.Tests.Recordings;

/// <summary>
/// <see cref="RecordingReplay"/> on recordings written out: U-Boot's own (AArch64, as the EL2 monitor recorded it on
/// QEMU's cortex-a57) replays with no difference, and every way a recording can disagree with TrapGen is reported with
/// the trap's PC and both sides, never thrown.
/// </summary>
public sealed class RecordingReplayTests
{
    /// <summary>U-Boot 2023.01 (qemu_arm64) under the seed's policy: SCTLR_EL1, TTBR0_EL1, TCR_EL1, MAIR_EL1, then the MMU enable.</summary>
    private const string UBootAarch64 =
        "\u001e62300400 5fcf892c c51838 84001000 84001000\n" +
        "\u001e62300900 5fcf8644 5fdf0000 84001000 84001000\n" +
        "\u001e62340800 5fcf8648 280803518 84001000 84001000\n" +
        "\u001e62302824 5fcf864c ff440c0400 84001000 84001000\n" +
        "\u001e62300400 5fcf867c c51839 84001000 80000000\n";

    [Fact]
    public void U_boots_recording_replays_with_no_difference_and_the_drop_on_the_mmu_enable()
    {
        var recording = TrapRecording.Parse("DRAM:  510 MiB\r\n" + UBootAarch64 + "Core: 47 devices\r\n");

        var report = new RecordingReplay(ExecutionState.Aarch64).Replay(recording.Traps);

        Assert.Equal(5, recording.Traps.Count);
        Assert.Equal("DRAM:  510 MiB\r\nCore: 47 devices\r\n", recording.Console);
        Assert.Empty(report.Differences);
        Assert.Equal(5, report.Traps);
        Assert.Equal(4, report.RecordedDrop);
        Assert.Equal(4, report.ReplayedDrop);
    }

    [Fact]
    public void An_access_trapgen_does_not_trap_is_reported_with_the_pc_and_both_sides()
    {
        var traps = TrapRecording.Parse(UBootAarch64).Traps.ToArray();
        traps[0] = traps[0] with { Esr = traps[0].Esr | 1 }; // a read of SCTLR_EL1: TVM does not trap it

        var report = new RecordingReplay(ExecutionState.Aarch64).Replay(traps);

        var difference = Assert.Single(report.Differences);
        Assert.Equal(0x5fcf892cUL, difference.Pc);
        Assert.Equal("decision", difference.What);
        Assert.Equal("trap", difference.Recorded);
        Assert.Equal("Direct", difference.Replayed);
        Assert.Equal("trap 0 at pc 0x5fcf892c: decision: recorded trap, replayed Direct", difference.ToString());
    }

    [Fact]
    public void A_drop_the_cpu_did_not_make_is_reported_on_the_trap_that_made_it()
    {
        var traps = TrapRecording.Parse(UBootAarch64).Traps.ToArray();
        traps[4] = traps[4] with { HcrAfter = 0x84001000 };

        var report = new RecordingReplay(ExecutionState.Aarch64).Replay(traps);

        Assert.Null(report.RecordedDrop);
        Assert.Equal(4, report.ReplayedDrop);
        var difference = Assert.Single(report.Differences);
        Assert.Equal("HCR_EL2 after the trap", difference.What);
        Assert.Equal("0x84001000", difference.Recorded);
        Assert.Equal("0x80000000", difference.Replayed);
    }

    [Fact]
    public void A_recording_of_the_other_execution_state_or_of_nothing_trapgen_decodes_differs_and_never_throws()
    {
        var aarch32 = new RecordedTrap(0x0fe00400, 0x320, 0xc50838, 0x4001000, 0x4001000);
        var garbage = Enumerable.Range(0, 64).Select(i => new RecordedTrap((uint)(i << 26) | 0x1ffffff, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0)).ToArray();

        var report = new RecordingReplay(ExecutionState.Aarch64).Replay([aarch32, .. garbage]);

        Assert.Contains(report.Differences, d => d.Index == 0 && d.What == "syndrome");
        Assert.True(report.Differences.Count >= 60);
        Assert.Equal(2, report.Calls); // EC 0x12 and 0x16: HVCs, calls to the monitor
    }

    [Theory]
    [InlineData("\u001e1 2 3 4")]
    [InlineData("\u001e1 2 3 4 5 6")]
    [InlineData("\u001e100000000 2 3 4 5")]
    [InlineData("\u001e1 2 3 4 10000000000000000")]
    [InlineData("\u001ex 2 3 4 5")]
    [InlineData("\u001e1  3 4 5")]
    public void A_malformed_monitor_line_is_set_aside_not_taken_for_a_trap(string line)
    {
        var recording = TrapRecording.Parse("a" + line + "\nb");

        Assert.Empty(recording.Traps);
        Assert.Equal(line[1..], Assert.Single(recording.Malformed));
        Assert.Equal("ab", recording.Console);
    }

    [Fact]
    public void The_monitors_report_of_an_exception_it_cannot_handle_is_kept()
    {
        var recording = TrapRecording.Parse("\u001e!2000000 5fcf0000 0\n\u001e");

        Assert.Equal("2000000 5fcf0000 0", Assert.Single(recording.Fatal));
        Assert.Equal(string.Empty, Assert.Single(recording.Malformed));
    }
}
