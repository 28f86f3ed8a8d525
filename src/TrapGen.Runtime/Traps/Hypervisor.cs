using System;
using System.Runtime.CompilerServices;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// The EL2 side of one physical CPU: HCR_EL2, CNTHCTL_EL2, MDCR_EL2, the live EL1 system registers, the running
/// vCPU, and the trap entry (the seed's do_sysreg, do_cp15_32 and do_cp15_64; KVM's arm_exit_handlers[]):
/// the exception class's condition check (tabulated from the <see cref="TrapClass"/> table) for an AArch32 trap, the generated
/// dispatch handles the register, and what nothing handles goes by the class. Every syndrome value is
/// handled without an exception, and a handled trap allocates nothing.
/// </summary>
public sealed class Hypervisor
{
    private readonly TrapDispatcher dispatcher;

    /// <summary>Creates a hypervisor that will run <paramref name="firstVcpu"/> on <paramref name="model"/> (<see cref="CpuModels.Default"/> when null).</summary>
    public Hypervisor(Vcpu firstVcpu, UnhandledAccessPolicy policy = UnhandledAccessPolicy.InjectUndefined, ITrapObserver? observer = null, CpuModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(firstVcpu);
        Policy = policy;
        Observer = observer;
        Model = model ?? CpuModels.Default;
        dispatcher = new TrapDispatcher(Hardware, Hcr, Forwarded, firstVcpu, Model);
        firstVcpu.SavedSystemRegisters.CopyTo(Hardware);
    }

    /// <summary>Gets the CPU model of the physical CPU the hypervisor runs on.</summary>
    public CpuModel Model { get; }

    /// <summary>Gets HCR_EL2.</summary>
    public HypervisorConfiguration Hcr { get; } = new();

    /// <summary>Gets or sets CNTHCTL_EL2; 0 (the default) traps the guest's physical counter and timer accesses.</summary>
    public ulong Cnthctl { get; set; }

    /// <summary>
    /// Gets or sets MDCR_EL2; 0 (the default) leaves the debug and Performance Monitors registers to the
    /// guest. TDA, TDOSA and TDRA (or TDE, which forces all three) trap the debug registers, as KVM sets them
    /// while the guest does not own the debug registers (kvm_arm_setup_mdcr_el2); TPM traps the PMU registers
    /// and TPMCR PMCR_EL0 (PMCR) alone, as a host that switches the PMU lazily sets them. On a CPU with FEAT_SPE or
    /// FEAT_TRBE, 0 also leaves E2PB and E2TB at 0b00, which gives the profiling and trace buffers to EL2 and traps
    /// their registers, as the architecture says. HPMN (bits [4:0]) is not modelled: every event counter the CPU
    /// model has stays accessible at EL1.
    /// </summary>
    public ulong Mdcr { get; set; }

    /// <summary>
    /// Gets or sets CPTR_EL2 (with HCR_EL2.E2H = 0); 0 (the default) traps nothing TrapGen models. TCPAC (bit 31) traps
    /// EL1's accesses to CPACR_EL1 and CPACR, TAM (bit 30) the activity monitors, TTA (bit 20) the trace unit's System
    /// registers, TFP (bit 10) every use of the SIMD and floating-point registers (EC 0x07; the hypervisor's lazy FP switch
    /// clears it on the first), TZ (bit 8) every use of SVE (EC 0x19; the same switch clears both), TSM (bit 12) every use
    /// of SME (EC 0x1D; the hypervisor answers UNDEFINED). On a CPU model without SVE or SME, TZ and TSM trap nothing
    /// (the architecture makes those bits RES1 there).
    /// </summary>
    public ulong Cptr { get; set; }

    /// <summary>
    /// Gets or sets HSTR_EL2; 0 (the default) traps nothing. Its T&lt;n&gt; bits trap the guest's AArch32 cp15 accesses
    /// with CRn = n (MCR, MRC) or CRm = n (MCRR, MRRC), before any UNDEFINED, as KVM sets T15 to trap the
    /// IMPLEMENTATION DEFINED c15 registers of an AArch32 guest.
    /// </summary>
    public ulong Hstr { get; set; }

