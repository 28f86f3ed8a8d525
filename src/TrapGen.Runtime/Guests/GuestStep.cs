using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Guests;

/// <summary>One step of a guest program, run by <see cref="GuestProgramExecutor"/>.</summary>
public abstract record GuestStep;

/// <summary>A context switch to vCPU <paramref name="Vcpu"/> (the seed's ctxt_switch_to).</summary>
/// <param name="Vcpu">The vCPU to run next.</param>
public sealed record SwitchVcpuStep(int Vcpu) : GuestStep;

/// <summary>Sets the running vCPU's NZCV flags.</summary>
/// <param name="Flags">The flags.</param>
public sealed record SetFlagsStep(ConditionFlags Flags) : GuestStep;

/// <summary>Advances the running vCPU's physical counter.</summary>
/// <param name="Ticks">How many ticks.</param>
public sealed record AdvanceTimerStep(ulong Ticks) : GuestStep;

/// <summary>Sets and clears HCR_EL2 bits, as the hypervisor reconfigures its traps.</summary>
/// <param name="Set">The bits to set.</param>
/// <param name="Clear">The bits to clear.</param>
public sealed record ChangeHcrStep(ulong Set, ulong Clear) : GuestStep;

/// <summary>
/// Sets and clears bits of an EL2 trap-control register other than HCR_EL2: MDCR_EL2, as the hypervisor gives the debug
/// registers or the PMU to the guest or takes them back; CPTR_EL2 (TCPAC, TAM, TTA); CNTHCTL_EL2 (the timer traps).
/// </summary>
/// <param name="Register">The register: MDCR_EL2, CPTR_EL2 or CNTHCTL_EL2.</param>
/// <param name="Set">The bits to set.</param>
/// <param name="Clear">The bits to clear.</param>
public sealed record ChangeControlRegisterStep(string Register, ulong Set, ulong Clear) : GuestStep;

/// <summary>Executes one instruction word on the running vCPU.</summary>
/// <param name="Word">The instruction word.</param>
/// <param name="Value">The value to put in the source register(s) of a write first, or null.</param>
/// <param name="WrittenAs">The instruction set the word was assembled for, or null when it is not known; a word for the other state is refused.</param>
public sealed record InstructionStep(uint Word, ulong? Value = null, InstructionSet? WrittenAs = null) : GuestStep;
