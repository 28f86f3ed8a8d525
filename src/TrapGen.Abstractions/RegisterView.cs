namespace TrapGen;

/// <summary>How an AArch32 access maps onto the bits of its AArch64 register.</summary>
public enum RegisterView
{
    /// <summary>All bits: 32-bit onto 32-bit, or MCRR/MRRC onto 64-bit.</summary>
    Whole,

    /// <summary>Bits [31:0]; a write preserves [63:32].</summary>
    Lo,

    /// <summary>Bits [63:32]; a write preserves [31:0].</summary>
    Hi,

    /// <summary>Reads bits [31:0]; a write stores the value zero-extended, clearing [63:32].</summary>
    ZeroExtend,
}
