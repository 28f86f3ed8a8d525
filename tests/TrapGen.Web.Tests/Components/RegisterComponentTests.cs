using System;
using System.Linq;
using Bunit;
using Xunit;

namespace TrapGen.Web.Tests.Components;

/// <summary>
/// A register's page: its encodings in every form, with the instruction words the Arm ARM's encodings give
/// (worked out by hand: MRS is 0xd5300000 | o0:op1:CRn:CRm:op2 &lt;&lt; 5 | Rt; A32 MRC is
/// cond:1110:opc1:1:CRn:Rt:coproc:opc2:1:CRm, MRRC cond:1100:0101:Rt2:Rt:coproc:opc1:CRm), its views and its trap controls.
/// </summary>
public sealed class RegisterComponentTests : Bunit.BunitContext
{
    [Theory]
    // name typed, register shown, form row, text its cells hold
    [InlineData("SCTLR_EL1", "SCTLR_EL1", "SCTLR_EL1", "mrs x0, sctlr_el1 0xd5381000")]
    [InlineData("sctlr_el1", "SCTLR_EL1", "SCTLR_EL1", "msr sctlr_el1, x0 0xd5181000")]
    [InlineData("SCTLR", "SCTLR_EL1", "SCTLR", "mrc p15, 0, r0, c1, c0, 0 0xee110f10")]
    [InlineData("DFAR", "FAR_EL1", "DFAR", "mcr p15, 0, r0, c6, c0, 0 0xee060f10")]
    [InlineData("MIDR_EL1", "MIDR_EL1", "MIDR_EL1", "mrs x0, midr_el1 0xd5380000")]
    public void A_register_shows_its_encodings_as_the_arm_arm_gives_them(string typed, string shown, string form, string expected)
    {
        var page = DecoderPage.Open(this);
        DecoderPage.Paste(page, typed);

        Assert.Equal(shown, DecoderPage.Text(page, "register-name"));
        Assert.Contains(DecoderPage.Forms(page, form), row => Normalise(row.TextContent).Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_64_bit_aarch32_view_shows_its_mcrr_and_mrrc_words()
    {
        // TTBR0 has a 32-bit MCR form (p15, 0, c2, c0, 0) and a 64-bit MCRR form (p15, 0, c2), both views of TTBR0_EL1.
        var page = DecoderPage.Open(this, "#reg=TTBR0");

        var rows = DecoderPage.Forms(page, "TTBR0").Select(r => Normalise(r.TextContent)).ToList();
        Assert.Equal("TTBR0_EL1", DecoderPage.Text(page, "register-name"));
        Assert.Contains(rows, r => r.Contains("mrrc p15, 0, r0, r1, c2 0xec510f02", StringComparison.Ordinal) && r.Contains("mcrr p15, 0, r0, r1, c2 0xec410f02", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("mrc p15, 0, r0, c2, c0, 0 0xee120f10", StringComparison.Ordinal));
    }

    [Fact]
    public void A_register_shows_the_controls_that_trap_each_direction()
    {
        // HCR_EL2.TVM traps writes and TRVM reads of the virtual-memory controls, FAR_EL1 and its AArch32 views among them.
        var page = DecoderPage.Open(this, "#reg=FAR_EL1");

        foreach (var form in new[] { "FAR_EL1", "DFAR", "IFAR" })
        {
            var row = Normalise(DecoderPage.Forms(page, form).Single().TextContent);
            Assert.Contains("HCR_EL2.TVM (write)", row, StringComparison.Ordinal);
            Assert.Contains("HCR_EL2.TRVM (read)", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_register_with_fields_in_the_table_lists_them()
    {
        // ID_AA64PFR0_EL1: EL0 [3:0], EL1 [7:4], EL2 [11:8], EL3 [15:12] (Arm ARM D24.2.86).
        var page = DecoderPage.Open(this, "#reg=ID_AA64PFR0_EL1");

        foreach (var (field, bits) in new[] { ("EL0", "[3:0]"), ("EL1", "[7:4]"), ("EL2", "[11:8]"), ("EL3", "[15:12]") })
        {
            Assert.Equal(bits, page.Find("table.fields tr[data-field='" + field + "'] td").TextContent);
        }
    }

    [Fact]
    public void An_instruction_shows_its_word_and_links_to_the_esr_of_its_trap()
    {
        // MRS X0, MIDR_EL1 is 0xd5380000; its trap reports EC 0x18, IL 1, Op0 3, the rest 0, Direction 1: 0x62300001.
        var page = DecoderPage.Open(this);
        DecoderPage.Paste(page, "mrs x0, midr_el1");

        Assert.Equal("0xd5380000", DecoderPage.Text(page, "word"));
        Assert.Equal("#esr=0x62300001", page.Find("article.instruction a").GetAttribute("href"));
        Assert.Equal("MIDR_EL1", DecoderPage.Text(page, "register-name"));
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
