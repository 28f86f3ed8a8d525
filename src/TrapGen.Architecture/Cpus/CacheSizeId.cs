using System.Globalization;

namespace TrapGen.Architecture;

/// <summary>The CCSIDR_EL1 value a CPU reports for one of its caches.</summary>
/// <param name="Level">The cache level, 1 to 7.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Value">CCSIDR_EL1 when CSSELR_EL1 selects it.</param>
public sealed record CacheSizeId(int Level, CacheKind Kind, ulong Value)
{
    /// <summary>CCSIDR_EL1.LineSize: log2(bytes in a line) - 4, in both layouts.</summary>
    public static readonly BitField LineSize = new(nameof(LineSize), 0, 3);

    /// <summary>CCSIDR_EL1.Associativity without FEAT_CCIDX: ways - 1.</summary>
    public static readonly BitField Associativity = new(nameof(Associativity), 3, 10);

    /// <summary>CCSIDR_EL1.NumSets without FEAT_CCIDX: sets - 1.</summary>
    public static readonly BitField NumSets = new(nameof(NumSets), 13, 15);

    /// <summary>CCSIDR_EL1.Associativity with FEAT_CCIDX (the 64-bit layout): ways - 1.</summary>
    public static readonly BitField AssociativityCcidx = new("Associativity", 3, 21);

    /// <summary>CCSIDR_EL1.NumSets with FEAT_CCIDX (the 64-bit layout): sets - 1.</summary>
    public static readonly BitField NumSetsCcidx = new("NumSets", 32, 24);

    /// <summary>Gets the CSSELR_EL1 value that selects this cache: Level - 1 in [3:1], InD in [0].</summary>
    public ulong Selection => ((ulong)(Level - 1) << 1) | (Kind == CacheKind.Instruction ? 1UL : 0UL);

    /// <summary>Gets the bytes in a line.</summary>
    public int LineBytes => 1 << ((int)LineSize.Extract(Value) + 4);

    /// <summary>Gets the number of ways, reading <see cref="Value"/> in the 64-bit layout when <paramref name="ccidx"/> (the CPU has FEAT_CCIDX).</summary>
    public int Ways(bool ccidx) => (int)(ccidx ? AssociativityCcidx : Associativity).Extract(Value) + 1;

    /// <summary>Gets the number of sets, reading <see cref="Value"/> in the 64-bit layout when <paramref name="ccidx"/>.</summary>
    public int Sets(bool ccidx) => (int)(ccidx ? NumSetsCcidx : NumSets).Extract(Value) + 1;

    /// <summary>Describes the geometry: <c>L1 data 32 KB, 64-byte lines, 2 ways, 256 sets</c>.</summary>
    public string Describe(bool ccidx)
    {
        var kind = Kind switch
        {
            CacheKind.Instruction => "instruction",
            CacheKind.Data => "data",
            _ => "unified",
        };
        var bytes = (long)LineBytes * Ways(ccidx) * Sets(ccidx);
        return string.Format(
            CultureInfo.InvariantCulture,
            "L{0} {1} {2} KB, {3}-byte lines, {4} ways, {5} sets",
            Level,
            kind,
            bytes / 1024,
            LineBytes,
            Ways(ccidx),
            Sets(ccidx));
    }
}
