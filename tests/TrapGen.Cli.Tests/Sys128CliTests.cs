using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// MRRS and MSRR (FEAT_SYSREG128, EC 0x14) at the command line: encode writes LLVM's word and the syndrome a trap reports
/// (0x52000000 | the ISS of D24.2.46, Rt halved), decode names the instruction and the controls that trap it, a CPU model
/// without FEAT_SYSREG128 is said to make it UNDEFINED, list --architecture gives each 128-bit accessor its own rules, and a
/// trace on a shipped model (none has FEAT_SYSREG128) runs it as UNDEFINED at EL1.
/// </summary>
public sealed class Sys128CliTests
{
    [Fact]
    public void Encode_writes_llvms_word_and_the_syndrome_with_rt_halved()
    {
        var (exitCode, output, error) = Cli.Run("encode", "msrr ttbr1_el1, x2, x3");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        // LLVM: msrr TTBR1_EL1, x0, x1 is 0xd5582020; Rt 2. ISS: Op0 3 (0x300000), Op2 1 (0x20000), CRn 2 (0x800), Rt 1 (0x40).
        Assert.Contains("a64 word  0xd5582022", output, System.StringComparison.Ordinal);
        Assert.Contains("esr       0x52320840  (EC 0x14, IL 1, ISS 0x0320840)", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mrrs x1, x2, ttbr0_el1", "not a register pair")]
    [InlineData("mrrs x0, x2, ttbr0_el1", "not a register pair")]
    [InlineData("msrr ttbr0_el1, x0", "expected 'msrr <register>, x<t>, x<t+1>'")]
    [InlineData("mrrs x0, x1, no_such_el1", "unknown system register")]
    public void Encode_refuses_what_no_assembler_takes_with_one_message(string text, string expected)
    {
        var (exitCode, output, error) = Cli.Run("encode", text);

        Assert.NotEqual(0, exitCode);
        Assert.Empty(output);
        Assert.Contains(expected, error, System.StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_names_the_instruction_and_every_control_in_the_pseudocodes_order()
    {
        var (exitCode, output, _) = Cli.Run("decode", "0x52300801");

        Assert.Equal(0, exitCode);
        Assert.Contains("instruction  mrrs x0, x1, ttbr0_el1", output, System.StringComparison.Ordinal);
        Assert.Contains("trapped by   HCR_EL2.TRVM (set) or HFGRTR_EL2.TTBR0_EL1 (set) or HCRX_EL2.D128En (clear)", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_tlbip_encodes_to_llvms_word_and_decodes_with_its_tlbis_controls()
    {
        var (exitCode, output, _) = Cli.Run("encode", "tlbip vae1, x8, x9");
        var (_, decoded, _) = Cli.Run("decode", "0x5212210E");
        var (refused, _, error) = Cli.Run("encode", "tlbip vae9, x0, x1");

        Assert.Equal(0, exitCode);
        // LLVM (armv9a-tlbip.s): 0xd5488728. ISS: Op0 1 (0x100000), Op2 1 (0x20000), CRn 8 (0x2000), Rt 8 / 2 = 4 (0x100), CRm 7 (0xE).
        Assert.Contains("a64 word  0xd5488728", output, System.StringComparison.Ordinal);
        Assert.Contains("esr       0x5212210e", output, System.StringComparison.Ordinal);
        Assert.Contains("instruction  tlbip vae1, x8, x9", decoded, System.StringComparison.Ordinal);
        Assert.Contains("trapped by   HCR_EL2.TTLB (set) or HFGITR_EL2.TLBIVAE1 (set)", decoded, System.StringComparison.Ordinal);
        Assert.NotEqual(0, refused);
        Assert.Contains("'vae9' is no TLBIP operation (did you mean vae1?)", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_on_a_model_without_sysreg128_says_it_is_undefined_there()
    {
        var (exitCode, output, _) = Cli.Run("decode", "--cpu", "max", "0x52300801");

        Assert.Equal(0, exitCode);
        Assert.Contains("max has no MRRS or MSRR, which needs FEAT_SYSREG128", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void List_architecture_json_gives_each_128_bit_accessor_its_rules()
    {
        var (exitCode, output, _) = Cli.Run("list", "--architecture", "--json");
        using var json = JsonDocument.Parse(output);

        Assert.Equal(0, exitCode);
        var ttbr0 = json.RootElement.GetProperty("aarch64Registers128").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "TTBR0_EL1");
        var rules = ttbr0.GetProperty("traps").EnumerateArray().Select(t => t.GetProperty("control").GetString() + ":" + t.GetProperty("direction").GetString());
        Assert.Equal(["HCR_EL2.TVM:write", "HCR_EL2.TRVM:read", "HFGRTR_EL2.TTBR0_EL1:read", "HFGWTR_EL2.TTBR0_EL1:write", "HCRX_EL2.D128En:read-write"], rules);
        Assert.Equal(("FEAT_D128", "0x00300800"), (ttbr0.GetProperty("feature").GetString(), ttbr0.GetProperty("syndromeKey").GetString()));
        // A model without FEAT_SYSREG128 lists none, nor the 128-bit IMPLEMENTATION DEFINED range.
        var (_, onMax, _) = Cli.Run("list", "--architecture", "--json", "--cpu", "max");
        using var max = JsonDocument.Parse(onMax);
        Assert.Empty(max.RootElement.GetProperty("aarch64Registers128").EnumerateArray());
        Assert.DoesNotContain(max.RootElement.GetProperty("rangeTraps").EnumerateArray(), r => r.GetProperty("state").GetString() == "sys128");
    }

    [Fact]
    public void A_trace_on_a_model_given_the_features_traps_them_under_d128en_and_runs_them_once_it_is_set()
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu apple-m3+FEAT_SYSREG128+FEAT_D128\nhcr -TVM\nmrrs x0, x1, ttbr0_el1\nhcrx +D128En\nmsrr ttbr0_el1, x2, x3 = 0x1000\nmrrs x4, x5, ttbr0_el1\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("on apple-m3+FEAT_SYSREG128+FEAT_D128", output, System.StringComparison.Ordinal);
        Assert.Contains("mrrs x0, x1, ttbr0_el1         unhandled  TTBR0_EL1          (HCRX_EL2.D128En clear)", output, System.StringComparison.Ordinal);
        Assert.Contains("a catalogue dispatches no MRRS or MSRR", output, System.StringComparison.Ordinal);
        Assert.Contains("msrr ttbr0_el1, x2, x3         direct", output, System.StringComparison.Ordinal);
        Assert.Contains("mrrs x4, x5, ttbr0_el1         direct     TTBR0_EL1        => 0x0000000000001000", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_trace_on_a_shipped_model_runs_them_as_undefined_and_says_d128en_is_not_there()
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu apple-m3\nhcrx +D128En\nmrrs x0, x1, ttbr0_el1\nmsrr ttbr0_el1, x2, x3\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("HCRX_EL2: trap controls set: none; set, but RES0 on apple-m3: D128En (which needs FEAT_HCX&FEAT_D128)", output, System.StringComparison.Ordinal);
        Assert.Equal(2, output.Split('\n').Count(line => line.Contains("UNDEF@EL1", System.StringComparison.Ordinal) && line.Contains("TTBR0_EL1", System.StringComparison.Ordinal)));
    }
}
