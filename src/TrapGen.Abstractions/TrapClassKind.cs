namespace TrapGen;

/// <summary>
/// The three system-register trap classes of ESR_EL2 / HSR that TrapGen dispatches, each named by its
/// instruction, everywhere: the catalogue's <c>syndrome:</c> key and encoding key, the generated names
/// (<c>McrIss</c>, <c>McrKeys</c>, <c>DispatchMcr</c>, <c>Mcr_SCTLR</c>) and the tools' output. An AArch32
/// coprocessor register's encoding form is its trap class: <see cref="Mcr"/> or <see cref="Mcrr"/>.
/// </summary>
public enum TrapClassKind
{
    /// <summary>EC 0x18: an AArch64 MSR, MRS or System instruction (catalogue key <c>msr</c>).</summary>
    Msr,

    /// <summary>EC 0x03: an AArch32 MCR or MRC to cp15; opc1, CRn, CRm, opc2 (catalogue key <c>mcr</c>).</summary>
    Mcr,

    /// <summary>EC 0x04: an AArch32 MCRR or MRRC to cp15; opc1, CRm (catalogue key <c>mcrr</c>).</summary>
    Mcrr,
}
