namespace TrapGen.Decoding;

/// <summary>What a pasted text is taken as.</summary>
public enum InputKind
{
    /// <summary>Decided from the text: hexadecimal is an ESR, a name alone a register, anything else an instruction.</summary>
    Auto,

    /// <summary>An ESR_EL2 / HSR value.</summary>
    Esr,

    /// <summary>An instruction as <c>encode</c> takes it, or an instruction word (<c>0xd5181000</c>, <c>t32 0xee010f10</c>).</summary>
    Instruction,

    /// <summary>A register's name, AArch64 or AArch32.</summary>
    Register,

    /// <summary>A MIDR_EL1 value.</summary>
    Midr,

    /// <summary>An SMC Calling Convention function ID.</summary>
    Smccc,
}
