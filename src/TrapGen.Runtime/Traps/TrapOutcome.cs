namespace TrapGen.Runtime.Traps;

/// <summary>What the hypervisor did with one trap.</summary>
public enum TrapOutcome
{
    /// <summary>The access was emulated and the PC advanced.</summary>
    Handled,

    /// <summary>An AArch32 instruction failed its condition check; it was skipped (PC advanced, no access).</summary>
    ConditionFailed,

    /// <summary>The catalogue makes the access UNDEFINED; an UNDEFINED exception was injected.</summary>
    Undefined,

    /// <summary>No catalogue entry matched; it was logged and an UNDEFINED exception was injected.</summary>
    UnhandledUndefined,

    /// <summary>No catalogue entry matched; it was logged and the domain was crashed.</summary>
    UnhandledCrash,

    /// <summary>The syndrome is not a system-register trap; an UNDEFINED exception was injected.</summary>
    NotASystemRegisterTrap,

    /// <summary>A trapped SMC nothing handles: answered SMCCC NOT_SUPPORTED (x0 = -1) and the PC advanced past it, as KVM answers an unknown SMC.</summary>
    SmcNotSupported,

    /// <summary>
    /// A trapped WFI or WFIT: the vCPU was descheduled until its next interrupt (or WFIT's timeout), as KVM's
    /// kvm_vcpu_wfi blocks it, and the PC advanced past the instruction.
    /// </summary>
    VcpuBlocked,

    /// <summary>A trapped WFE or WFET: the vCPU gave up the physical CPU to another, as KVM's kvm_vcpu_on_spin does, and the PC advanced.</summary>
    VcpuYielded,

    /// <summary>
    /// A trapped use of the SIMD and floating-point registers (EC 0x07, CPTR_EL2.TFP) or of SVE (EC 0x19, TZ): the
    /// hypervisor switched them to the guest's and cleared TFP and TZ, and returned to the instruction, which runs again, as KVM's lazy FP switch
    /// (kvm_hyp_handle_fpsimd) does.
    /// </summary>
    FpStateSwitched,

    /// <summary>
    /// A trapped use of SME (EC 0x1D, CPTR_EL2.TSM): the hypervisor gives its guests no SME, as KVM gives none, and injected
    /// an UNDEFINED exception.
    /// </summary>
    SmeUndefined,

    /// <summary>
    /// A trapped pointer authentication instruction (EC 0x09, HCR_EL2.API): the hypervisor loaded the guest's keys, set API
    /// and APK (which trap while clear), and returned to the instruction, which runs again, as KVM's lazy pointer
    /// authentication switch (kvm_hyp_handle_ptrauth) does.
    /// </summary>
    PointerAuthSwitched,

    /// <summary>
    /// A trapped LD64B, ST64B, ST64BV or ST64BV0 (EC 0x0A, HCRX_EL2.EnALS, EnASR, EnAS0): the hypervisor gives its guests no
    /// 64-byte loads and stores and injects an UNDEFINED exception, as KVM does.
    /// </summary>
    Ls64Undefined,

    /// <summary>
    /// A trapped PSB CSYNC or TSB CSYNC (EC 0x0A, HFGITR_EL2.PSBCSYNC, HFGITR2_EL2.TSBCSYNC): the hypervisor gives its guests
    /// no Statistical Profiling Extension or trace buffer and injects an UNDEFINED exception, as KVM's handle_other does
    /// for a guest without FEAT_SPEv1p5 or FEAT_TRBEv1p1.
    /// </summary>
    SynchronizationBarrierUndefined,

    /// <summary>
    /// A trapped SVC (EC 0x15, HFGITR_EL2.SVC_EL1): the hypervisor gave it back to the guest's EL1 as the Supervisor Call it
    /// would have taken, whose handler returns past it (KVM forwards it to its guest hypervisor, kvm_inject_nested_sync,
    /// which TrapGen's hypervisor does not have).
    /// </summary>
    SupervisorCallReflected,

    /// <summary>
    /// A trapped GCSSTR or GCSSTTR (EC 0x2D, HFGITR_EL2.nGCSSTR_EL1): the hypervisor gives its guests no Guarded Control Stack
    /// and injects an UNDEFINED exception, as KVM's kvm_handle_gcs does for every EC 0x2D it takes.
    /// </summary>
    GcsStoreUndefined,

    /// <summary>
    /// A trapped ERET, ERETAA or ERETAB (EC 0x1A, HCR_EL2.NV or HFGITR_EL2.ERET): TrapGen's hypervisor runs no guest
    /// hypervisor whose exception return it would emulate (KVM's kvm_emulate_nested_eret), so it injects UNDEFINED.
    /// </summary>
    ExceptionReturnUndefined,
}
