using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// The guest's CPACR_EL1 (CPACR for an AArch32 EL1), whose enables the CPU checks before EL2's CPTR_EL2 traps
/// (<see cref="GuestEnables"/>: FPEN before TFP, ZEN before TZ, SMEN before TSM). A vCPU starts with FPEN 0b11, as
/// Linux's __cpu_setup leaves CPACR_EL1 before anything TrapGen models, so a trace sees EL2's floating-point traps unless
/// it disables its own; ZEN and SMEN start at 0b00, so SVE and SME trap to the guest until it enables them (as Linux does
/// once it finds the feature). FPEXC.EN, which an AArch32 guest also sets, is taken as 1: the CPU does not model it.
/// </summary>
internal static class GuestCpacr
{
    private static readonly uint Aarch64Key = Aarch64Registers.TryFind("CPACR_EL1", out var register) ? register.Encoding.Key : 0;

    private static readonly uint Aarch32Key = Aarch32Registers.Named("CPACR")[0].Encoding.Key;

    /// <summary>FPEN (cp10 and cp11) 0b11: EL1 and EL0 may use SIMD and floating point.</summary>
    private static readonly ulong FloatingPointEnabled = Layouts.CpacrEl1.FPEN.Insert(0, Layouts.CpacrEl1.FPEN.MaxValue);

    /// <summary>Gets a new vCPU's value of the AArch64 register <paramref name="name"/> where it is not the CPU model's or 0: CPACR_EL1's, FPEN 0b11.</summary>
    public static ulong? ResetValueOf(string name) => name == "CPACR_EL1" ? FloatingPointEnabled : null;

    /// <summary>Gets the running guest's CPACR_EL1, or its AArch32 CPACR.</summary>
    public static ulong Value(Hypervisor hypervisor, Vcpu vcpu) =>
        vcpu.ExecutionState == ExecutionState.Aarch64
            ? DirectAccess.Peek(hypervisor, vcpu, TrapClasses.Msr, Aarch64Key)
            : DirectAccess.Peek(hypervisor, vcpu, TrapClasses.Mcr, Aarch32Key);
}
