namespace TrapGen.Architecture;

/// <summary>What a cache holds, as CLIDR_EL1's Ctype fields and CSSELR_EL1.InD distinguish.</summary>
public enum CacheKind
{
    /// <summary>A data cache (CSSELR_EL1.InD 0, separate caches).</summary>
    Data,

    /// <summary>An instruction cache (CSSELR_EL1.InD 1).</summary>
    Instruction,

    /// <summary>A unified cache (CSSELR_EL1.InD 0).</summary>
    Unified,
}
