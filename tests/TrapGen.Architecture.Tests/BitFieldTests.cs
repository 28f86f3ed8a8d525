using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// <see cref="BitField"/>'s arithmetic and notation on fields whose values are worked out by hand: the Arm ARM
/// writes a field as <c>msb:lsb</c> and a one-bit field as its bit number; a 64-bit field covers every bit.
/// </summary>
public sealed class BitFieldTests
{
    [Theory]
    [InlineData(10, 4, "13:10")]
    [InlineData(25, 1, "25")]
    [InlineData(0, 1, "0")]
    [InlineData(32, 24, "55:32")]
    [InlineData(0, 64, "63:0")]
    public void A_range_is_written_as_the_arm_arm_writes_it(int lsb, int width, string range)
    {
        Assert.Equal(range, BitField.Range(lsb, width));
        Assert.Equal(range, new BitField("F", lsb, width).BitRange);
    }

    [Theory]
    [InlineData(10, 4, 0x0000_3C00UL)]
    [InlineData(0, 64, 0xFFFF_FFFF_FFFF_FFFFUL)]
    [InlineData(32, 32, 0xFFFF_FFFF_0000_0000UL)]
    [InlineData(63, 1, 0x8000_0000_0000_0000UL)]
    public void A_mask_covers_exactly_the_fields_bits(int lsb, int width, ulong mask)
    {
        Assert.Equal(mask, BitField.MaskOf(lsb, width));
    }

    [Fact]
    public void Extract_and_insert_move_only_the_fields_bits()
    {
        // ESR_EL2.EC is [31:26]: 0x18 there is 0x6000_0000.
        var ec = new BitField("EC", 26, 6);

        Assert.Equal(0x18UL, ec.Extract(0x6200_0001UL));
        Assert.Equal(0x6200_0001UL, ec.Insert(0x0200_0001UL, 0x18));
        Assert.Equal(0xFFFF_FFFF_83FF_FFFFUL, ec.Insert(ulong.MaxValue, 0x60)); // only 0x60's low six bits, 0x20
        Assert.Equal(0x3FUL, ec.MaxValue);
    }
}
