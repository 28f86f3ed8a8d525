using System.Collections.Generic;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// The hardware under the hypervisor, one CPU model (<see cref="Hypervisor"/>'s <c>Model</c>): executes a
/// guest's instructions of every trap class (system-register
/// moves and System instructions, cp15 and cp14 moves, LDC/STC of the debug data transfer register, VMRS of the
/// floating-point ID registers, SMC, WFI and WFE, and the SIMD and floating-point instructions), the same way for each: the architecture's own checks first
/// (<see cref="El1Access"/>: an unallocated encoding, EL2 or EL3 state, an access in a direction the register
/// lacks, or an UNPREDICTABLE form is UNDEFINED at EL1), then whether the access traps, decided as the hardware
/// decides it from the trap controls' values and the architecture's tables of what each covers
/// (<see cref="ArchitecturalTraps"/>), never from the catalogue. An access that passes both reaches the EL1
/// registers (or, for LDC/STC, the guest's memory) directly. Whatever uses the SIMD and floating-point registers (their
/// instructions, FPCR, FPSR, a VMRS) checks the guest's CPACR_EL1.FPEN first and then CPTR_EL2.TFP, which reports every
/// trap of it as EC 0x07; SVE (its instructions, ZCR_EL1) and SME (its instructions, SMSTART, SVCR, SMCR_EL1) check ZEN and
/// SMEN, and TZ (EC 0x19) and TSM (EC 0x1D), first; a pointer authentication instruction traps under HCR_EL2.API (EC 0x09)
/// only while the guest's SCTLR_EL1 enables its key. An SMC that does not trap goes to the firmware, which answers it.
/// </summary>
public sealed class EmulatedCpu(Hypervisor hypervisor)
{
    /// <summary>The size of every instruction the CPU decodes (a 16-bit T32 one it skips, or an IT, is 2).</summary>
    private const ulong InstructionSize = 4;

    /// <summary>Gets the hypervisor the CPU traps to.</summary>
    public Hypervisor Hypervisor { get; } = hypervisor;

    /// <summary>
    /// Executes <paramref name="word"/> on the running vCPU. AArch64 vCPUs execute A64; AArch32 vCPUs
    /// A32, or T32 when <paramref name="thumb"/> is set.
    /// </summary>
    public ExecutionResult Execute(uint word, bool thumb = false)
    {
        var result = ExecuteOnce(word, thumb);
        if (result.Outcome is not (TrapOutcome.FpStateSwitched or TrapOutcome.PointerAuthSwitched))
        {
            return result;
        }

        // A lazy switch: the hypervisor gave the guest its SIMD and floating-point registers, or its pointer
        // authentication keys, and returned to the instruction, which runs again. Its result is the line's unless it traps
        // again (a VMRS of MVFR0 under TID3 as well).
        var again = ExecuteOnce(word, thumb);
        return again.Kind == ExecutionKind.Trapped ? again : result;
    }

    private ExecutionResult ExecuteOnce(uint word, bool thumb)
    {
        var vcpu = Hypervisor.Current;
        vcpu.Thumb = thumb && vcpu.ExecutionState == ExecutionState.Aarch32;
        var instructionSet = InstructionSets.Of(vcpu.ExecutionState, thumb);
        if (vcpu.Thumb && ItBlocks.TryExecute(vcpu, word) is { } it)
        {
            return it;
        }

        var decoded = InstructionDecoder.TryDecode(word, instructionSet, out var access);
        if (vcpu.Thumb && vcpu.It.InBlock)
        {
            // In an IT block the condition is PSTATE.IT's, checked before anything else: a failing instruction does
            // nothing, as QEMU's does (an implementation may trap only passing ones), and a passing one reports it.
            access = access with { Condition = vcpu.It.Condition };
            if (!vcpu.Flags.Holds(access.Condition))
            {
                vcpu.Skip(InstructionSets.SizeOf(word, instructionSet));
                return new ExecutionResult(ExecutionKind.ConditionFailed, decoded ? SyndromeBuilder.Build(access) : 0);
            }
        }

        if (!decoded)
        {
            vcpu.Skip(InstructionSets.SizeOf(word, instructionSet));
            return new ExecutionResult(ExecutionKind.NotASystemRegisterAccess, 0);
        }

        var esr = SyndromeBuilder.Build(access);
        return access.Class.IsDispatchable ? ExecuteMove(vcpu, access, esr) : ExecuteInstruction(vcpu, access, esr);
    }

