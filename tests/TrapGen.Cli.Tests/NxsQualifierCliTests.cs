using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// 'list --architecture' shows the qualifier of the nXS TLBIs' fine-grained rules: each of the 30 EL1 nXS TLBIs (Arm ARM
/// C5.5) traps by the HFGITR_EL2 field of its plain form only while HCRX_EL2.FGTnXS is clear (D24.2.63), so the listing
/// must say so, in the text table (<c>HFGITR_EL2.TLBIVAE1:write[HCRX_EL2.FGTnXS]</c>) and in the JSON (<c>qualifier</c>);
/// the plain TLBIs' rules have none.
/// </summary>
public sealed class NxsQualifierCliTests
{
    /// <summary>The EL1 nXS TLBIs of the Arm ARM's C5.5: 30, each the plain TLBI with CRn 9.</summary>
    private const int El1NxsTlbis = 30;

    [Fact]
    public void The_json_gives_each_el1_nxs_tlbis_fine_grained_rule_the_fgtnxs_qualifier_and_no_other_rule_one()
    {
        var instructions = JsonDocument.Parse(Cli.Run("list", "--architecture", "--json").Output).RootElement
            .GetProperty("systemInstructions").EnumerateArray().ToList();

        var qualified = instructions
            .SelectMany(i => i.GetProperty("traps").EnumerateArray().Select(t => (Name: i.GetProperty("name").GetString()!, Rule: t)))
            .Where(pair => pair.Rule.GetProperty("qualifier").ValueKind != JsonValueKind.Null)
            .ToList();

        Assert.Equal(El1NxsTlbis, qualified.Count);
        Assert.All(qualified, pair =>
        {
            Assert.EndsWith("NXS", pair.Name, System.StringComparison.Ordinal);
            Assert.Equal("HCRX_EL2.FGTnXS", pair.Rule.GetProperty("qualifier").GetString());
            var plain = pair.Name[..^"NXS".Length].Replace(" ", string.Empty, System.StringComparison.Ordinal);
            Assert.Equal("HFGITR_EL2." + plain, pair.Rule.GetProperty("control").GetString());
        });
    }

    [Fact]
    public void The_text_table_writes_the_qualifier_after_the_direction_and_none_on_the_plain_form()
    {
        var lines = Cli.Run("list", "--architecture").Output.Split('\n');

        var nxs = System.Array.Find(lines, l => l.StartsWith("TLBI VAE1NXS ", System.StringComparison.Ordinal));
        var plain = System.Array.Find(lines, l => l.StartsWith("TLBI VAE1 ", System.StringComparison.Ordinal));

        Assert.NotNull(nxs);
        Assert.NotNull(plain);
        Assert.Contains("HFGITR_EL2.TLBIVAE1:write[HCRX_EL2.FGTnXS]", nxs, System.StringComparison.Ordinal);
        Assert.Contains("HFGITR_EL2.TLBIVAE1:write", plain, System.StringComparison.Ordinal);
        Assert.DoesNotContain("[HCRX_EL2.FGTnXS]", plain, System.StringComparison.Ordinal);
    }
}
