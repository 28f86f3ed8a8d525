using Bunit;
using Xunit;

namespace TrapGen.Web.Tests.Components;

/// <summary>Bad input gives one message and no half-drawn result, and the page keeps working.</summary>
public sealed class BadInputComponentTests : Bunit.BunitContext
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "not a value at all", "Auto" },
        { "0x10000000000000000", "Auto" }, // 2^64
        { "18446744073709551616", "Esr" }, // 2^64 in decimal
        { "-1", "Auto" },
        { "-0x96000050", "Esr" },
        { "0xff00000000000000", "Auto" }, // sets RES0 bits [63:56]
        { new string('f', 100_000), "Auto" },
        { new string('x', 100_000), "Register" },
        { "<script>alert(1)</script>", "Auto" },
        { "%zz%", "Instruction" },
        { "msr nosuchreg_el1, x0", "Instruction" },
        { "0x00000000", "Instruction" }, // A64 UDF, A32 ANDEQ: neither is an instruction a trap control reaches
        { "   ", "Auto" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Bad_input_gives_one_message_and_no_result(string text, string kind)
    {
        var page = DecoderPage.Open(this);
        DecoderPage.Paste(page, text, kind);

        var error = Assert.Single(page.FindAll(".error"));
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.NotEmpty(error.TextContent.Trim());
        Assert.True(error.TextContent.Length < 400, "the message quotes at most a short part of the text");
        Assert.Empty(page.FindAll("article"));

        DecoderPage.Paste(page, "0x96000050", "Auto");
        Assert.Empty(page.FindAll(".error"));
        Assert.Equal("0x25", DecoderPage.FieldValue(page, "EC"));
    }

    [Theory]
    [InlineData("#esr=zzz")]
    [InlineData("#esr=%E0%A4%A")]
    [InlineData("#reg=")]
    public void A_bad_link_gives_a_message(string fragment)
    {
        var page = DecoderPage.Open(this, fragment);

        Assert.Single(page.FindAll(".error"));
    }
}
