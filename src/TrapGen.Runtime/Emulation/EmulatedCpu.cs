using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Instructions;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// The hardware under the hypervisor: executes a guest's system-register moves, cp14 moves, VMRS of the
/// floating-point ID registers and SMC. Whether one traps is decided as the hardware decides it, from
/// HCR_EL2 and CNTHCTL_EL2 and the architecture's table of what each control covers
/// (<see cref="ArchitecturalTraps"/>), never from the catalogue. Before the trap controls, the
/// architecture's own checks (<see cref="El1Access"/>): an unallocated encoding, EL2 or EL3 state, an
/// access in a direction the register lacks, or an UNPREDICTABLE form is UNDEFINED at EL1. An access that
/// passes both reaches the EL1 registers directly. System instructions (op0 1: DC, IC, TLBI, AT) are
/// decided the same way, by HCR_EL2.TPC, TPU, TSW, TTLB and TDZ; cp14 moves by HCR_EL2 only (TID0 traps
/// JIDR; MDCR_EL2's debug traps are not modelled, and with MDCR_EL2 = 0 they trap nothing); VMRS of
/// FPSID by TID0 and of MVFR0, MVFR1 and MVFR2 by TID3, with floating-point access enabled
/// (CPACR_EL1.FPEN = 0b11, CPTR_EL2.TFP = 0: the CPU does not model the FP enable traps, EC 0x07, which
/// come first); SMC by TSC, and without it the firmware answers it (<see cref="ArchitecturalTraps.SmcTrappingControl"/>).
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
        var instructionSet = InstructionSets.Of(vcpu.ExecutionState, thumb);
        if (!InstructionDecoder.TryDecode(word, instructionSet, out var access))
        {
            vcpu.Pc += InstructionSize;
            return new ExecutionResult(ExecutionKind.NotASystemRegisterAccess, 0);
        }

        var esr = SyndromeBuilder.Build(access);
        return access.Kind == InstructionKind.Smc ? ExecuteSmc(vcpu, access, esr) : ExecuteMove(vcpu, access, esr);
    }

    private ExecutionResult ExecuteMove(Vcpu vcpu, in SystemRegisterAccess access, uint esr)
    {
        var key = EsrFields.GetISS(esr) & TrappedInstructionClasses.Of(access).Syndrome.KeyMask;
        var undefined = access.IsUnpredictable ? UndefinedReason.Unpredictable : Reason(Check(access, key));
        if (undefined != UndefinedReason.None)
        {
            vcpu.InjectUndefined();
            return new ExecutionResult(ExecutionKind.UndefinedAtEl1, esr, null, undefined);
        }

        if (TrappingControl(access, key) is { } control)
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

    /// <summary>
    /// An SMC: the condition is checked first (a conditional A32 SMC that fails it does nothing, and one
    /// that traps reports CCKNOWNPASS 0); then HCR_EL2.TSC traps it, with the SMC itself as the return
    /// address. Untrapped, it goes to the firmware (EL3, or QEMU's PSCI emulation that stands in for it),
    /// which the CPU models as knowing no SMCCC function: it answers NOT_SUPPORTED in x0 and returns past
    /// the SMC, as QEMU 7.2's does for a function ID it does not implement (SMCCC 1.3 section 5.2).
    /// </summary>
    private ExecutionResult ExecuteSmc(Vcpu vcpu, in SystemRegisterAccess access, uint esr)
    {
        if (!vcpu.Flags.Holds(access.Condition))
        {
            vcpu.Pc += InstructionSize;
            return new ExecutionResult(ExecutionKind.ConditionFailed, esr);
        }

        if (ArchitecturalTraps.SmcTrappingControl(Hypervisor.Hcr.Value) is { } control)
        {
            return new ExecutionResult(ExecutionKind.Trapped, esr, Hypervisor.HandleTrap(esr), Control: control);
        }

        UnknownSmcCall.Answer(vcpu);
        return new ExecutionResult(ExecutionKind.Direct, esr);
    }

    /// <summary>A VMRS decoded is always a read of an ID register, which EL1 may read.</summary>
    private static El1AccessCheck Check(in SystemRegisterAccess access, uint key) => access.Kind switch
    {
        InstructionKind.Cp14Move => El1Access.CheckCp14(access.TrapClass, key, access.IsRead),
        InstructionKind.Vmrs => El1AccessCheck.Allowed,
        _ => El1Access.Check(access.TrapClass, key, access.IsRead),
    };

    private TrapControl? TrappingControl(in SystemRegisterAccess access, uint key) => access.Kind switch
    {
        InstructionKind.Cp14Move => ArchitecturalTraps.Cp14TrappingControl(Hypervisor.Hcr.Value, access.TrapClass, key, access.IsRead),
        InstructionKind.Vmrs => ArchitecturalTraps.VmrsTrappingControl(Hypervisor.Hcr.Value, access.CRn),
        _ => ArchitecturalTraps.TrappingControl(Hypervisor.Hcr.Value, Hypervisor.Cnthctl, access.TrapClass, key, access.IsRead),
    };

    private static UndefinedReason Reason(El1AccessCheck check) => check switch
    {
        El1AccessCheck.Unallocated => UndefinedReason.Unallocated,
        El1AccessCheck.HigherExceptionLevel => UndefinedReason.HigherExceptionLevel,
        El1AccessCheck.WrongDirection => UndefinedReason.WrongDirection,
        _ => UndefinedReason.None,
    };
}
