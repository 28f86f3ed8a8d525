using System.Globalization;
using System.Text;
using TrapGen.Architecture;
using TrapGen.Decoding;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Guests;
using TrapGen.Runtime.Traps;

namespace TrapGen.Cli.Traces;

/// <summary>One line per instruction of a trace run: pc, instruction, outcome, register, the value moved and a note (docs/traces.md).</summary>
internal static class InstructionLine
{
    private static readonly CompositeFormat LineFormat = CompositeFormat.Parse("  {0:x8}  {1,-30} {2,-10} {3,-16} {4}{5}");

    /// <summary>The line for <paramref name="instruction"/>, which changed HCR_EL2 as <paramref name="hcr"/> says.</summary>
    public static string Format(in ExecutedInstruction instruction, in HcrChange hcr)
    {
        var moved = instruction.Moved is { } value
            ? (value.IsRead ? "=> " : "<= ") + (value.Width == 32 ? Hex.Word((uint)value.Value) : Hex.Doubleword(value.Value))
            : string.Empty;
        return string.Format(
            CultureInfo.InvariantCulture,
            LineFormat,
            instruction.Pc,
            instruction.Syntax ?? Hex.Word(instruction.Word),
            Outcome(instruction.Execution),
            instruction.Register ?? string.Empty,
            moved,
            Note(instruction.Execution, hcr)).TrimEnd();
    }

    /// <summary>The outcome column; docs/traces.md explains each label.</summary>
    private static string Outcome(ExecutionResult result) => (result.Kind, result.Outcome) switch
    {
        (ExecutionKind.Trapped, TrapOutcome.ConditionFailed) => "trap:skip",
        (ExecutionKind.Trapped, TrapOutcome.Undefined) => "trap:UNDEF",
        (ExecutionKind.Trapped, TrapOutcome.UnhandledUndefined) => "unhandled",
        (ExecutionKind.Trapped, TrapOutcome.UnhandledCrash) => "crash",
        (ExecutionKind.Trapped, _) => "trap",
        (ExecutionKind.Direct, _) => "direct",
        (ExecutionKind.NestedMemory, _) => "memory",
        (ExecutionKind.Redirected, _) => "redirect",
        (ExecutionKind.ConditionFailed, _) => "skip",
        (ExecutionKind.UndefinedAtEl1, _) => "UNDEF@EL1",
        (ExecutionKind.TrappedToEl1, _) => "trap@EL1",
        _ => "other",
    };

    /// <summary>The note: what the access changed in HCR_EL2, else why it trapped or was UNDEFINED.</summary>
    private static string Note(ExecutionResult result, HcrChange hcr) => hcr.Cause switch
    {
        HcrChangeCause.MmuEnabled => (((hcr.Cleared >> HcrEl2.DC) & 1) != 0, (hcr.Cleared & TrapControls.TVM.Mask) != 0) switch
        {
            (true, true) => "  MMU on: HCR_EL2.DC and TVM cleared",
            (true, false) => "  MMU on: HCR_EL2.DC cleared",
            _ => "  MMU on: HCR_EL2.TVM cleared",
        },
        HcrChangeCause.SetWayClean => "  set/way: the guest's memory cleaned, HCR_EL2.TVM set",
        _ => Why(result),
    };