    private ExecutionResult ExecuteMove(Vcpu vcpu, in SystemRegisterAccess access, uint esr)
    {
        var key = access.Class.KeyOf(EsrFields.GetISS(esr));
        // MRRS and MSRR without FEAT_SYSREG128, SYSP without FEAT_SYSINSTR128, or any of them with a register pair its Decode
        // refuses: UNDEFINED, before any trap.
        if (access.Class.TransfersRegisterPair && !PairedAccess.Decodes(access.Op0, access.Rt, Hypervisor.Model))
        {
            vcpu.InjectUndefined();
            return new ExecutionResult(ExecutionKind.UndefinedAtEl1, esr, null, Hypervisor.Model.Has(PairedAccess.FeatureOf(access.Op0)) ? UndefinedReason.ReservedRegister : UndefinedReason.NotImplemented);
        }

        // HSTR_EL2.T<n> comes first at EL1, before the UNDEF of an encoding no register has (the Arm ARM's
        // AArch32.CheckCP15InstrCoarseTraps), on a CPU whose EL1 runs AArch32.
        if (!access.IsUnpredictable && Hypervisor.Hstr != 0 && Hypervisor.Model.HasAarch32El1
            && ArchitecturalTraps.HstrTrap(Hypervisor.Controls, access.Class, key, Hypervisor.Model) is { } primary)
        {
            return new ExecutionResult(ExecutionKind.Trapped, esr, Hypervisor.HandleTrap(esr), Control: primary);
        }

        var undefined = access.IsUnpredictable ? UndefinedReason.Unpredictable : Reason(El1Access.Check(access.Class, key, access.IsRead, Hypervisor.Model));

        // An IMPLEMENTATION DEFINED encoding the model does not define still traps under TIDCP: the Arm ARM
        // makes that trap win over the UNDEF.
        if (undefined == UndefinedReason.NotImplemented && ImplementationDefinedSpace.Contains(access.Class, key) && TrappingControl(access, key) is { } tidcp)
        {
            return new ExecutionResult(ExecutionKind.Trapped, esr, Hypervisor.HandleTrap(esr), Control: tidcp);
        }

        // HCR_EL2.NV: an EL1 access to an EL2 register or instruction the CPU has traps to EL2 instead of being UNDEFINED,
        // as its accessor's EL1 branch checks (D24.2.62); the hypervisor's catalogue decides what it does with it.
        // With NV2 as well (FEAT_NV2), one nv2-memory.table lists goes to memory instead, before NV's trap (its accessor's
        // "elsif EffectiveHCR_EL2_NVx() IN {'1x1'} then NVMem[...]", then "IN {'xx1'}": the trap), once the rules that trap
        // only under NV2 have passed (CNTP_CTL_EL02's EL1NVPCT@101), which its row lists before NV's.
        if (undefined == UndefinedReason.HigherExceptionLevel && El1Access.IsEl2AccessImplemented(access.Class, key, access.IsRead, Hypervisor.Model)
            && TrappingControl(access, key) is { } nested)
        {
            // And a few EL2 registers reach an EL1 register instead (D8.14.6.1: ESR_EL2 reaches ESR_EL1).
            return !ReferenceEquals(nested, TrapControls.NV) ? Trapped(access, nested, esr)
                : Nv2MemoryOf(access, key) is { } page ? AccessNestedPage(vcpu, access, page, esr)
                : Nv2RedirectionOf(access, key) is { } redirection ? AccessRedirected(vcpu, access, redirection, esr)
                : Trapped(access, nested, esr);
        }

        // FEAT_IDST: a read of the ID space that would be UNDEFINED is taken to EL1 as a trapped MRS instead,
        // with the MRS's syndrome, so that software can tell an ID register that is not there.
        if (undefined is UndefinedReason.Unallocated or UndefinedReason.NotImplemented && access.IsRead && IsIdstSpace(access) && Hypervisor.Model.Has("FEAT_IDST"))
        {
            return new ExecutionResult(ExecutionKind.TrappedToEl1, esr);
        }

        if (undefined != UndefinedReason.None)
        {
            vcpu.InjectUndefined();
            return new ExecutionResult(ExecutionKind.UndefinedAtEl1, esr, null, undefined);
        }

        // FPCR, FPSR, a VMRS of MVFR0, ZCR_EL1, SMCR_EL1: the guest's own CPACR_EL1 enable first, then EL2's CPTR_EL2
        // control, as for the instructions of the same functionality.
        if (GuestDisabled(vcpu, ArchitecturalTraps.RulesOf(access.Class, key), access, esr) is { } disabled)
        {
            return disabled;
        }

        // GCSPUSHM, GCSPUSHX and GCSPOPCX check the guest's GCSCR_EL1 before EL2's fine-grained trap (C5.9).
        var guardedControlStack = GuardedControlStack.Contains(access, key);
        if (guardedControlStack && GuardedControlStack.BeforeEl2(Hypervisor, vcpu, key, esr) is { } guest)
        {
            return guest;
        }

        if (TrappingControl(access, key) is { } control)
        {
            return Trapped(access, control, esr);
        }

        // Untrapped, a Guarded Control Stack instruction uses that stack only while GCSEnabled(EL1): memory not modelled.
        if (guardedControlStack && GuardedControlStack.IsEnabled(Hypervisor, vcpu))
        {
            return new ExecutionResult(ExecutionKind.NotModelled, esr);
        }

        if (!vcpu.Flags.Holds(access.Condition))
        {
            vcpu.Skip(InstructionSize);
            return new ExecutionResult(ExecutionKind.ConditionFailed, esr);
        }

        // An EL1 register's own traps come before NV2's memory access (its accessor's last branch before the register).
        if (Nv2MemoryOf(access, key) is { } memory)
        {
            return AccessNestedPage(vcpu, access, memory, esr);
        }

        // A System instruction (cache or TLB maintenance) that does not trap has no effect the model keeps.
        if (!access.IsSystemInstruction)
        {
            DirectAccess.Perform(Hypervisor, vcpu, access, key);
        }

        vcpu.Skip(InstructionSize);
        return new ExecutionResult(ExecutionKind.Direct, esr);
    }

