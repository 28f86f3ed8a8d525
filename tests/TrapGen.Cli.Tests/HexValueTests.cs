using TrapGen.Decoding;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>Values as logs print them: hexadecimal, with or without 0x, with _ separators, up to 64 bits.</summary>
public sealed class HexValueTests
{
    [Theory]
    [InlineData("0x96000050", 0x96000050UL)]
    [InlineData("96000050", 0x96000050UL)]
    [InlineData("  0X9600_0050\t", 0x96000050UL)]
    [InlineData("_0x96_00_00_50_", 0x96000050UL)]
    [InlineData("0xffffffffffffffff", ulong.MaxValue)]
    [InlineData("0", 0UL)]
    public void A_value_is_read(string text, ulong expected)
    {
        Assert.True(Hex.TryParseValue(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("_")]
    [InlineData("0x 96")]
    [InlineData("0x1_0000_0000_0000_0000")]
    [InlineData("-1")]
    [InlineData("0x96000050 # comment")]
    public void Anything_else_is_not(string text)
    {
        Assert.False(Hex.TryParseValue(text, out var value));
        Assert.Equal(0UL, value);
    }
}
