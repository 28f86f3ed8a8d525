using TrapGen.Instructions;

namespace TrapGen.Runtime.Cpu;

/// <summary>Which instruction set a vCPU executes.</summary>
public static class InstructionSets
{
    /// <summary>A64 in AArch64; in AArch32, T32 when <paramref name="thumb"/> is set and A32 otherwise.</summary>
    public static InstructionSet Of(ExecutionState state, bool thumb) =>
        state == ExecutionState.Aarch64 ? InstructionSet.A64 : thumb ? InstructionSet.T32 : InstructionSet.A32;
}