    /// <summary>
    /// An instruction that accesses no register: WFI, WFE, WFIT, WFET, SMC, or one of the SIMD and floating-point, SVE or
    /// SME groups. One the CPU model lacks (WFIT without FEAT_WFxT, SVE without FEAT_SVE) is UNDEFINED at EL1. Then the
    /// condition is checked (a conditional A32 WFI or SMC that fails it does nothing, and a trapped SMC reports CCKNOWNPASS
    /// 0), then the guest's own CPACR_EL1 enables of its controls (<see cref="GuestEnables"/>), and then the controls of its
    /// trapped-instructions.table row: HCR_EL2.TWI or TWE, TSC, API (unless the guest's SCTLR_EL1 disables the instruction's
    /// pointer authentication key, which makes it run untrapped), CPTR_EL2's TFP, TZ and TSM, or HCRX_EL2's EnALS, EnASR and
    /// EnAS0, with the instruction itself as the return address; ERET, ERETAA and ERETAB check HFGITR_EL2.ERET and HCR_EL2.NV
    /// (EC 0x1A) before API, SVC HFGITR_EL2.SVC_EL1 (EC 0x15), GCSSTR and GCSSTTR the guest's GCSCR_EL1.STREn (to its EL1) and
    /// then HFGITR_EL2.nGCSSTR_EL1 (EC 0x2D; <see cref="GuardedControlStackStores"/>), and PSB CSYNC and TSB CSYNC HFGITR_EL2.PSBCSYNC and
    /// HFGITR2_EL2.TSBCSYNC (EC 0x0A), which trap only where their field exists (FEAT_SPEv1p5, FEAT_TRBEv1p1) and
    /// untrapped complete at once, as NOPs do on a CPU without FEAT_SPE or FEAT_TRF (no profiling or trace unit is modelled). An LD64B or ST64B* with an Rt its Decode refuses is
    /// UNDEFINED first; one that does not trap is <see cref="ExecutionKind.NotModelled"/>: the machine has no memory
    /// location that supports it, nor Guarded Control Stack memory for an untrapped GCSSTR or GCSSTTR. Untrapped, an SVC is the guest's own Supervisor Call, taken to its EL1; an exception
    /// return goes where <see cref="ExceptionReturn"/> says; an SMC goes to the firmware (EL3, or QEMU's PSCI emulation that stands in for
    /// it), which the CPU models as knowing no SMCCC function: it answers NOT_SUPPORTED in x0 and returns past the SMC, as
    /// QEMU 7.2's does for a function ID it does not implement (SMCCC 1.3 section 5.2); an untrapped wait ends at once, as
    /// the machine has no interrupt controller and a WFI may complete at any time.
    /// </summary>
    private ExecutionResult ExecuteInstruction(Vcpu vcpu, in SystemRegisterAccess access, uint esr)
    {
        // A decoded instruction carries its row; an SMC's is its class's only one.
        var row = access.Instruction ?? (TrappedInstructions.TryFind(access.Class, access.Key, out var found) ? found : null);
        if (row is null)
        {
            vcpu.Skip(InstructionSize);
            return new ExecutionResult(ExecutionKind.NotASystemRegisterAccess, esr);
        }

        if (!row.ExistsOn(Hypervisor.Model))
        {
            vcpu.InjectUndefined();
            return new ExecutionResult(ExecutionKind.UndefinedAtEl1, esr, null, UndefinedReason.NotImplemented);
        }

        // An LD64B or ST64B* whose Rt is odd or above X23: its Decode makes it UNDEFINED, before any trap.
        if (SingleCopyAtomic64Instructions.IsUndefined(access))
        {
            vcpu.InjectUndefined();
            return new ExecutionResult(ExecutionKind.UndefinedAtEl1, esr, null, UndefinedReason.ReservedRegister);
        }

        if (!vcpu.Flags.Holds(access.Condition))
        {
            vcpu.Skip(InstructionSize);
            return new ExecutionResult(ExecutionKind.ConditionFailed, esr);
        }

        if (GuestDisabled(vcpu, row.Traps, access, esr) is { } disabled)
        {
            return disabled;
        }

        // GCSSTR and GCSSTTR check the guest's GCSCR_EL1.STREn before HFGITR_EL2.nGCSSTR_EL1, and an unprivileged GCSSTTR neither.
        if (access.Class == TrapClasses.GcsStore && GuardedControlStackStores.BeforeEl2(Hypervisor, vcpu, row, esr) is { } guest)
        {
            return guest;
        }

        // A pointer authentication instruction whose key the guest's SCTLR_EL1 disables passes HCR_EL2.API: it runs and
        // leaves its pointer as it is (ERETAA and ERETAB still check HFGITR_EL2.ERET and HCR_EL2.NV before it).
        var keyDisabled = PointerAuthentication.EnableOf(row) is { } key && key.Extract(Hypervisor.Hardware.SCTLR_EL1) == 0;
        if (ArchitecturalTraps.TrappingControl(Hypervisor.Controls, row, Hypervisor.Model, keyDisabled ? TrapControls.API : null) is { } control)
        {
            return Trapped(access, control, esr);
        }

        // A 64-byte load or store on a CPU without FEAT_HCX traps whatever HCRX_EL2 would hold: its pseudocode's
        // "!IsHCRXEL2Enabled() || HCRX_EL2.EnALS == '0'" (J1.1.2.53-55) is TRUE there. Untrapped, it would access a
        // memory location the machine does not have (which ones support it is IMPLEMENTATION DEFINED): nothing changes.
        if (SingleCopyAtomic64Instructions.Contains(row))
        {
            return Hypervisor.Model.Satisfies(HcrxEl2.Feature) ? new ExecutionResult(ExecutionKind.NotModelled, esr) : Trapped(access, row.Traps[0].Control, esr);
        }

        // Untrapped, a GCSSTR or GCSSTTR writes Guarded Control Stack memory, which the machine does not model.
        if (access.Class == TrapClasses.GcsStore)
        {
            return new ExecutionResult(ExecutionKind.NotModelled, esr);
        }

        if (access.Class == TrapClasses.Eret)
        {
            return ExceptionReturn.Perform(Hypervisor, vcpu, row, keyDisabled, esr);
        }

        if (access.Class == TrapClasses.Svc64)
        {
            // The guest's own Supervisor Call, taken to its EL1 with this syndrome (AArch64.CallSupervisor: only an EL0 SVC
            // goes to EL2 under HCR_EL2.TGE); its handler is taken to return past it.
            return new ExecutionResult(ExecutionKind.TrappedToEl1, esr);
        }

        if (access.Class == TrapClasses.Smc64 || access.Class == TrapClasses.Smc32)
        {
            UnknownSmcCall.Answer(vcpu);
        }
        else
        {
            // A wait ends at once (no interrupt controller; a WFI may complete at any time), and so does a profiling or trace
            // synchronization barrier (no profiling buffer or trace unit has writes to wait for); a floating-point, SVE or
            // SME instruction runs on registers the CPU does not model (nor PSTATE.SM and ZA, which SMSTART sets); a
            // pointer authentication instruction's result, branch or load is not modelled either.
            vcpu.Skip(InstructionSize);
        }

        return new ExecutionResult(ExecutionKind.Direct, esr);
    }