    /// <summary>
    /// Gets or sets the fine-grained trap registers (HFGRTR_EL2, HFGWTR_EL2, HFGITR_EL2, HDFGRTR_EL2, HDFGWTR_EL2,
    /// HAFGRTR_EL2 and their 2 forms); all 0 by default, which traps nothing through a field that traps while set, and
    /// traps through every field that traps while clear (nTPIDR2_EL0, ...) on a CPU model that has it, as the
    /// architecture does: a hypervisor on such a CPU sets those bits to give the guest the registers.
    /// </summary>
    public FineGrainedTrapValues FineGrained { get; set; }

    /// <summary>
    /// Gets or sets HCRX_EL2 (FEAT_HCX); 0 by default, which on a CPU model with FEAT_HCX and the enable's own feature
    /// traps TCR2_EL1, SCTLR2_EL1, FPMR and the *MASK_EL1 registers (its enables trap while 0), as the architecture does.
    /// </summary>
    public ulong Hcrx { get; set; }

    /// <summary>
    /// Gets or sets ICH_HCR_EL2 (GICv3); 0 by default. Its TC, TALL0, TALL1 and TDIR trap EL1 accesses to the ICC_*
    /// registers; the emulated CPU treats ICC_SRE_EL1.SRE as 1 (QEMU's GICv3 has it RAO/WI), so no access traps to EL1 first.
    /// </summary>
    public ulong IchHcr { get; set; }

    /// <summary>
    /// Gets or sets MPAM2_EL2 (FEAT_MPAM); 0 by default, which on a CPU model with FEAT_SME traps MPAMSM_EL1 (EnMPAMSM
    /// traps while 0). Its TRAPMPAM1EL1, TRAPMPAM0EL1 and TIDR trap MPAM1_EL1, MPAM0_EL1 and MPAMIDR_EL1 while 1; the
    /// emulated CPU's EL3 gives MPAM to the lower Exception levels (MPAM3_EL3.TRAPLOWER 0), so no access traps to EL3 first.
    /// </summary>
    public ulong Mpam2 { get; set; }

    /// <summary>
    /// Gets or sets MPAMBW2_EL2 (FEAT_MPAM_PE_BW_CTRL); 0 by default, which on a CPU model with the feature traps the
    /// bandwidth registers MPAMBW1_EL1, MPAMBW0_EL1, MPAMBWIDR_EL1 and MPAMBWSM_EL1 (its nTRAP_* fields trap while 0).
    /// </summary>
    public ulong MpamBw2 { get; set; }

    /// <summary>Gets or sets MPAMHCR_EL2 (MPAM's virtualization option, MPAMIDR_EL1.HAS_HCR); 0 by default. Its TRAP_MPAMIDR_EL1 traps MPAMIDR_EL1.</summary>
    public ulong MpamHcr { get; set; }

    /// <summary>Gets the value of the trap-control register <paramref name="register"/>: HCR_EL2, MDCR_EL2, CPTR_EL2, CNTHCTL_EL2, HSTR_EL2, HCRX_EL2, ICH_HCR_EL2, MPAM2_EL2, MPAMBW2_EL2, MPAMHCR_EL2 or a fine-grained trap register.</summary>
    /// <exception cref="ArgumentException">For another name.</exception>
    public ulong ControlRegister(string register) => Controls.ValueOf(register);

