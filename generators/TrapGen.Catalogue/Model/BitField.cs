using System.Globalization;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>
/// A named bit field, declared once as (lsb, width). Every mask and shift TrapGen emits is derived here.
/// </summary>
/// <param name="Name">The field's name, such as <c>CRn</c>.</param>
/// <param name="Lsb">The least significant bit.</param>
/// <param name="Width">The number of bits (1 to 64).</param>
/// <param name="Span">Where the field is declared.</param>
public sealed record BitField(string Name, int Lsb, int Width, SourceSpan Span)
{
    /// <summary>Gets the most significant bit.</summary>
    public int Msb => Lsb + Width - 1;

    /// <summary>Gets the right-aligned mask: <c>(1 &lt;&lt; Width) - 1</c>.</summary>
    public ulong ValueMask => Width >= 64 ? ulong.MaxValue : (1UL << Width) - 1;

    /// <summary>Gets the in-place mask: the value mask shifted to <see cref="Lsb"/>.</summary>
    public ulong Mask => ValueMask << Lsb;

    /// <summary>Gets the largest value the field holds.</summary>
    public ulong MaxValue => ValueMask;

    /// <summary>Gets the Arm ARM notation for the bits: <c>13:10</c>, or <c>0</c> for one bit.</summary>
    public string BitRange => Width == 1
        ? Lsb.ToString(CultureInfo.InvariantCulture)
        : string.Format(CultureInfo.InvariantCulture, "{0}:{1}", Msb, Lsb);

    /// <summary>Extracts the field from <paramref name="word"/>.</summary>
    public ulong Extract(ulong word) => (word & Mask) >> Lsb;

    /// <summary>Places <paramref name="value"/> into the field of <paramref name="word"/>, keeping the other bits.</summary>
    public ulong Insert(ulong word, ulong value) => (word & ~Mask) | ((value << Lsb) & Mask);

    /// <summary>Gets whether this field shares a bit with <paramref name="other"/>.</summary>
    public bool Overlaps(BitField other) => (Mask & other.Mask) != 0;

    /// <summary>Formats a mask as the emitted C# literal: <c>0x00003C00</c>.</summary>
    public static string FormatMask(ulong mask, int containerWidth) => containerWidth > 32
        ? "0x" + mask.ToString("X16", CultureInfo.InvariantCulture)
        : "0x" + mask.ToString("X8", CultureInfo.InvariantCulture);
}