    /// <summary>
    /// The guest's own disable of the functionality <paramref name="rules"/> trap (<see cref="GuestEnables"/>: CPACR_EL1.FPEN,
    /// ZEN, SMEN), or null when EL1 may use it all: an AArch64 EL1 takes the access to itself in the disabled control's class
    /// (EC 0x07, 0x19 or 0x1D at EL1, as its kernel's lazy switch expects), an AArch32 one as UNDEFINED.
    /// </summary>
    private ExecutionResult? GuestDisabled(Vcpu vcpu, IReadOnlyList<TrapRule> rules, in SystemRegisterAccess access, uint esr)
    {
        if (!GuestEnables.AnyIn(rules)
            || GuestEnables.FirstDisabled(rules, access.IsRead ? AccessDirection.Read : AccessDirection.Write, GuestCpacr.Value(Hypervisor, vcpu)) is not { } control)
        {
            return null;
        }

        if (vcpu.ExecutionState == ExecutionState.Aarch64)
        {
            return new ExecutionResult(ExecutionKind.TrappedToEl1, ReportedSyndrome(access, control, esr));
        }

        vcpu.InjectUndefined();
        return new ExecutionResult(ExecutionKind.UndefinedAtEl1, esr, null, UndefinedReason.FloatingPointDisabled);
    }

