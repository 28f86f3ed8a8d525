using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// PSB CSYNC and TSB CSYNC in a trace and in decode: GNU as's syntax (<c>psb csync</c>), HINT-space instructions that run as
/// barriers (NOPs here) where HFGITR_EL2.PSBCSYNC and HFGITR2_EL2.TSBCSYNC do not exist (every CPU model TrapGen has lacks
/// FEAT_SPEv1p5 and FEAT_TRBEv1p1: the lines say the fields are RES0), and decode naming the control of EC 0x0A's
/// syndrome: 0x0A &lt;&lt; 26 | 1 &lt;&lt; 25 = 0x2A000000, | ISS 4 for PSB CSYNC, 3 for TSB CSYNC (D24.2.46).
/// </summary>
public sealed class SynchronizationHintTraceTests
{
    [Fact]
    public void On_apple_m3_the_fields_are_res0_and_each_runs_as_a_nop()
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu apple-m3\nhfgitr +PSBCSYNC\nhfgitr2 +TSBCSYNC\npsb csync\nTSB CSYNC\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("HFGITR_EL2: trap controls set: PSBCSYNC (RES0 on apple-m3, which lacks FEAT_FGT&FEAT_SPEv1p5)", output, System.StringComparison.Ordinal);
        Assert.Contains("HFGITR2_EL2: trap controls set: TSBCSYNC (RES0 on apple-m3, which lacks FEAT_FGT2&FEAT_TRBEv1p1)", output, System.StringComparison.Ordinal);
        Assert.Contains("00000000  psb csync                      direct     PSB", output, System.StringComparison.Ordinal);
        Assert.Contains("00000004  tsb csync                      direct     TSB", output, System.StringComparison.Ordinal);
        Assert.Contains("0 UNDEF(s) injected", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_operand_other_than_csync_is_refused()
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu apple-m3\npsb sy\n"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("expected 'psb csync'", error, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x2A000004", "PSB CSYNC trapped.", "HFGITR_EL2.PSBCSYNC (set)")]
    [InlineData("0x2A000003", "TSB CSYNC trapped.", "HFGITR2_EL2.TSBCSYNC (set)")]
    public void Decode_names_the_instruction_and_its_control(string esr, string meaning, string control)
    {
        var (exitCode, output, _) = Cli.Run("decode", esr);

        Assert.Equal(0, exitCode);
        Assert.Contains(meaning, output, System.StringComparison.Ordinal);
        Assert.Contains("trapped by   " + control, output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("psb csync", "0xd503223f", "0x2a000004")]
    [InlineData("tsb csync", "0xd503225f", "0x2a000003")]
    public void Encode_gives_the_word_and_the_syndrome(string text, string word, string esr)
    {
        var (exitCode, output, _) = Cli.Run("encode", text);

        Assert.Equal(0, exitCode);
        Assert.Contains("a64 word  " + word, output, System.StringComparison.Ordinal);
        Assert.Contains("esr       " + esr, output, System.StringComparison.Ordinal);
        Assert.Contains("no profiling and no trace buffer", output, System.StringComparison.Ordinal);
    }
}