    /// <summary>Sets the trap-control register <paramref name="register"/> (<see cref="ControlRegister"/>) to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">For another name.</exception>
    public void SetControlRegister(string register, ulong value)
    {
        switch (register)
        {
            case HcrEl2.Name:
                Hcr.Value = value;
                break;
            case MdcrEl2.Name:
                Mdcr = value;
                break;
            case CptrEl2.Name:
                Cptr = value;
                break;
            case CnthctlEl2.Name:
                Cnthctl = value;
                break;
            case HstrEl2.Name:
                Hstr = value;
                break;
            case HcrxEl2.Name:
                Hcrx = value;
                break;
            case IchHcrEl2.Name:
                IchHcr = value;
                break;
            case Mpam2El2.Name:
                Mpam2 = value;
                break;
            case MpamBw2El2.Name:
                MpamBw2 = value;
                break;
            case MpamHcrEl2.Name:
                MpamHcr = value;
                break;
            case var _ when FineGrainedTraps.IndexOf(register) is >= 0 and var index:
                FineGrained = FineGrained.With(index, value);
                break;
            default:
                throw new ArgumentException("The hypervisor holds no trap-control register " + register + ".", nameof(register));
        }
    }

    /// <summary>Gets the trap controls' registers as an access now sees them: HCR_EL2, CNTHCTL_EL2, MDCR_EL2, CPTR_EL2, HSTR_EL2, HCRX_EL2, ICH_HCR_EL2, the MPAM ones (MPAM2_EL2, MPAMBW2_EL2, MPAMHCR_EL2) and the fine-grained ones.</summary>
    public TrapControlRegisters Controls => new(Hcr.Value, Cnthctl, Mdcr, Cptr) { Hstr = Hstr, Hcrx = Hcrx, IchHcr = IchHcr, Mpam2 = Mpam2, MpamBw2 = MpamBw2, MpamHcr = MpamHcr, FineGrained = FineGrained };

    /// <summary>Gets the System instructions the hypervisor performed on the hardware for its guests (the catalogue's forward).</summary>
    public ForwardedInstructions Forwarded { get; } = new();

    /// <summary>Gets the live EL1 system registers: the running vCPU's state, which passthrough handlers move.</summary>
    public SystemRegisterFile Hardware { get; } = new();

    /// <summary>Gets the running vCPU.</summary>
    public Vcpu Current => dispatcher.Current;

    /// <summary>Gets what the hardware, <see cref="Model"/>, keeps of each register's writes.</summary>
    internal ImplementedBits Implemented => dispatcher.Implemented;

    /// <summary>Gets or sets what happens to accesses no catalogue entry handles.</summary>
    public UnhandledAccessPolicy Policy { get; set; }

    /// <summary>Gets or sets who sees each trap.</summary>
    public ITrapObserver? Observer { get; set; }

    /// <summary>Gets how many traps were taken.</summary>
    public long TrapCount { get; private set; }

    /// <summary>Gets whether the default path crashed the domain.</summary>
    public bool DomainCrashed { get; private set; }

    /// <summary>
    /// Takes a trap of the running vCPU with syndrome <paramref name="esr"/>: checks an AArch32
    /// condition, dispatches to the generated handler, runs hooks and advances the PC by 4 or 2 (IL).
    /// </summary>
    public TrapOutcome HandleTrap(uint esr)
    {
        var vcpu = dispatcher.Current;
        var pc = vcpu.Pc;
        var outcome = Handle(vcpu, esr);
        TrapCount++;
        if (Observer is { } observer)
        {
            Notify(observer, vcpu, esr, pc, outcome);
        }

        return outcome;
    }

    /// <summary>Tells the observer, out of line: the record is built only when someone watches, so the trap path keeps no frame for it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Notify(ITrapObserver observer, Vcpu vcpu, uint esr, ulong pc, TrapOutcome outcome) => observer.OnTrap(new TrapRecord(vcpu, esr, pc, outcome));

