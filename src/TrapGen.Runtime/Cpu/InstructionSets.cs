using TrapGen.Instructions;

namespace TrapGen.Runtime.Cpu;

/// <summary>Which instruction set a vCPU executes.</summary>
public static class InstructionSets
{
    /// <summary>A64 in AArch64; in AArch32, T32 when <paramref name="thumb"/> is set and A32 otherwise.</summary>
    public static InstructionSet Of(ExecutionState state, bool thumb) =>
        state == ExecutionState.Aarch64 ? InstructionSet.A64 : thumb ? InstructionSet.T32 : InstructionSet.A32;

    /// <summary>
    /// Gets the size in bytes of <paramref name="word"/> in <paramref name="instructionSet"/>: 4, but 2 for a 16-bit T32
    /// instruction (<see cref="ItInstruction.IsWide"/>: its halfword in bits [31:16]).
    /// </summary>
    public static ulong SizeOf(uint word, InstructionSet instructionSet) =>
        instructionSet == InstructionSet.T32 && !ItInstruction.IsWide(word) ? 2UL : 4UL;
}
