using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// The Guarded Control Stack's System instructions at EL1 (FEAT_GCS, C5.9), where their pseudocode differs from any other
/// System instruction's: before EL2's fine-grained trap, GCSPUSHM traps to the guest's own EL1 while its
/// GCSCR_EL1.PUSHMEn is 0 (AArch64.SystemAccessTrap(EL1, 0x18), the instruction's syndrome), and GCSPUSHX and GCSPOPCX
/// check PSTATE.EXLOCK while GCSCR_EL1.EXLOCKEN is 1 (an EXLOCK exception), which the vCPU does not hold: such a step is
/// not modelled. Untrapped, every one of them does nothing unless GCSEnabled(EL1) (SCR_EL3.GCSEn, which TrapGen's EL3
/// sets; HCRX_EL2.GCSEn, FALSE without FEAT_HCX; GCSCR_EL1.PCRSEL), and otherwise reads or writes Guarded Control Stack
/// memory, which the machine does not model (<see cref="ExecutionKind.NotModelled"/>).
/// </summary>
internal static class GuardedControlStack
{
    private static readonly uint GcscrKey = RegisterKeys.Of("GCSCR_EL1");

    private static readonly uint PushmKey = RegisterKeys.OfInstruction("GCSPUSHM");

    private static readonly uint PushxKey = RegisterKeys.OfInstruction("GCSPUSHX");

    private static readonly uint PopcxKey = RegisterKeys.OfInstruction("GCSPOPCX");

    /// <summary>The keys of all seven (C5.9.1-7), which the untrapped check covers.</summary>
    private static readonly uint[] Keys =
        [PushmKey, PushxKey, PopcxKey, RegisterKeys.OfInstruction("GCSPOPM"), RegisterKeys.OfInstruction("GCSPOPX"), RegisterKeys.OfInstruction("GCSSS1"), RegisterKeys.OfInstruction("GCSSS2")];

    /// <summary>Gets whether <paramref name="access"/> (EC 0x18 <paramref name="key"/>) is a Guarded Control Stack System instruction.</summary>
    public static bool Contains(in SystemRegisterAccess access, uint key) =>
        access.Class == TrapClasses.Msr && access.IsSystemInstruction && System.Array.IndexOf(Keys, key) >= 0;

    /// <summary>
    /// What the guest's own GCSCR_EL1 does before EL2's trap, or null when it lets the instruction on: GCSPUSHM with PUSHMEn 0
    /// is taken to the guest's EL1 with its syndrome; GCSPUSHX or GCSPOPCX with EXLOCKEN 1 would check PSTATE.EXLOCK, which
    /// is not modelled.
    /// </summary>
    public static ExecutionResult? BeforeEl2(Hypervisor hypervisor, Vcpu vcpu, uint key, uint esr)
    {
        if (key != PushmKey && key != PushxKey && key != PopcxKey)
        {
            return null;
        }

        var gcscr = DirectAccess.Peek(hypervisor, vcpu, TrapClasses.Msr, GcscrKey);
        if (key == PushmKey)
        {
            return Layouts.GcscrEl1.PUSHMEn.Extract(gcscr) == 0 ? new ExecutionResult(ExecutionKind.TrappedToEl1, esr) : null;
        }

        return Layouts.GcscrEl1.EXLOCKEN.Extract(gcscr) != 0 ? new ExecutionResult(ExecutionKind.NotModelled, esr) : null;
    }

    /// <summary>
    /// Gets whether an untrapped one would use the guest's Guarded Control Stack, GCSEnabled(EL1): HCRX_EL2.GCSEn 1 on a CPU
    /// with FEAT_HCX (IsHCRXEL2Enabled()) and the guest's GCSCR_EL1.PCRSEL 1.
    /// </summary>
    public static bool IsEnabled(Hypervisor hypervisor, Vcpu vcpu) =>
        hypervisor.Model.Satisfies(HcrxEl2.Feature)
        && Layouts.HcrxEl2Gcs.GCSEn.Extract(hypervisor.Hcrx) != 0
        && Layouts.GcscrEl1.PCRSEL.Extract(DirectAccess.Peek(hypervisor, vcpu, TrapClasses.Msr, GcscrKey)) != 0;
}