    /// <summary>
    /// The seed's ctxt_switch_to: saves the running vCPU's EL1 registers, restores <paramref name="next"/>'s,
    /// and sets HCR_EL2.RW from its execution state and DC and TVM exactly when its MMU is off.
    /// </summary>
    public void SwitchTo(Vcpu next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Hardware.CopyTo(dispatcher.Current.SavedSystemRegisters);
        next.SavedSystemRegisters.CopyTo(Hardware);
        dispatcher.Current = next;
        Hcr.El1IsAarch64 = next.ExecutionState == ExecutionState.Aarch64;
        var mmuOff = !Sctlr.IsMmuEnabled(Hardware.SCTLR_EL1);
        Hcr.DefaultCacheable = mmuOff;
        Hcr.TrapVirtualMemoryWrites = mmuOff;
    }

    /// <summary>The seed's construct_dom0: the guest starts with its MMU off, so DC and TVM are set, and the physical timer traps.</summary>
    public void PrepareGuestBoot()
    {
        Hcr.El1IsAarch64 = Current.ExecutionState == ExecutionState.Aarch64;
        Hcr.DefaultCacheable = true;
        Hcr.TrapVirtualMemoryWrites = true;
        Cnthctl &= ~((1UL << TrapControls.EL1PCEN.Bit) | (1UL << TrapControls.EL1PCTEN.Bit));
    }

    private TrapOutcome Handle(Vcpu vcpu, uint esr)
    {
        var exceptionClass = EsrFields.GetEC(esr);
        if (!TrapCondition.Passes(vcpu.Flags, exceptionClass, EsrFields.GetISS(esr)))
        {
            AdvancePc(vcpu, esr);
            return TrapOutcome.ConditionFailed;
        }

        switch (dispatcher.Dispatch(esr))
        {
            case TrapResult.Handled:
                AdvancePc(vcpu, esr);
                return TrapOutcome.Handled;
            case TrapResult.Undefined:
                vcpu.InjectUndefined();
                return TrapOutcome.Undefined;
            default:
                return Unhandled(vcpu, esr, TrapClasses.Find(exceptionClass));
        }
    }

    /// <summary>
    /// What nothing handles: a trapped WFI or WFE is the hypervisor's own (<see cref="WaitTrap"/>: the vCPU blocks or
    /// yields), and so is a trapped use of the SIMD and floating-point registers or SVE (lazy FP: <see cref="TrapOutcome.FpStateSwitched"/>)
    /// and of SME (<see cref="TrapOutcome.SmeUndefined"/>) or a 64-byte load or store (<see cref="TrapOutcome.Ls64Undefined"/>) or PSB CSYNC or TSB CSYNC (<see cref="TrapOutcome.SynchronizationBarrierUndefined"/>), and a trapped pointer authentication instruction (<see cref="TrapOutcome.PointerAuthSwitched"/>), SVC (<see cref="TrapOutcome.SupervisorCallReflected"/>), exception return (<see cref="TrapOutcome.ExceptionReturnUndefined"/>) and GCSSTR or GCSSTTR (<see cref="TrapOutcome.GcsStoreUndefined"/>); a trapped SMC is answered SMCCC NOT_SUPPORTED (<see cref="UnknownSmcCall"/>); a trapped
    /// system-register, cp14 or VMRS access goes by <see cref="Policy"/>; anything else is UNDEFINED.
    /// </summary>
    private TrapOutcome Unhandled(Vcpu vcpu, uint esr, TrapClass? trapClass)
    {
        if (trapClass == TrapClasses.Wfx)
        {
            AdvancePc(vcpu, esr);
            return WaitTrap.Outcome(esr);
        }

        // Lazy FP: the guest's first use of the SIMD and floating-point registers, or of SVE's, since the hypervisor took
        // them. It switches them (the SVE state with them) to the guest's, stops trapping both, and returns to the
        // instruction (the PC stays), as KVM's kvm_hyp_handle_fpsimd clears TFP and, for a guest with SVE, TZ.
        if (trapClass == TrapClasses.FpSimd || trapClass == TrapClasses.Sve)
        {
            Cptr &= ~(TrapControls.TFP.Mask | TrapControls.TZ.Mask);
            return TrapOutcome.FpStateSwitched;
        }

        // Lazy pointer authentication: the guest's first use of its keys since the hypervisor took them. It loads them,
        // stops trapping (sets API and APK, which trap while clear) and returns to the instruction, as KVM's
        // kvm_hyp_handle_ptrauth does.
        if (trapClass == TrapClasses.Pac)
        {
            Hcr.Value |= TrapControls.API.Mask | TrapControls.APK.Mask;
            return TrapOutcome.PointerAuthSwitched;
        }

        // A trapped SVC: the guest's own Supervisor Call, given back to its EL1 with the same syndrome; the guest's handler
        // returns past it, as it would have had the SVC not trapped.
        if (trapClass == TrapClasses.Svc64)
        {
            AdvancePc(vcpu, esr);
            return TrapOutcome.SupervisorCallReflected;
        }

        if (UndefinedAnswer(trapClass, esr) is { } answer)
        {
            vcpu.InjectUndefined();
            return answer;
        }

        // A trapped SMC: the other class that moves no register's value.
        if (trapClass is { IsDispatchable: false })
        {
            UnknownSmcCall.Answer(vcpu);
            return TrapOutcome.SmcNotSupported;
        }

        // A system-register, cp14, LDC/STC or VMRS access: every class a catalogue dispatches.
        var isSystemRegisterTrap = trapClass is not null;
        if (isSystemRegisterTrap && Policy == UnhandledAccessPolicy.CrashDomain)
        {
            DomainCrashed = true;
            return TrapOutcome.UnhandledCrash;
        }

        vcpu.InjectUndefined();
        return isSystemRegisterTrap ? TrapOutcome.UnhandledUndefined : TrapOutcome.NotASystemRegisterTrap;
    }

