using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// GCSSTR and GCSSTTR at EL1 (FEAT_GCS, C6.2.169, C6.2.170), whose Operation checks the guest's own control before EL2's
/// (J1.1 CheckGCSSTREnabled): GCSCR_EL1.STREn 0 takes a GCS exception to the guest's EL1 (EC 0x2D, ExType 0b0010, the same
/// syndrome EL2's trap reports), and only then does HFGITR_EL2.nGCSSTR_EL1 0 trap to EL2. GCSSTTR calls CheckGCSSTREnabled
/// only when AArch64.IsUnprivAccessPriv(): PSTATE.UAO 1, or HCR_EL2.{NV, NV1} {1, 1}. The vCPU holds no PSTATE.UAO (its guests
/// never set it), so it is taken as 0: GCSSTTR at EL1 checks both controls only under NV and NV1, and is otherwise an
/// unprivileged store that nothing traps. A store that does not trap writes Guarded Control Stack memory, which the machine
/// does not model (<see cref="ExecutionKind.NotModelled"/>).
/// </summary>
internal static class GuardedControlStackStores
{
    private static readonly uint GcscrKey = RegisterKeys.Of("GCSCR_EL1");

    /// <summary>EffectiveHCR_EL2_NVx()&lt;1:0&gt; {1, 1}, NV1 and NV: what makes GCSSTTR at EL1 a privileged access.</summary>
    private const int Nv1AndNv = 0b011;

    /// <summary>
    /// What happens before EL2's trap, or null when the store goes on to HFGITR_EL2.nGCSSTR_EL1: an unprivileged GCSSTTR
    /// stores untrapped (not modelled); STREn 0 takes the store to the guest's EL1 with <paramref name="esr"/>.
    /// </summary>
    public static ExecutionResult? BeforeEl2(Hypervisor hypervisor, Vcpu vcpu, TrappedInstruction row, uint esr)
    {
        // EffectiveHCR_EL2_NVx()<1:0>: NV and NV1 are RES0 on a CPU without FEAT_NV.
        if (row == GcsStoreInstructions.UnprivilegedStore && (NestedVirtualisation.EffectiveNvx(hypervisor.Hcr.Value, hypervisor.Model) & Nv1AndNv) != Nv1AndNv)
        {
            return new ExecutionResult(ExecutionKind.NotModelled, esr);
        }

        var gcscr = DirectAccess.Peek(hypervisor, vcpu, TrapClasses.Msr, GcscrKey);
        return Layouts.GcscrEl1.STREn.Extract(gcscr) == 0 ? new ExecutionResult(ExecutionKind.TrappedToEl1, esr) : null;
    }
}
