using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// GCSSTR and GCSSTTR (FEAT_GCS, C6.2.169-170) in encode, decode and a trace on apple-m3+FEAT_GCS: LLVM's words
/// (llvm/test/MC/AArch64/gcs.s: gcsstr x26, [x27] 0xd91f0f7a, gcssttr 0xd91f1f7a), and the syndrome worked out from D24.2.46's
/// ISS of EC 0x2D: 0x2D &lt;&lt; 26 | 1 &lt;&lt; 25 = 0xB6000000, | ExType 0b0010 &lt;&lt; 20 (0x200000) | Raddr 27 &lt;&lt; 10 (0x6C00) |
/// Rvalue 26 &lt;&lt; 5 (0x340) = 0xB6206F40, which does not say which of the two trapped.
/// </summary>
public sealed class GcsStoreCliTests
{
    [Theory]
    [InlineData("gcsstr x26, [x27]", "0xd91f0f7a", "0xb6206f40")]
    [InlineData("gcssttr x26, [x27]", "0xd91f1f7a", "0xb6206f40")]
    [InlineData("gcsstr xzr, [sp]", "0xd91f0fff", "0xb6207fe0")] // Raddr 31 << 10 = 0x7C00, Rvalue 31 << 5 = 0x3E0
    [InlineData("0xd91f1f7a", "0xd91f1f7a", "0xb6206f40")] // the word, written back as gcssttr
    public void Encode_gives_llvms_word_and_the_syndrome(string text, string word, string esr)
    {
        var (exitCode, output, _) = Cli.Run("encode", text);

        Assert.Equal(0, exitCode);
        Assert.Contains("a64 word  " + word, output, System.StringComparison.Ordinal);
        Assert.Contains("esr       " + esr, output, System.StringComparison.Ordinal);
        Assert.Contains("no Guarded Control Stack", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_names_both_instructions_their_registers_and_the_fine_grained_field()
    {
        var (exitCode, output, _) = Cli.Run("decode", "0xB6206F40");

        Assert.Equal(0, exitCode);
        Assert.Contains("summary      a GCSSTR or GCSSTTR of x26 to [x27]", output, System.StringComparison.Ordinal);
        Assert.Matches(@"Raddr +\[14:10\] +27", output);
        Assert.Matches(@"Rvalue +\[9:5\] +26", output);
        Assert.Contains("trapped by   HFGITR_EL2.nGCSSTR_EL1 (clear)", output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("instruction  ", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apple-m3", "apple-m3 has no GCSSTR or GCSSTTR, which needs FEAT_GCS")]
    [InlineData("apple-m3+FEAT_GCS", "apple-m3+FEAT_GCS has GCSSTR or GCSSTTR")]
    public void Decode_with_a_cpu_says_whether_it_has_the_stores(string cpu, string presence)
    {
        var (exitCode, output, _) = Cli.Run("decode", "--cpu", cpu, "0xB6206F40");

        Assert.Equal(0, exitCode);
        Assert.Contains(presence, output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0xB60003C2")] // ExType 0b0000: a data check of a RETAA
    [InlineData("0xB6100000")] // ExType 0b0001: an EXLOCK exception
    public void Decode_of_the_other_exception_types_names_no_store_and_no_control(string esr)
    {
        var (exitCode, output, _) = Cli.Run("decode", esr);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("GCSSTTR", output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("trapped by", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_trace_stren_0_takes_it_to_the_guests_el1_and_then_nGCSSTR_EL1_0_traps_it_to_el2()
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp(
            "guest aarch64 cpu apple-m3+FEAT_GCS\nhfgwtr +nGCS_EL1\nmsr gcscr_el1, x0 = 0\ngcsstr x26, [x27]\nmsr gcscr_el1, x0 = 0x200\ngcsstr x26, [x27]\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("00000004  gcsstr x26, [x27]              trap@EL1", output, System.StringComparison.Ordinal);
        Assert.Contains("GCSCR_EL1.STREn disables GCSSTR and GCSSTTR", output, System.StringComparison.Ordinal);
        Assert.Contains("gcsstr x26, [x27]              trap       GCSSTR", output, System.StringComparison.Ordinal);
        Assert.Contains("UNDEFINED injected, as KVM's kvm_handle_gcs does (HFGITR_EL2.nGCSSTR_EL1 clear)", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_trace_an_unprivileged_gcssttr_is_a_store_the_machine_cannot_run()
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu apple-m3+FEAT_GCS\ngcssttr x26, [sp]\n"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("this GCSSTR or GCSSTTR did not trap and would write the guest's Guarded Control Stack memory", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void On_apple_m3_without_feat_gcs_it_is_undefined_at_el1()
    {
        var (exitCode, output, _) = Cli.Run("run", Cli.Temp("guest aarch64 cpu apple-m3\ngcsstr x0, [x1]\n"));

        Assert.Equal(0, exitCode);
        Assert.Contains("00000000  gcsstr x0, [x1]                UNDEF@EL1", output, System.StringComparison.Ordinal);
    }
}
