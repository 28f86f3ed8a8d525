using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// The SMC Calling Convention's answer to a function nobody implements: NOT_SUPPORTED (-1) in x0 (r0 for
/// an AArch32 guest), and the PC past the SMC. The hypervisor gives it to a trapped SMC nothing handles,
/// as KVM does (Linux arch/arm64/kvm/handle_exit.c handle_smc, hypercalls.c): a trapped SMC's preferred
/// return address is the SMC itself, unlike an HVC's, so without the advance the guest would execute it
/// again. The emulated CPU's firmware gives the same answer to an SMC that does not trap.
/// </summary>
internal static class UnknownSmcCall
{
    /// <summary>SMCCC_RET_NOT_SUPPORTED, the SMC Calling Convention's "unknown function identifier".</summary>
    public const long NotSupported = -1;

    /// <summary>Answers the SMC: x0 (or r0) = NOT_SUPPORTED, and the PC (and PSTATE.IT, in an IT block) moves past the 32-bit SMC.</summary>
    public static void Answer(Vcpu vcpu)
    {
        if (vcpu.ExecutionState == ExecutionState.Aarch64)
        {
            vcpu.Registers.WriteX(0, unchecked((ulong)NotSupported));
        }
        else
        {
            vcpu.Registers.WriteR(0, unchecked((uint)NotSupported));
        }

        vcpu.Skip(4);
    }
}