    /// <summary>
    /// Why an access trapped, when not because of an HCR_EL2 bit that is set (the vCPU and <c>hcr</c> lines show those):
    /// another register's control, or an HCR_EL2 control that traps while clear (APK, EnSCXT); or why it was UNDEFINED at EL1.
    /// </summary>
    private static string Why(ExecutionResult result) => result.Outcome switch
    {
        TrapOutcome.SmcNotSupported => "  no SMC service: NOT_SUPPORTED (-1) in x0/r0, as KVM answers",
        TrapOutcome.VcpuBlocked => "  vCPU blocked until its next interrupt, as KVM's kvm_vcpu_wfi",
        TrapOutcome.VcpuYielded => "  vCPU yielded the CPU to another, as KVM's kvm_vcpu_on_spin",
        TrapOutcome.FpStateSwitched when EsrFields.GetEC(result.Esr) == TrapClasses.Sve.ExceptionClass => "  lazy FP: the guest's SIMD, FP and SVE registers loaded, CPTR_EL2.TFP and TZ cleared, the instruction run again",
        TrapOutcome.FpStateSwitched => "  lazy FP: the guest's SIMD and FP registers loaded, CPTR_EL2.TFP cleared, the instruction run again",
        TrapOutcome.SmeUndefined => "  no SME for guests: UNDEFINED injected, as KVM does",
        TrapOutcome.Ls64Undefined => "  no 64-byte loads and stores for guests: UNDEFINED injected, as KVM does",
        TrapOutcome.SynchronizationBarrierUndefined => "  no profiling or trace buffer for guests: UNDEFINED injected, as KVM does (" + ControlOf(result) + ")",
        TrapOutcome.PointerAuthSwitched => "  lazy pointer authentication: the guest's keys loaded, HCR_EL2.API and APK set, the instruction run again",
        TrapOutcome.SupervisorCallReflected => "  the guest's own Supervisor Call, given back to its EL1 (" + ControlOf(result) + ")",
        TrapOutcome.GcsStoreUndefined => "  no Guarded Control Stack for guests: UNDEFINED injected, as KVM's kvm_handle_gcs does (" + ControlOf(result) + ")",
        TrapOutcome.ExceptionReturnUndefined => "  no guest hypervisor to emulate the exception return for: UNDEFINED injected (" + ControlOf(result) + ")",
        _ when result.Control is { } control && (control.Register != HcrEl2.Name || !control.TrapsWhenSet) => "  (" + control.QualifiedName + (control.IsCounterLimit ? ": counter at or above it)" : control.TrapsWhenSet ? " set)" : " clear)"),
        _ when result.Kind == ExecutionKind.NestedMemory => "  (HCR_EL2.NV2: " + NestedLocation(result.Esr) + ")",
        _ when result.Kind == ExecutionKind.Redirected => "  (HCR_EL2.NV2: " + RedirectedTo(result.Esr) + ")",
        _ when result.Kind == ExecutionKind.TrappedToEl1 && EsrFields.GetEC(result.Esr) == TrapClasses.FpSimd.ExceptionClass => "  (the guest's CPACR_EL1.FPEN disables floating point: its own lazy FP switch)",
        _ when result.Kind == ExecutionKind.TrappedToEl1 && EsrFields.GetEC(result.Esr) == TrapClasses.Sve.ExceptionClass => "  (the guest's CPACR_EL1.ZEN disables SVE: its own lazy SVE switch)",
        _ when result.Kind == ExecutionKind.TrappedToEl1 && EsrFields.GetEC(result.Esr) == TrapClasses.Sme.ExceptionClass => "  (the guest's CPACR_EL1.SMEN disables SME)",
        _ when result.Kind == ExecutionKind.TrappedToEl1 && EsrFields.GetEC(result.Esr) == TrapClasses.Svc64.ExceptionClass => "  (the guest's Supervisor Call, to its own EL1)",
        _ when result.Kind == ExecutionKind.TrappedToEl1 && EsrFields.GetEC(result.Esr) == TrapClasses.GcsStore.ExceptionClass => "  (the guest's GCSCR_EL1.STREn disables GCSSTR and GCSSTTR: a GCS exception to its own EL1)",
        _ => Why(result.Undefined),
    };

    /// <summary>Where an access NV2 sent to memory went: <c>VNCR_EL2 + 0x110</c>, from its syndrome's class and key.</summary>
    private static string NestedLocation(uint esr)
    {
        var trapClass = EsrFields.GetEC(esr) == TrapClasses.Sys128.ExceptionClass ? TrapClasses.Sys128 : TrapClasses.Msr;
        return Nv2Memory.TryFind(trapClass, trapClass.KeyOf(EsrFields.GetISS(esr)), out var memory)
            ? "VNCR_EL2 + 0x" + memory.Offset.ToString("X3", CultureInfo.InvariantCulture)
            : "VNCR_EL2";
    }

    /// <summary>The EL1 register an access NV2 redirected reached: <c>ESR_EL1</c>, from its syndrome's key.</summary>
    private static string RedirectedTo(uint esr) =>
        Nv2Redirections.TryFind(TrapClasses.Msr, TrapClasses.Msr.KeyOf(EsrFields.GetISS(esr)), out var redirection) ? redirection.To.Name : "an EL1 register";

    /// <summary>The control a trap was taken under, qualified and with its state: <c>HCR_EL2.NV set</c>.</summary>
    private static string ControlOf(ExecutionResult result) =>
        result.Control is { } control ? control.QualifiedName + (control.TrapsWhenSet ? " set" : " clear") : "trapped";

    /// <summary>Why an access was UNDEFINED at EL1, for the line's note.</summary>
    private static string Why(UndefinedReason reason) => reason switch
    {
        UndefinedReason.Unallocated => "  (no register has this encoding)",
        UndefinedReason.HigherExceptionLevel => "  (EL2/EL3 state)",
        UndefinedReason.WrongDirection => "  (the register does not allow this direction)",
        UndefinedReason.Unpredictable => "  (UNPREDICTABLE form)",
        UndefinedReason.NotImplemented => "  (not implemented on this CPU model)",
        UndefinedReason.ReservedRegister => "  (its Decode refuses this Rt: odd, or above x23)",
        UndefinedReason.FloatingPointDisabled => "  (the guest's CPACR.cp10 disables floating point)",
        _ => string.Empty,
    };
}
