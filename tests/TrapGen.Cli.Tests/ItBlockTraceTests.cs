using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// A T32 IT block in a trace (issue 26): <c>it</c>, <c>ite</c>, ... as GNU as writes them, each instruction of the block
/// run under its condition (Arm ARM F5.1.57) at the PC the 16-bit IT and 32-bit instructions give it.
/// </summary>
public sealed class ItBlockTraceTests
{
    [Fact]
    public void An_ite_block_traps_its_then_slot_skips_its_else_slot_and_ends()
    {
        const string Trace = """
            guest aarch32 thumb
            hcr +TID3
            ite ne                        # NZCV clear: NE passes, EQ fails
            mrc p15, 0, r1, c0, c1, 0     # ID_PFR0, NE: traps
            mrc p15, 0, r1, c0, c1, 0     # EQ: skipped, no trap
            mrc p15, 0, r1, c0, c1, 0     # after the block: traps
            0xbf080000                    # it eq, as a word: the halfword in bits [31:16]
            0x46c00000                    # mov r8, r8 (16-bit), EQ: skipped
            """;
        var (exitCode, output, _) = Cli.Run("run", Cli.Temp(Trace));

        Assert.Equal(0, exitCode);
        Assert.Matches(@"00000000  ite ne +other", output);
        Assert.Matches(@"00000002  mrc p15, 0, r1, c0, c1, 0 +trap +ID_PFR0", output);
        Assert.Matches(@"00000006  mrc p15, 0, r1, c0, c1, 0 +skip +ID_PFR0", output);
        Assert.Matches(@"0000000a  mrc p15, 0, r1, c0, c1, 0 +trap +ID_PFR0", output);
        Assert.Matches(@"0000000e  it eq +other", output);
        Assert.Matches(@"00000010  0x46c00000 +skip", output);
    }

    [Theory]
    [InlineData("guest aarch32\nite ne", "'ite ne' is a T32 IT: it needs a trace whose guests are all 'guest aarch32 thumb'")]
    [InlineData("guest aarch32 thumb\nit ne = 1", "an IT takes no '= value'")]
    public void An_it_outside_a_thumb_trace_or_with_a_value_is_refused(string trace, string error)
    {
        var (exitCode, _, stderr) = Cli.Run("run", Cli.Temp(trace));

        Assert.Equal(1, exitCode);
        Assert.Contains(error, stderr, System.StringComparison.Ordinal);
    }
}
