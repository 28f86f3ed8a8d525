using System.Globalization;
using System.Linq;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace TrapGen.Web.Tests.Components;

/// <summary>The decoder page decodes pasted ESR values into the fields the Arm ARM gives them.</summary>
public sealed class EsrComponentTests : BunitContext
{
    [Theory]
    [MemberData(nameof(EsrCases.All), MemberType = typeof(EsrCases))]
    public void A_pasted_esr_shows_the_fields_the_arm_arm_gives_it(string esr, string[] fields)
    {
        var page = DecoderPage.Open(this);
        DecoderPage.Paste(page, esr);

        Assert.Equal(esr, DecoderPage.Text(page, "esr"));
        foreach (var expected in fields)
        {
            var (name, value) = (expected.Split('=')[0], expected.Split('=')[1]);
            Assert.True(value == DecoderPage.FieldValue(page, name), esr + ": " + name + " is " + DecoderPage.FieldValue(page, name) + ", expected " + value);
        }
    }

    [Theory]
    [MemberData(nameof(EsrCases.All), MemberType = typeof(EsrCases))]
    public void The_bit_picture_covers_all_64_bits_once_each_span_focusable_with_its_value_and_meaning(string esr, string[] fields)
    {
        var page = DecoderPage.Open(this, "#esr=" + esr);
        var spans = page.FindAll("ol.bit-picture > li");

        Assert.Equal(64, spans.Sum(s => int.Parse(s.GetAttribute("style")!.Split(':')[1], CultureInfo.InvariantCulture)));
        Assert.Equal("63", spans[0].QuerySelector(".bit-range")!.TextContent);
        Assert.All(spans, span =>
        {
            Assert.Equal("0", span.GetAttribute("tabindex"));
            var tip = page.Find("#" + span.GetAttribute("aria-describedby"));
            Assert.Equal("tooltip", tip.GetAttribute("role"));
            Assert.StartsWith(span.GetAttribute("data-field") + " [", tip.TextContent, System.StringComparison.Ordinal);
            Assert.Contains(" = " + span.QuerySelector(".bit-value")!.TextContent, tip.TextContent, System.StringComparison.Ordinal);
        });
        var ec = fields[0].Split('=')[1];
        Assert.Contains("EC [31:26] = " + ec + ": ", page.Find("li[data-field='EC'] .bit-tip").TextContent, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_an_msr_trap_opens_its_instruction_register_and_trap_control()
    {
        // MSR SCTLR_EL1, X0: HCR_EL2.TVM traps writes of SCTLR_EL1 (Arm ARM D13.2.48); its AArch32 view is SCTLR, bits [31:0].
        var page = DecoderPage.Open(this, "#esr=0x62300400");

        Assert.Equal("msr sctlr_el1, x0", DecoderPage.Text(page, "instruction"));
        Assert.Contains("HCR_EL2.TVM", DecoderPage.Text(page, "traps"), System.StringComparison.Ordinal);
        Assert.DoesNotContain("TRVM", DecoderPage.Text(page, "traps"), System.StringComparison.Ordinal);
        Assert.Equal("SCTLR_EL1", DecoderPage.Text(page, "register-name"));
        Assert.Contains("bits [31:0] of SCTLR_EL1", DecoderPage.Forms(page, "SCTLR").Single().TextContent, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_mcr_trap_names_its_aarch64_counterpart()
    {
        // MCR p15, 0, r0, c6, c0, 0 writes DFAR, bits [31:0] of FAR_EL1; IFAR is bits [63:32].
        var page = DecoderPage.Open(this, "#esr=0x0fe01800");

        Assert.Equal("mcr p15, 0, r0, c6, c0, 0", DecoderPage.Text(page, "instruction"));
        Assert.Equal("FAR_EL1", DecoderPage.Text(page, "register-name"));
        Assert.Contains("bits [63:32] of FAR_EL1", DecoderPage.Forms(page, "IFAR").Single().TextContent, System.StringComparison.Ordinal);
        Assert.Contains("HCR_EL2.TVM", DecoderPage.Text(page, "traps"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_reserved_value_shows_a_warning()
    {
        // A synchronous External abort (DFSC 0b010000) with SET = 0b01, which the Arm ARM reserves.
        var page = DecoderPage.Open(this, "#esr=0x96000810");

        Assert.Contains("SET = 0x1 is a value the Arm ARM reserves", DecoderPage.Text(page, "warning"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decoding_puts_the_text_in_the_url_fragment()
    {
        var page = DecoderPage.Open(this);
        DecoderPage.Paste(page, "0x96000050", "Esr");

        Assert.EndsWith("#esr=0x96000050", Services.GetRequiredService<NavigationManager>().Uri, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_fragment_change_after_loading_decodes_the_new_value()
    {
        var page = DecoderPage.Open(this, "#esr=0x96000050");
        Services.GetRequiredService<NavigationManager>().NavigateTo("#esr=0x62300400");

        page.WaitForAssertion(() => Assert.Equal("0x18", DecoderPage.FieldValue(page, "EC")));
    }
}
