using Bunit;
using Xunit;

namespace TrapGen.Web.Tests.Components;

/// <summary>
/// MIDR values and SMCCC function IDs on the page, with fields worked out by hand: MIDR_EL1 Implementer [31:24],
/// Variant [23:20], PartNum [15:4], Revision [3:0]; SMCCC bit 31 fast, bit 30 SMC64, owner [29:24], function [15:0].
/// </summary>
public sealed class IdentifierComponentTests : BunitContext
{
    [Theory]
    // Cortex-A53 r0p4: Arm 0x41, part 0xD03.
    [InlineData("#midr=0x410fd034", "PartNum", "0xd03", "Arm Limited Cortex-A53 r0p4")]
    // Neoverse N1 r3p1.
    [InlineData("#midr=0x413fd0c1", "Variant", "3", "Arm Limited Neoverse N1 r3p1")]
    // PSCI CPU_ON, SMC64: 0xC4000003.
    [InlineData("#smccc=0xc4000003", "Owner", "0x4", "CPU_ON (PSCI), a fast SMC64/HVC64 call")]
    // FF-A FFA_VERSION: 0x84000063.
    [InlineData("#smccc=0x84000063", "Function", "0x63", "FFA_VERSION (FF-A)")]
    public void A_link_to_a_midr_or_smccc_value_shows_its_fields_and_summary(string fragment, string field, string value, string summary)
    {
        var page = DecoderPage.Open(this, fragment);

        Assert.Equal(value, page.Find("table.fields tr[data-field='" + field + "'] td:nth-child(3)").TextContent);
        Assert.StartsWith(summary, DecoderPage.Text(page, "summary"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_smccc_reads_a_pasted_value_as_a_function_id_and_warns_of_must_be_zero_bits()
    {
        // Bits [23:17] of a fast call's ID must be zero; 0x84fe0000 sets them.
        var page = DecoderPage.Open(this);
        DecoderPage.Paste(page, "0x84fe0000", "Smccc");

        Assert.Equal("0x84fe0000", DecoderPage.Text(page, "identifier"));
        Assert.Contains("bits [23:17]", DecoderPage.Text(page, "warning"), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x100000000", "Midr")]
    [InlineData("-1", "Smccc")]
    [InlineData("Cortex-A57", "Midr")]
    public void A_value_that_is_not_32_bits_gives_one_message(string text, string kind)
    {
        var page = DecoderPage.Open(this);
        DecoderPage.Paste(page, text, kind);

        Assert.Single(page.FindAll(".error"));
        Assert.Empty(page.FindAll("article"));
    }
}
