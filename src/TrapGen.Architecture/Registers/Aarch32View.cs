namespace TrapGen.Architecture;

/// <summary>Which bits of its AArch64 register an AArch32 register is architecturally mapped to.</summary>
public enum Aarch32View
{
    /// <summary>All 64 bits: an MCRR/MRRC register (table spelling <c>all</c>).</summary>
    Whole,

    /// <summary>Bits [31:0] (table spelling <c>lo</c>).</summary>
    Lo,

    /// <summary>Bits [63:32] (table spelling <c>hi</c>).</summary>
    Hi,
}
