namespace TrapGen;

/// <summary>How an AArch32 coprocessor register is accessed.</summary>
public enum Cp15Form
{
    /// <summary>32-bit MCR/MRC: opc1, CRn, CRm, opc2 (catalogue key <c>mcr</c>).</summary>
    Mcr,

    /// <summary>64-bit MCRR/MRRC: opc1, CRm (catalogue key <c>mcrr</c>).</summary>
    Mcrr,
}
