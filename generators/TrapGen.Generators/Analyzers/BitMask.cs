using System.Globalization;

namespace TrapGen.Generators.Analyzers;

/// <summary>Facts about a mask constant: where its bits are and whether they form one field.</summary>
internal static class BitMask
{
    public static int LowestSetBit(ulong mask)
    {
        var bit = 0;
        while (bit < 64 && ((mask >> bit) & 1) == 0)
        {
            bit++;
        }

        return bit;
    }

    public static int HighestSetBit(ulong mask)
    {
        var bit = 63;
        while (bit >= 0 && ((mask >> bit) & 1) == 0)
        {
            bit--;
        }

        return bit;
    }

    public static int PopCount(ulong mask)
    {
        var count = 0;
        for (; mask != 0; mask &= mask - 1)
        {
            count++;
        }

        return count;
    }

    /// <summary>Gets whether the set bits of a non-zero mask are one run.</summary>
    public static bool IsContiguous(ulong mask) => mask != 0 && PopCount(mask) == HighestSetBit(mask) - LowestSetBit(mask) + 1;

    public static string Hex(ulong mask) => "0x" + mask.ToString(mask > uint.MaxValue ? "X16" : "X", CultureInfo.InvariantCulture);
}