    /// <summary>A trap of <paramref name="access"/> by <paramref name="control"/> to EL2, in the syndrome the control reports it in.</summary>
    private ExecutionResult Trapped(in SystemRegisterAccess access, TrapControl control, uint esr)
    {
        var reported = ReportedSyndrome(access, control, esr);
        return new ExecutionResult(ExecutionKind.Trapped, reported, Hypervisor.HandleTrap(reported), Control: control);
    }

    /// <summary>
    /// The syndrome of a trap by <paramref name="control"/>: the access's own, or that of the class the control reports every
    /// trap in (CPTR_EL2.TFP: EC 0x07, for FPCR and an SVE instruction alike; TZ: EC 0x19; TSM: EC 0x1D) with the access's
    /// CV and COND and the rest 0.
    /// </summary>
    private static uint ReportedSyndrome(in SystemRegisterAccess access, TrapControl control, uint esr) =>
        ArchitecturalTraps.ReportedIn(control, access.Class) is var reported && reported == access.Class
            ? esr
            : SyndromeBuilder.Build(access with { Class = reported, Instruction = null });

    /// <summary>The ID space FEAT_IDST covers: op0 3, op1 0, 1 or 3, CRn 0, CRm 0 to 7 (MRS only).</summary>
    private static bool IsIdstSpace(in SystemRegisterAccess access) =>
        access.Class == TrapClasses.Msr && access.Op0 == 3 && access.Op1 is 0 or 1 or 3 && access.CRn == 0 && access.CRm <= 7;

    /// <summary>
    /// Gets where an EL1 access goes in memory under the Effective HCR_EL2.&lt;NV2,NV1,NV&gt; (FEAT_NV2), or null when it
    /// reaches its register (or traps) as usual: nv2-memory.table's row for it, when its nvx holds.
    /// </summary>
    private Nv2MemoryAccess? Nv2MemoryOf(in SystemRegisterAccess access, uint key) =>
        Nv2Memory.TryFind(access.Class, key, out var memory) && memory.AppliesUnder(NestedVirtualisation.EffectiveNvx(Hypervisor.Hcr.Value, Hypervisor.Model))
            ? memory
            : null;

