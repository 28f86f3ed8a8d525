using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// <c>list --architecture</c> and FEAT_NV2: the NV2 MEMORY section and the JSON's <c>nv2Memory</c> and <c>nv2Redirections</c>
/// (SCTLR_EL1 at 0x110 under 111, SCTLR_EL12 under 101, HCR_EL2 at 0x078 under 1x1: Table D8-120), a rule's <c>nvx</c>
/// (CNTP_CTL_EL02's CNTHCTL_EL2.EL1NVPCT under 101, D24.10.2), and a model without FEAT_NV2 listing none of them.
/// </summary>
public sealed class Nv2ListingTests
{
    [Fact]
    public void The_json_lists_each_location_its_condition_and_the_redirections()
    {
        var (exitCode, output, _) = Cli.Run("list", "--architecture", "--json");
        using var json = JsonDocument.Parse(output);
        var memory = json.RootElement.GetProperty("nv2Memory").EnumerateArray()
            .ToDictionary(e => e.GetProperty("register").GetString()!, e => (e.GetProperty("offset").GetString(), e.GetProperty("nvx").GetString()));
        var redirections = json.RootElement.GetProperty("nv2Redirections").EnumerateArray()
            .Select(e => (e.GetProperty("register").GetString(), e.GetProperty("to").GetString())).ToList();

        Assert.Equal(0, exitCode);
        Assert.Equal(("0x110", "111"), memory["SCTLR_EL1"]);
        Assert.Equal(("0x110", "101"), memory["SCTLR_EL12"]);
        Assert.Equal(("0x078", "1x1"), memory["HCR_EL2"]);
        Assert.Equal(("0x4C0", "1x1"), memory["ICH_HCR_EL2"]);
        Assert.Contains(("ESR_EL2", "ESR_EL1"), redirections);
        Assert.Equal(5, redirections.Count);
    }

    [Fact]
    public void A_rule_that_needs_nv2_carries_its_nvx_and_the_table_writes_it()
    {
        var (_, output, _) = Cli.Run("list", "--architecture", "--json");
        var (_, text, _) = Cli.Run("list", "--architecture");
        using var json = JsonDocument.Parse(output);
        var cntp = json.RootElement.GetProperty("aarch64Registers").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "CNTP_CTL_EL02");
        var rules = cntp.GetProperty("traps").EnumerateArray()
            .Select(t => (t.GetProperty("control").GetString(), t.TryGetProperty("nvx", out var nvx) ? nvx.GetString() : null)).ToList();

        Assert.Equal([("CNTHCTL_EL2.EL1NVPCT", "101"), ("HCR_EL2.NV", null)], rules);
        Assert.Matches(@"\nCNTP_CTL_EL02 +s3_5_c14_c2_1 .* EL1NVPCT@101:read-write NV:read-write\n", text);
        Assert.Matches(@"\nNV2 MEMORY +OFFSET +NVX +SECTION\n", text);
        Assert.Matches(@"\nESR_EL2 +-> ESR_EL1 +1x1 ", text);
    }

    [Fact]
    public void Decode_says_under_which_nvx_a_rule_traps()
    {
        // MRS X0, CNTP_CTL_EL02 trapped: EC 0x18, IL 1, Op0 3, Op2 1, Op1 5, CRn 14, CRm 2, Direction 1.
        var (exitCode, output, _) = Cli.Run("decode", "0x62337805");

        Assert.Equal(0, exitCode);
        Assert.Contains("trapped by   CNTHCTL_EL2.EL1NVPCT (set, while HCR_EL2.{NV2,NV1,NV} is 101) or HCR_EL2.NV (set)", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_feat_nv2_lists_none_and_one_with_it_lists_what_it_has()
    {
        var (_, a57, _) = Cli.Run("list", "--architecture", "--json", "--cpu", "cortex-a57");
        var (_, m3, _) = Cli.Run("list", "--architecture", "--json", "--cpu", "apple-m3");
        using var onA57 = JsonDocument.Parse(a57);
        using var onM3 = JsonDocument.Parse(m3);

        Assert.Equal(0, onA57.RootElement.GetProperty("nv2Memory").GetArrayLength());
        Assert.Equal(0, onA57.RootElement.GetProperty("nv2Redirections").GetArrayLength());
        Assert.Contains(onM3.RootElement.GetProperty("nv2Memory").EnumerateArray(), e => e.GetProperty("register").GetString() == "SCTLR_EL1");
        // apple-m3 has no FEAT_MTE2: TFSR_EL2 and its redirection are not listed.
        Assert.DoesNotContain(onM3.RootElement.GetProperty("nv2Redirections").EnumerateArray(), e => e.GetProperty("register").GetString() == "TFSR_EL2");
    }
}
