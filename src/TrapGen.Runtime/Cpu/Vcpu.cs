using TrapGen.Runtime.Timer;

namespace TrapGen.Runtime.Cpu;

/// <summary>A virtual CPU: general-purpose registers, PC, its execution state, its saved EL1 system registers and its timer.</summary>
public sealed class Vcpu
{
    /// <summary>Creates a vCPU that runs in <paramref name="state"/>.</summary>
    public Vcpu(int id, ExecutionState state)
    {
        Id = id;
        ExecutionState = state;
    }

    /// <summary>Gets the vCPU's number within its domain.</summary>
    public int Id { get; }

    /// <summary>Gets the execution state its EL1 runs in.</summary>
    public ExecutionState ExecutionState { get; }

    /// <summary>Gets the general-purpose registers.</summary>
    public GeneralPurposeRegisters Registers { get; } = new();

    /// <summary>Gets or sets the program counter.</summary>
    public ulong Pc { get; set; }

    /// <summary>Gets the EL1 system registers saved while the vCPU is not running.</summary>
    public SystemRegisterFile SavedSystemRegisters { get; } = new();

    /// <summary>Gets the vCPU's timer.</summary>
    public VirtualTimer Timer { get; } = new();
}
