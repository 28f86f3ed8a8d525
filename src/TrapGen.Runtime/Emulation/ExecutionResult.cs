using TrapGen.Architecture;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>What executing one instruction did.</summary>
/// <param name="Kind">Whether it trapped, ran directly, or neither.</param>
/// <param name="Esr">The syndrome the instruction reports (0 when it is no instruction the CPU models).</param>
/// <param name="Outcome">The hypervisor's outcome when it trapped.</param>
/// <param name="Undefined">Why it was UNDEFINED at EL1, when <paramref name="Kind"/> says it was.</param>
/// <param name="Control">The trap control that trapped it (HCR_EL2.TVM, CNTHCTL_EL2.EL1PCTEN), when it trapped.</param>
public readonly record struct ExecutionResult(
    ExecutionKind Kind, uint Esr, TrapOutcome? Outcome = null, UndefinedReason Undefined = UndefinedReason.None, TrapControl? Control = null)
{
    /// <summary>Gets whether the instruction trapped to the hypervisor.</summary>
    public bool Trapped => Kind == ExecutionKind.Trapped;
}
