using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Guests;

/// <summary>A vCPU a guest program declares: the execution state its EL1 runs in and, in AArch32, whether it runs T32.</summary>
/// <param name="State">AArch64 or AArch32.</param>
/// <param name="Thumb">Whether an AArch32 vCPU executes T32 rather than A32.</param>
public readonly record struct GuestVcpu(ExecutionState State, bool Thumb = false)
{
    /// <summary>Gets the instruction set the vCPU executes.</summary>
    public InstructionSet InstructionSet => InstructionSets.Of(State, Thumb);
}
