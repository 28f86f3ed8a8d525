namespace TrapGen;

/// <summary>
/// How a trapped access moves its value between the guest and the register: the shape of the instruction,
/// not its exception class (cp15 and cp14 MCR share the MCR form and report different classes). An AArch32
/// register's encoding has a form; a trap class (TrapGen.Architecture's <c>TrapClass</c>) has one, and its
/// coprocessor picks the class.
/// </summary>
public enum AccessForm
{
    /// <summary>MSR, MRS, SYS, SYSL: Xt, 64 bits.</summary>
    Msr,

    /// <summary>
    /// MSRR, MRRS (FEAT_SYSREG128): a 128-bit System register through the pair Xt (bits [63:0]) and Xt+1 (bits [127:64]);
    /// Rt is even, and the syndrome's Rt field holds half of it.
    /// </summary>
    Msrr,

    /// <summary>MCR, MRC (and VMRS, the MRC of cp10): Rt, 32 bits.</summary>
    Mcr,

    /// <summary>MCRR, MRRC: Rt the low word and Rt2 the high word, 64 bits.</summary>
    Mcrr,

    /// <summary>
    /// LDC, STC: a word of memory at the address the addressing mode gives (Rn, an 8-bit word offset added or
    /// subtracted, and pre- or post-indexing); LDC writes the register from memory, STC stores it to memory.
    /// </summary>
    LdcStc,
}
