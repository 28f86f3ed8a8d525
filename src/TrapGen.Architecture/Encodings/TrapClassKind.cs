namespace TrapGen.Architecture;

/// <summary>The three system-register trap classes of ESR_EL2 / HSR that TrapGen dispatches.</summary>
public enum TrapClassKind
{
    /// <summary>EC 0x18: an AArch64 MSR or MRS (catalogue key <c>aarch64</c>).</summary>
    Aarch64,

    /// <summary>EC 0x03: an AArch32 MCR or MRC to cp15 (catalogue key <c>cp15_32</c>).</summary>
    Cp15Register32,

    /// <summary>EC 0x04: an AArch32 MCRR or MRRC to cp15 (catalogue key <c>cp15_64</c>).</summary>
    Cp15Register64,
}
