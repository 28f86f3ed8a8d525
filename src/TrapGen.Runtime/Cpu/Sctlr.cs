namespace TrapGen.Runtime.Cpu;

/// <summary>SCTLR_EL1 / SCTLR bits the hypervisor looks at.</summary>
public static class Sctlr
{
    /// <summary>M, bit 0: the stage 1 MMU is enabled.</summary>
    public const int M = 0;

    /// <summary>Gets whether SCTLR.M is set in <paramref name="value"/>.</summary>
    public static bool IsMmuEnabled(ulong value) => ((value >> M) & 1) != 0;
}
