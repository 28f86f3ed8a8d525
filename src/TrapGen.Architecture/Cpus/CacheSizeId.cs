namespace TrapGen.Architecture;

/// <summary>The CCSIDR_EL1 value a CPU reports for one of its caches.</summary>
/// <param name="Level">The cache level, 1 to 7.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="Value">CCSIDR_EL1 when CSSELR_EL1 selects it.</param>
public sealed record CacheSizeId(int Level, CacheKind Kind, ulong Value)
{
    /// <summary>Gets the CSSELR_EL1 value that selects this cache: Level - 1 in [3:1], InD in [0].</summary>
    public ulong Selection => ((ulong)(Level - 1) << 1) | (Kind == CacheKind.Instruction ? 1UL : 0UL);
}
