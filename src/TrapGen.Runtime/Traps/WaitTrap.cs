using TrapGen.Architecture;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// A trapped WFI, WFE, WFIT or WFET (EC 0x01, HCR_EL2.TWI and TWE), handled as KVM's kvm_handle_wfx does: the guest
/// asked to wait, so a wait for an interrupt deschedules the vCPU until one is pending for it, and a wait for an
/// event gives the physical CPU to another vCPU (it spins on a lock another vCPU holds). Either way the guest resumes
/// after the instruction. The emulated machine has no interrupt controller, so the wait ends at once.
/// </summary>
internal static class WaitTrap
{
    /// <summary>TI bit 0: 0 for WFI and WFIT, 1 for WFE and WFET.</summary>
    private const uint EventBit = 1;

    /// <summary>What the hypervisor did with the trap whose syndrome is <paramref name="esr"/>.</summary>
    public static TrapOutcome Outcome(uint esr) =>
        (Layouts.WfxIss.TI.Extract(EsrFields.GetISS(esr)) & EventBit) != 0 ? TrapOutcome.VcpuYielded : TrapOutcome.VcpuBlocked;
}
