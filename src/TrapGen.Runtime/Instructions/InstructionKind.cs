namespace TrapGen.Runtime.Instructions;

/// <summary>What a decoded <see cref="SystemRegisterAccess"/> is, and so which exception class its trap reports.</summary>
public enum InstructionKind
{
    /// <summary>MSR, MRS or a System instruction (EC 0x18), or a cp15 MCR/MRC (0x03) or MCRR/MRRC (0x04).</summary>
    SystemRegisterMove,

    /// <summary>A cp14 (debug, Jazelle) MCR/MRC (EC 0x05) or MCRR/MRRC (0x0C).</summary>
    Cp14Move,

    /// <summary>A VMRS of a floating-point ID register (EC 0x08): the cp10 MRC with opc1 7, CRn the reg field.</summary>
    Vmrs,

    /// <summary>An SMC: A64 (EC 0x17, reporting imm16) or A32/T32 (EC 0x13).</summary>
    Smc,
}
