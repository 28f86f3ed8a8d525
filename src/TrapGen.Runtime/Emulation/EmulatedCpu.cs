using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Instructions;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// The hardware under the hypervisor: executes a guest's system-register moves. Whether one traps is
/// decided as the hardware decides it, from HCR_EL2 and CNTHCTL_EL2 and the architecture's table of
/// what each control covers (<see cref="ArchitecturalTraps"/>), never from the catalogue. Before the
/// trap controls, the architecture's own checks (<see cref="El1Access"/>): an unallocated encoding,
/// EL2 or EL3 state, an access in a direction the register lacks, or an UNPREDICTABLE form is
/// UNDEFINED at EL1. An access that passes both reaches the EL1 registers directly. System instructions
/// (op0 1: DC, IC, TLBI, AT) are decided the same way, by HCR_EL2.TPC, TPU, TSW, TTLB and TDZ.
/// </summary>
public sealed class EmulatedCpu(Hypervisor hypervisor)
{
    /// <summary>The size of every instruction the CPU models.</summary>
    private const ulong InstructionSize = 4;

    /// <summary>Gets the hypervisor the CPU traps to.</summary>
    public Hypervisor Hypervisor { get; } = hypervisor;

    /// <summary>
    /// Executes <paramref name="word"/> on the running vCPU. AArch64 vCPUs execute A64; AArch32 vCPUs
    /// A32, or T32 when <paramref name="thumb"/> is set.
    /// </summary>
    public ExecutionResult Execute(uint word, bool thumb = false)
    {
        var vcpu = Hypervisor.Current;
        var instructionSet = vcpu.ExecutionState == ExecutionState.Aarch64 ? InstructionSet.A64 : thumb ? InstructionSet.T32 : InstructionSet.A32;
        if (!InstructionDecoder.TryDecode(word, instructionSet, out var access))
        {
            vcpu.Pc += InstructionSize;
            return new ExecutionResult(ExecutionKind.NotASystemRegisterAccess, 0);
        }

        var esr = SyndromeBuilder.Build(access);
        SyndromeKey.TryGet(esr, out _, out var key);
        var undefined = access.IsUnpredictable ? UndefinedReason.Unpredictable : Reason(El1Access.Check(access.TrapClass, key, access.IsRead));
        if (undefined != UndefinedReason.None)
        {
            vcpu.InjectUndefined();
            return new ExecutionResult(ExecutionKind.UndefinedAtEl1, esr, null, undefined);
        }

        if (ArchitecturalTraps.TrappingControl(Hypervisor.Hcr.Value, Hypervisor.Cnthctl, access.TrapClass, key, access.IsRead) is { } control)
        {
            return new ExecutionResult(ExecutionKind.Trapped, esr, Hypervisor.HandleTrap(esr), Control: control);
        }

        if (!vcpu.Flags.Holds(access.Condition))
        {
            vcpu.Pc += InstructionSize;
            return new ExecutionResult(ExecutionKind.ConditionFailed, esr);
        }

        // A System instruction (cache or TLB maintenance) that does not trap has no effect the model keeps.
        if (!access.IsSystemInstruction)
        {
            DirectAccess.Perform(Hypervisor, vcpu, access, key);
        }

        vcpu.Pc += InstructionSize;
        return new ExecutionResult(ExecutionKind.Direct, esr);
    }

    private static UndefinedReason Reason(El1AccessCheck check) => check switch
    {
        El1AccessCheck.Unallocated => UndefinedReason.Unallocated,
        El1AccessCheck.HigherExceptionLevel => UndefinedReason.HigherExceptionLevel,
        El1AccessCheck.WrongDirection => UndefinedReason.WrongDirection,
        _ => UndefinedReason.None,
    };
}
