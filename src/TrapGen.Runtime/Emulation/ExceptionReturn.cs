using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// An ERET, ERETAA or ERETAB at EL1 that did not trap (AArch64.ExceptionReturn, C6.2.157 and C6.2.158): the PC takes
/// ELR_EL1 and PSTATE SPSR_EL1's, as far as the vCPU holds PSTATE: its condition flags. Only a return to EL1 in AArch64
/// (SPSR_EL1.M EL1t or EL1h) is modelled; a return to EL0 or AArch32, an illegal return (an EL2 or reserved M) and the
/// authentication of ELR_EL1 by an ERETAA or ERETAB whose key SCTLR_EL1 enables are not, and change nothing
/// (<see cref="ExecutionKind.NotModelled"/>). The stack pointer SPSR_EL1.M[0] selects, DAIF and PSTATE's other fields are
/// not modelled either; ELR_EL1 is taken as it is (AArch64.BranchAddr's tag handling is not modelled).
/// </summary>
internal static class ExceptionReturn
{
    /// <summary>SPSR_EL1.M of EL1t and EL1h: EL1 with SP_EL0, with SP_EL1 (C5.2.20).</summary>
    private const uint El1t = 0b00100, El1h = 0b00101;

    private static readonly uint ElrKey = RegisterKeys.Of("ELR_EL1");

    private static readonly uint SpsrKey = RegisterKeys.Of("SPSR_EL1");

    /// <summary>
    /// Returns from the guest's exception, or reports it not modelled: <paramref name="keyDisabled"/> says that an ERETAA
    /// or ERETAB's key is disabled, so that it returns to ELR_EL1 as it is, as ERET does.
    /// </summary>
    public static ExecutionResult Perform(Hypervisor hypervisor, Vcpu vcpu, TrappedInstruction row, bool keyDisabled, uint esr)
    {
        var spsr = DirectAccess.Peek(hypervisor, vcpu, TrapClasses.Msr, SpsrKey);
        var authenticates = PointerAuthentication.EnableOf(row) is not null && !keyDisabled;
        if (authenticates || Layouts.SpsrEl1.M.Extract(spsr) is not (El1t or El1h))
        {
            return new ExecutionResult(ExecutionKind.NotModelled, esr);
        }

        vcpu.Pc = DirectAccess.Peek(hypervisor, vcpu, TrapClasses.Msr, ElrKey);
        // SPSR_EL1's NZCV are at PSTATE's bits in CPSR, [31:28].
        vcpu.Flags = new ConditionFlags { Cpsr = (uint)(spsr & Layouts.SpsrEl1.NZCV.Mask) };
        vcpu.It = ItState.None;
        return new ExecutionResult(ExecutionKind.Direct, esr);
    }
}
