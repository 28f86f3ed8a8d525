using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Traps;

/// <summary>One trap the hypervisor took, for observers. A struct passed by reference: observing allocates nothing.</summary>
/// <param name="Vcpu">The vCPU that trapped.</param>
/// <param name="Esr">The syndrome.</param>
/// <param name="Pc">The PC of the trapping instruction.</param>
/// <param name="Outcome">What the hypervisor did.</param>
public readonly record struct TrapRecord(Vcpu Vcpu, uint Esr, ulong Pc, TrapOutcome Outcome);
