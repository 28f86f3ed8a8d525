using System.IO;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary><c>trapgen replay</c>: a real guest's recording (examples/recordings) against TrapGen, trap by trap.</summary>
public sealed class ReplayCommandTests
{
    [Theory]
    [InlineData("u-boot-aarch64.seed.rec", "5 trap(s)", "after trap 4 (pc 0x5fcf867c, ESR 0x62300400, value 0xc51839)")]
    [InlineData("u-boot-aarch32.seed.rec", "8 trap(s)", "after trap 7 (pc 0x5fd3a594, ESR 0x0fe00460, value 0xc5183b)")]
    [InlineData("edk2.seed.rec", "4 trap(s)", "after trap 3 (pc 0x5280, ESR 0x62300460, value 0x30d0198d)")]
    [InlineData("linux.seed.rec", "6 trap(s)", "after trap 5 (pc 0x40dd23f0, ESR 0x62300400, value 0x200002034f4d91d)")]
    public void A_shipped_recording_replays_with_no_difference_and_the_same_drop(string name, string traps, string drop)
    {
        var (exitCode, output, error) = Cli.Run("replay", Path.Combine(Cli.RepositoryRoot, "examples", "recordings", name));

        Assert.True(exitCode == 0, output + error);
        Assert.Contains(traps + " replayed", output, System.StringComparison.Ordinal);
        Assert.Contains("HCR_EL2.DC and TVM dropped: on the CPU " + drop + "; in TrapGen " + drop + "\n", output, System.StringComparison.Ordinal);
        Assert.EndsWith("\n  0 difference(s)\n", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("u-boot-aarch64.kvm-like.rec", "33309 trap(s)", "HCR_EL2.TVM 5, HCR_EL2.TID2 24, HCR_EL2.TSW 33280")]
    [InlineData("u-boot-aarch32.kvm-like.rec", "33327 trap(s)", "HCR_EL2.TID3 1, HCR_EL2.TVM 8, HCR_EL2.TID2 38, HCR_EL2.TSW 33280")]
    [InlineData("edk2.kvm-like.rec", "203 trap(s)", "HCR_EL2.TID3 6, HCR_EL2.TVM 4, HCR_EL2.TID2 193")]
    [InlineData("linux.kvm-like.rec", "77462 trap(s)", "HCR_EL2.TID2 77379, HCR_EL2.TVM 6, HCR_EL2.TID3 68, HCR_EL2.TSC 6, HCR_EL2.TID1 3")]
    public void A_kvm_like_recording_replays_under_its_own_controls_with_no_difference(string name, string traps, string perControl)
    {
        var (exitCode, output, error) = Cli.Run("replay", Path.Combine(Cli.RepositoryRoot, "examples", "recordings", name));

        Assert.True(exitCode == 0, output + error);
        Assert.Contains(traps + " replayed", output, System.StringComparison.Ordinal);
        Assert.Contains("  controls: HCR_EL2 0x", output, System.StringComparison.Ordinal);
        Assert.Contains("(TID1 TID2 TID3 TSC TACR TSW TVM), MDCR_EL2 0x60 (TPMCR TPM), CNTHCTL_EL2 0x3 (EL1PCTEN EL1PCEN)\n", output, System.StringComparison.Ordinal);
        Assert.Contains("  traps per control: " + perControl + "\n", output, System.StringComparison.Ordinal);
        Assert.EndsWith("\n  0 difference(s)\n", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("u-boot-aarch64", "5 trap(s), 33304 direct access(es)")]
    [InlineData("u-boot-aarch32", "8 trap(s), 33319 direct access(es)")]
    [InlineData("edk2", "4 trap(s), 199 direct access(es)")]
    [InlineData("linux", "6 trap(s), 77456 direct access(es)")]
    public void A_kvm_like_recording_under_the_seeds_controls_traps_exactly_what_the_seeds_recording_holds(string guest, string counts)
    {
        var folder = Path.Combine(Cli.RepositoryRoot, "examples", "recordings");

        var (exitCode, output, error) = Cli.Run("replay", Path.Combine(folder, guest + ".kvm-like.rec"), "--under", Path.Combine(folder, guest + ".seed.rec"));

        Assert.True(exitCode == 0, output + error);
        Assert.StartsWith(guest + ".kvm-like.rec under the controls of " + guest + ".seed.rec: " + counts + ", 0 call(s) to the monitor\n", output, System.StringComparison.Ordinal);
        Assert.Contains(" trap(s) are exactly those of " + guest + ".seed.rec\n", output, System.StringComparison.Ordinal);
        Assert.EndsWith("\n  0 difference(s)\n", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrower_recording_that_holds_other_traps_is_shown_where_they_part_and_exits_1()
    {
        var folder = Path.Combine(Cli.RepositoryRoot, "examples", "recordings");
        var narrower = Cli.Temp("guest aarch64\ntrap 62300400 5fcf892c c51838 84001000 84001000\n", "narrow.rec");

        var (exitCode, output, _) = Cli.Run("replay", Path.Combine(folder, "u-boot-aarch64.kvm-like.rec"), "--under", narrower);

        Assert.Equal(1, exitCode);
        Assert.Contains("  narrow.rec holds 1 trap(s); the first 1 are the same, then: recorded none, replayed trap 62300900 5fcf8644 5fdf0000 84001000 84001000\n", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_recording_trapgen_disagrees_with_prints_each_difference_with_its_pc_and_both_sides_and_exits_1()
    {
        // U-Boot's MMU enable, with the CPU's monitor said to have kept DC and TVM, and a read TVM does not trap.
        var recording = Cli.Temp(
            "guest aarch64\ntrap 62300401 5fcf892c c51838 84001000 84001000\ntrap 62300400 5fcf867c c51839 84001000 84001000\n", "bad.rec");

        var (exitCode, output, _) = Cli.Run("replay", recording);

        Assert.Equal(1, exitCode);
        Assert.Contains("HCR_EL2.DC and TVM dropped: on the CPU never; in TrapGen after trap 1 (pc 0x5fcf867c", output, System.StringComparison.Ordinal);
        Assert.Contains("  trap 0 at pc 0x5fcf892c: decision: recorded trap, replayed Direct\n", output, System.StringComparison.Ordinal);
        Assert.Contains("  trap 1 at pc 0x5fcf867c: HCR_EL2 after the trap: recorded 0x84001000, replayed 0x80000000\n", output, System.StringComparison.Ordinal);
        Assert.EndsWith("\n  2 difference(s)\n", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("guest aarch64\ntrap zz\n", "bad.rec: line 2: a trap is five hexadecimal numbers, the ESR 32 bits")]
    [InlineData("trap 1 2 3 4 5\n", "bad.rec: line 1: a trap before the guest line")]
    public void A_malformed_recording_is_one_error_line_naming_the_line(string text, string expected)
    {
        var (exitCode, output, error) = Cli.Run("replay", Cli.Temp(text, "bad.rec"));

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Equal("trapgen: error: " + expected + "\n", error);
    }

    [Fact]
    public void An_aarch32_recording_on_a_cpu_without_aarch32_at_el1_is_an_error_not_a_crash()
    {
        var (exitCode, _, error) = Cli.Run("replay", Path.Combine(Cli.RepositoryRoot, "examples", "recordings", "u-boot-aarch32.seed.rec"), "--cpu", "cortex-a76");

        Assert.Equal(1, exitCode);
        Assert.Equal("trapgen: error: u-boot-aarch32.seed.rec: cortex-a76 has no AArch32 at EL1 (ID_AA64PFR0_EL1.EL1 is 0b0001): it cannot replay an AArch32 guest\n", error);
    }
}