    /// <summary>
    /// The outcome of a trap of a class the hypervisor gives its guests none of, and so answers with an UNDEFINED exception
    /// as KVM does; null for any other class.
    /// </summary>
    private static TrapOutcome? UndefinedAnswer(TrapClass? trapClass, uint esr) => trapClass switch
    {
        // A trapped exception return: no guest hypervisor here to emulate it for (KVM's kvm_emulate_nested_eret).
        _ when trapClass == TrapClasses.Eret => TrapOutcome.ExceptionReturnUndefined,

        // A trapped GCSSTR or GCSSTTR (EC 0x2D): KVM's kvm_handle_gcs injects an UNDEFINED exception for every GCS exception
        // it takes (it expects none: it traps the stores only for a guest without FEAT_GCS).
        _ when trapClass == TrapClasses.GcsStore => TrapOutcome.GcsStoreUndefined,

        // SME: KVM gives its guests none (it keeps TSM set and answers EC 0x1D with an UNDEFINED exception).
        _ when trapClass == TrapClasses.Sme => TrapOutcome.SmeUndefined,

        // A 64-byte load or store, or PSB CSYNC or TSB CSYNC (EC 0x0A, whose ISS says which): as KVM does for an exception
        // class it does not handle (kvm_handle_unknown_ec) and, in its handle_other for EC 0x0A, for a guest without the feature.
        _ when trapClass == TrapClasses.Other => TrappedInstructions.TryFind(trapClass, trapClass.KeyOf(EsrFields.GetISS(esr)), out var row) && SynchronizationHints.Contains(row)
            ? TrapOutcome.SynchronizationBarrierUndefined
            : TrapOutcome.Ls64Undefined,
        _ => null,
    };

    /// <summary>
    /// The seed's advance_pc: 4 bytes for a 32-bit instruction (IL = 1), 2 for a 16-bit one, and PSTATE.IT advanced past
    /// the instruction, as KVM's kvm_adjust_itstate does for a T32 trap in an IT block (<see cref="Vcpu.Skip"/>).
    /// </summary>
    private static void AdvancePc(Vcpu vcpu, uint esr) => vcpu.Skip(EsrFields.GetIL(esr) != 0 ? 4UL : 2UL);
}
