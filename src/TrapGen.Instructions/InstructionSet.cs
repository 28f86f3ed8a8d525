namespace TrapGen.Instructions;

/// <summary>The instruction set a guest instruction word belongs to.</summary>
public enum InstructionSet
{
    /// <summary>A64: AArch64 state.</summary>
    A64,

    /// <summary>A32: AArch32 ARM state, 32-bit conditional instructions.</summary>
    A32,

    /// <summary>T32: AArch32 Thumb state; a 32-bit instruction's first halfword is the word's upper half.</summary>
    T32,
}
