namespace TrapGen.Architecture;

/// <summary>Which Execution state's instructions a trap class reports (trap-classes.table's state column).</summary>
public enum TrapClassState
{
    /// <summary>A64 instructions only (MSR/MRS, A64 SMC).</summary>
    Aarch64,

    /// <summary>AArch32 instructions only, A32 or T32 (MCR/MRC, MCRR/MRRC, LDC/STC, VMRS, A32 SMC).</summary>
    Aarch32,

    /// <summary>
    /// Instructions of either state, with one syndrome for both (WFI, WFE): from AArch64 it reports CV 1 and COND
    /// 0b1110, as an unconditional A32 instruction does, so the syndrome alone does not say which state trapped.
    /// </summary>
    Either,
}
