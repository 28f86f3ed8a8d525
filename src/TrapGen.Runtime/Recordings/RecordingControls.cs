using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Recordings;

/// <summary>
/// The trap-control registers a real guest was started under, as the EL2 monitor set them before its first
/// instruction: the policy a recording was made under, which its replay starts from.
/// </summary>
/// <param name="Hcr">HCR_EL2, with RW for an AArch64 guest.</param>
/// <param name="Mdcr">MDCR_EL2's trap controls (HPMN, bits [4:0], left out: it keeps its reset value and traps nothing).</param>
/// <param name="Cnthctl">CNTHCTL_EL2.</param>
public readonly record struct RecordingControls(ulong Hcr, ulong Mdcr, ulong Cnthctl)
{
    /// <summary>CNTHCTL_EL2.EL1PCTEN and EL1PCEN set: the guest reads the physical counter and uses the physical timer untrapped.</summary>
    private static readonly ulong TimerToGuest = TrapControls.EL1PCTEN.Mask | TrapControls.EL1PCEN.Mask;

    /// <summary>
    /// The seed's policy for a guest in <paramref name="state"/>: HCR_EL2.DC and TVM set (construct_dom0) until the guest
    /// sets SCTLR.M (update_sctlr); nothing else traps.
    /// </summary>
    public static RecordingControls Seed(ExecutionState state) =>
        new(Rw(state) | (1UL << HcrEl2.DC) | TrapControls.TVM.Mask, 0, TimerToGuest);

    /// <summary>
    /// A KVM-like policy for a guest in <paramref name="state"/>, the controls a KVM host sets on every guest that the
    /// catalogue (registers.yaml) handles: HCR_EL2.TID1, TID2 and TID3 (the identification registers answered from
    /// the catalogue's view of the CPU), TACR (ACTLR), TSW (set/way maintenance, which sets TVM: KVM's
    /// kvm_set_way_flush) and TSC (SMC), TVM until the guest turns its MMU on (the seed's update_sctlr clears it; no
    /// DC, which KVM does not use), and MDCR_EL2.TPM and TPMCR (the PMU, which the guest is told it lacks). The
    /// physical counter and timer stay the guest's (EL1PCTEN, EL1PCEN set): their trapped values are the host's time,
    /// which the runtime's emulated timer cannot replay.
    /// </summary>
    public static RecordingControls KvmLike(ExecutionState state) =>
        new(
            Rw(state) | TrapControls.TVM.Mask | TrapControls.TID1.Mask | TrapControls.TID2.Mask | TrapControls.TID3.Mask
            | TrapControls.TACR.Mask | TrapControls.TSW.Mask | TrapControls.TSC.Mask,
            TrapControls.TPM.Mask | TrapControls.TPMCR.Mask,
            TimerToGuest);

    private static ulong Rw(ExecutionState state) => state == ExecutionState.Aarch64 ? 1UL << HcrEl2.RW : 0;
}