    /// <summary>Gets the EL1 register an EL1 access to an EL2 register reaches under the Effective HCR_EL2.{NV, NV2} {1, 1}, or null.</summary>
    private Nv2Redirection? Nv2RedirectionOf(in SystemRegisterAccess access, uint key) =>
        Nv2Redirections.TryFind(access.Class, key, out var redirection) && Nv2Redirection.Condition.Holds(NestedVirtualisation.EffectiveNvx(Hypervisor.Hcr.Value, Hypervisor.Model))
            ? redirection
            : null;

    /// <summary>An access NV2 redirects to an EL1 register: it moves the value as an untrapped access of that register would, and the PC moves on.</summary>
    private ExecutionResult AccessRedirected(Vcpu vcpu, in SystemRegisterAccess access, Nv2Redirection redirection, uint esr)
    {
        var to = redirection.To.Encoding;
        var el1 = access with { Op0 = (uint)to.Op0, Op1 = (uint)to.Op1, CRn = (uint)to.CRn, CRm = (uint)to.CRm, Op2 = (uint)to.Op2 };
        DirectAccess.Perform(Hypervisor, vcpu, el1, el1.Key);
        vcpu.Skip(InstructionSize);
        return new ExecutionResult(ExecutionKind.Redirected, esr);
    }

    /// <summary>
    /// An access NV2 turns into a memory access: an MRS loads X[Rt] from NVMem[offset] and an MSR stores it there; an MRRS or
    /// MSRR moves X[Rt] and X[Rt+1] through NVMem128[offset], the low half first (little-endian: SCTLR_EL2.EE is taken as 0).
    /// It does not trap, and the PC moves on.
    /// </summary>
    private static ExecutionResult AccessNestedPage(Vcpu vcpu, in SystemRegisterAccess access, Nv2MemoryAccess memory, uint esr)
    {
        var page = vcpu.NestedPage;
        var pair = access.Class.TransfersRegisterPair;
        if (access.IsRead)
        {
            TransferRegisters.Write(vcpu, access, page.Read(memory.Offset));
            if (pair)
            {
                vcpu.Registers.WriteX((int)access.Rt2, page.Read(memory.Offset + 8));
            }
        }
        else
        {
            page.Write(memory.Offset, TransferRegisters.Read(vcpu, access));
            if (pair)
            {
                page.Write(memory.Offset + 8, vcpu.Registers.ReadX((int)access.Rt2));
            }
        }

        vcpu.Skip(InstructionSize);
        return new ExecutionResult(ExecutionKind.NestedMemory, esr);
    }

    /// <summary>
    /// The control that traps the access, under the trap controls' values and, for PMXEVCNTR_EL0 and PMXEVTYPER_EL0 (and
    /// their views), the event counter the guest's PMSELR_EL0.SEL (PMSELR.SEL) selects, which MDCR_EL2.HPMN checks.
    /// </summary>
    private TrapControl? TrappingControl(in SystemRegisterAccess access, uint key)
    {
        var controls = Hypervisor.Controls;
        if (EventCounterSelection.IsReadBy(access.Class, key) && EventCounterSelection.TryKeyIn(access.Class, out var selector))
        {
            var selected = DirectAccess.Peek(Hypervisor, Hypervisor.Current, access.Class, selector);
            controls = controls with { SelectedCounter = (int)EventCounterSelection.Sel.Extract(selected) };
        }

        return ArchitecturalTraps.TrappingControl(controls, access.Class, key, access.IsRead, Hypervisor.Model);
    }

    private static UndefinedReason Reason(El1AccessCheck check) => check switch
    {
        El1AccessCheck.Unallocated => UndefinedReason.Unallocated,
        El1AccessCheck.HigherExceptionLevel => UndefinedReason.HigherExceptionLevel,
        El1AccessCheck.WrongDirection => UndefinedReason.WrongDirection,
        El1AccessCheck.NotImplemented => UndefinedReason.NotImplemented,
        _ => UndefinedReason.None,
    };
}
