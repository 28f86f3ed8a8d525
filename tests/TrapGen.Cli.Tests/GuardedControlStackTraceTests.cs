using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// The Guarded Control Stack's System instructions (FEAT_GCS, C5.9) in a trace, in encode and in decode: their one-word syntax
/// as LLVM writes it (<c>gcspushm x25</c>, <c>gcspopm</c>, <c>gcspushx</c>), UNDEFINED at EL1 on apple-m3, which lacks
/// FEAT_GCS (no CPU model TrapGen has implements it), and decode naming the instruction and its HFGITR_EL2 field. ESRs:
/// 0x62000000 (EC 0x18, IL 1) | Op0 1 &lt;&lt; 20 | Op2 &lt;&lt; 17 | Op1 &lt;&lt; 14 | CRn 7 &lt;&lt; 10 | Rt &lt;&lt; 5 | CRm 7 &lt;&lt; 1 | Direction.
/// </summary>
public sealed class GuardedControlStackTraceTests
{
    [Fact]
    public void On_apple_m3_each_is_undefined_at_el1()
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu apple-m3\nhfgitr +nGCSPUSHM_EL1 +nGCSEPP\ngcspushm x25\ngcspopm\ngcspushx\ngcsss2 x22\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("00000000  gcspushm x25                   UNDEF@EL1  GCSPUSHM           (not implemented on this CPU model)", output, System.StringComparison.Ordinal);
        Assert.Contains("00000004  gcspopm xzr                    UNDEF@EL1  GCSPOPM", output, System.StringComparison.Ordinal);
        Assert.Contains("00000008  gcspushx                       UNDEF@EL1  GCSPUSHX", output, System.StringComparison.Ordinal);
        Assert.Contains("0000000c  gcsss2 x22                     UNDEF@EL1  GCSSS2", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gcspushm x25", "0xd50b7719", "0x6210df2e")]
    [InlineData("gcspopm x25", "0xd52b7739", "0x6212df2f")]
    [InlineData("gcspopcx", "0xd50877bf", "0x621a1fee")]
    public void Encode_gives_llvms_word_and_the_syndrome(string text, string word, string esr)
    {
        var (exitCode, output, _) = Cli.Run("encode", text);

        Assert.Equal(0, exitCode);
        Assert.Contains("a64 word  " + word, output, System.StringComparison.Ordinal);
        Assert.Contains("esr       " + esr, output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_names_gcspushm_and_its_fine_grained_field()
    {
        var (exitCode, output, _) = Cli.Run("decode", "0x6210DF2E");

        Assert.Equal(0, exitCode);
        Assert.Contains("instruction  gcspushm x25", output, System.StringComparison.Ordinal);
        Assert.Contains("trapped by   HFGITR_EL2.nGCSPUSHM_EL1 (clear)", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_says_that_nothing_traps_gcspopm_at_el2()
    {
        var (exitCode, output, _) = Cli.Run("decode", "0x6212DF2F");

        Assert.Equal(0, exitCode);
        Assert.Contains("instruction  gcspopm x25", output, System.StringComparison.Ordinal);
        Assert.Contains("trapped by   nothing: GCSPOPM's EL1 pseudocode checks no EL2 trap control", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void List_architecture_writes_the_sysl_aliases_operand_as_result()
    {
        var (exitCode, output, _) = Cli.Run("list", "--architecture");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"\nGCSPOPM +s1_3_c7_c7_1 +result +0 +FEAT_GCS", output);
        Assert.Matches(@"\nGCSPUSHM +s1_3_c7_c7_0 +Xt +0 +FEAT_GCS .*HFGITR_EL2\.nGCSPUSHM_EL1:write", output);
    }
}
