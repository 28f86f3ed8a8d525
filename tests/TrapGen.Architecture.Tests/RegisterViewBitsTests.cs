using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// Each view reaches exactly the bits the Arm ARM gives it (LO [31:0], HI [63:32], a zero-extending view
/// all of a 64-bit register on a write and [31:0] on a read, the whole register its own width), for every
/// view, width and a spread of register and written values.
/// </summary>
public sealed class RegisterViewBitsTests
{
    private static readonly ulong[] Values = [0, ulong.MaxValue, 0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, 0x0000_0000_FFFF_FFFF, 0xFFFF_FFFF_0000_0000, 0x8000_0000_0000_0001];

    public static TheoryData<RegisterView, int> ViewsAndWidths()
    {
        var data = new TheoryData<RegisterView, int>();
        foreach (var view in Enum.GetValues<RegisterView>())
        {
            data.Add(view, 32);
            data.Add(view, 64);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ViewsAndWidths))]
    public void A_write_replaces_the_view_bits_and_keeps_the_others(RegisterView view, int width)
    {
        var mask = RegisterViewBits.WriteMask(view, width);
        foreach (var (register, value) in Pairs())
        {
            var written = RegisterViewBits.Write(view, width, register, value);
            Assert.Equal(register & ~mask, written & ~mask);
            Assert.Equal((value << RegisterViewBits.Shift(view)) & mask, written & mask);
        }
    }

    [Theory]
    [MemberData(nameof(ViewsAndWidths))]
    public void A_32_bit_write_reads_back_through_the_same_view(RegisterView view, int width)
    {
        foreach (var (register, value) in Pairs())
        {
            var word = (uint)value;
            Assert.Equal(word, (uint)RegisterViewBits.Read(view, RegisterViewBits.Write(view, width, register, word)));
        }
    }

    [Fact]
    public void The_halves_are_the_architecture_s_bits()
    {
        Assert.Equal(BitField.MaskOf(0, 32), RegisterViewBits.WriteMask(RegisterView.Lo, 64));
        Assert.Equal(BitField.MaskOf(32, 32), RegisterViewBits.WriteMask(RegisterView.Hi, 64));
        Assert.Equal(ulong.MaxValue, RegisterViewBits.WriteMask(RegisterView.ZeroExtend, 64));
        Assert.Equal(ulong.MaxValue, RegisterViewBits.WriteMask(RegisterView.Whole, 64));
        Assert.Equal(BitField.MaskOf(0, 32), RegisterViewBits.WriteMask(RegisterView.Whole, 32));
        foreach (var value in Values)
        {
            Assert.Equal(RegisterHalves.Hi(value), (uint)RegisterViewBits.Read(RegisterView.Hi, value));
            Assert.Equal(RegisterHalves.Lo(value), (uint)RegisterViewBits.Read(RegisterView.Lo, value));
            Assert.Equal(RegisterHalves.WithHi(value, 0xCAFE_F00D), RegisterViewBits.Write(RegisterView.Hi, 64, value, 0xCAFE_F00D));
            Assert.Equal(RegisterHalves.WithLo(value, 0xCAFE_F00D), RegisterViewBits.Write(RegisterView.Lo, 64, value, 0xCAFE_F00D));
            Assert.Equal(0xCAFE_F00DUL, RegisterViewBits.Write(RegisterView.ZeroExtend, 64, value, 0xCAFE_F00D));
        }
    }

    private static IEnumerable<(ulong Register, ulong Value)> Pairs() => Values.SelectMany(register => Values.Select(value => (register, value)));
}
