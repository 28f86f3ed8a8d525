using System.Globalization;

namespace TrapGen.Architecture;

/// <summary>
/// A named bit field, declared once as (lsb, width). Every mask and shift in TrapGen is derived from
/// one of these; none is typed twice.
/// </summary>
/// <param name="Name">The field's name as the Arm ARM writes it, such as <c>CRn</c>.</param>
/// <param name="Lsb">The least significant bit.</param>
/// <param name="Width">The number of bits (1 to 64).</param>
public sealed record BitField(string Name, int Lsb, int Width)
{
    /// <summary>Gets the least significant bit. Get-only, so that no <c>with</c> can move the field away from its masks.</summary>
    public int Lsb { get; } = Lsb;

    /// <summary>Gets the number of bits. Get-only, as <see cref="Lsb"/> is.</summary>
    public int Width { get; } = Width;

    /// <summary>Gets the most significant bit.</summary>
    public int Msb => Lsb + Width - 1;

    /// <summary>Gets the right-aligned mask: <c>(1 &lt;&lt; Width) - 1</c>, computed once (a trap's decode extracts fields by it).</summary>
    public ulong ValueMask { get; } = MaskOf(0, Width);

    /// <summary>Gets the in-place mask: the value mask shifted to <see cref="Lsb"/>, computed once.</summary>
    public ulong Mask { get; } = MaskOf(Lsb, Width);

    /// <summary>Gets the largest value the field holds.</summary>
    public ulong MaxValue => ValueMask;

    /// <summary>Gets the Arm ARM notation for the bits: <c>13:10</c>, or <c>0</c> for one bit.</summary>
    public string BitRange => Range(Lsb, Width);

    /// <summary>Formats bits as the Arm ARM does: <c>13:10</c>, or <c>25</c> for one bit.</summary>
    public static string Range(int lsb, int width) => width == 1
        ? lsb.ToString(CultureInfo.InvariantCulture)
        : string.Format(CultureInfo.InvariantCulture, "{0}:{1}", lsb + width - 1, lsb);

    /// <summary>Gets the in-place mask of <paramref name="width"/> bits at <paramref name="lsb"/>.</summary>
    public static ulong MaskOf(int lsb, int width) => (width >= 64 ? ulong.MaxValue : (1UL << width) - 1) << lsb;

    /// <summary>Extracts the field from <paramref name="word"/>.</summary>
    public ulong Extract(ulong word) => (word & Mask) >> Lsb;

    /// <summary>Places <paramref name="value"/> into the field of <paramref name="word"/>, keeping the other bits.</summary>
    public ulong Insert(ulong word, ulong value) => (word & ~Mask) | ((value << Lsb) & Mask);

    /// <summary>Gets whether this field shares a bit with <paramref name="other"/>.</summary>
    public bool Overlaps(BitField other) => (Mask & other.Mask) != 0;

    /// <summary>Formats a mask as a C# literal of the container's width: <c>0x00003C00</c>.</summary>
    public static string FormatMask(ulong mask, int containerWidth) => containerWidth > 32
        ? "0x" + mask.ToString("X16", CultureInfo.InvariantCulture)
        : "0x" + mask.ToString("X8", CultureInfo.InvariantCulture);
}
