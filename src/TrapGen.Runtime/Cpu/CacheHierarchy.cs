using TrapGen.Architecture;

namespace TrapGen.Runtime.Cpu;

/// <summary>
/// The emulated hardware's caches, as CCSIDR_EL1 reports them for each CSSELR_EL1 selection: a
/// Cortex-A57 (as QEMU models it) with a 32 KB L1 data cache, a 48 KB L1 instruction cache and a 2 MB
/// unified L2, which CLIDR_EL1 (0x0A200023) describes.
/// </summary>
internal static class CacheHierarchy
{
    /// <summary>CSSELR_EL1.InD: the instruction cache rather than the data or unified one.</summary>
    private static readonly BitField InD = new("InD", 0, 1);

    /// <summary>CSSELR_EL1.Level: the cache level minus one.</summary>
    private static readonly BitField Level = new("Level", 1, 3);

    /// <summary>Gets CCSIDR_EL1 for <paramref name="csselr"/>; 0 for a cache the hardware lacks.</summary>
    public static ulong SizeId(ulong csselr)
    {
        var level = Level.Extract(csselr);
        var instruction = InD.Extract(csselr) != 0;
        return (level, instruction) switch
        {
            (0UL, false) => 0x701FE00A, // L1 data: 32 KB, 64-byte lines, 2 ways, 256 sets
            (0UL, true) => 0x201FE012,  // L1 instruction: 48 KB, 64-byte lines, 3 ways, 256 sets
            (1UL, false) => 0x70FFE07A, // L2 unified: 2 MB, 64-byte lines, 16 ways, 2048 sets
            _ => 0,
        };
    }
}
