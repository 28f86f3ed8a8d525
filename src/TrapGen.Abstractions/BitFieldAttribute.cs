using System;

namespace TrapGen;

/// <summary>
/// Declares the bit field a hand-written constant belongs to: TrapGen's analyzer (TG1001) checks that a
/// mask constant is exactly bits [lsb + width - 1 : lsb], a shift constant is lsb and a width constant
/// is width. For example <c>[BitField(10, 4)] const uint CrnMask = 0x3C00;</c>. It ships in TrapGen.Abstractions,
/// the package's <c>lib</c>, so hand-written hypervisor code can use it; the analyzer also accepts any attribute of
/// this name that takes lsb and width.
/// </summary>
/// <param name="lsb">The field's lowest bit.</param>
/// <param name="width">The field's width in bits.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class BitFieldAttribute(int lsb, int width) : Attribute
{
    /// <summary>Gets the field's lowest bit.</summary>
    public int Lsb { get; } = lsb;

    /// <summary>Gets the field's width in bits.</summary>
    public int Width { get; } = width;
}
