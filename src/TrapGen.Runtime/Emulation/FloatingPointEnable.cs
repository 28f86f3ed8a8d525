using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// The guest's own enable of Advanced SIMD and floating point, which the CPU checks before EL2's CPTR_EL2.TFP:
/// CPACR_EL1.FPEN for an AArch64 EL1, CPACR.cp10 (the same bits) for an AArch32 one (the Arm ARM's
/// AArch64.CheckFPEnabled, AArch32.CheckAdvSIMDOrFPEnabled). A vCPU starts with both at 0b11, as Linux's __cpu_setup
/// leaves CPACR_EL1 before anything TrapGen models, so a trace sees EL2's floating-point traps unless it disables its
/// own. FPEXC.EN, which an AArch32 guest also sets, is taken as 1: the CPU does not model it.
/// </summary>
internal static class FloatingPointEnable
{
    private static readonly uint Aarch64Key = Aarch64Registers.TryFind("CPACR_EL1", out var register) ? register.Encoding.Key : 0;

    private static readonly uint Aarch32Key = Aarch32Registers.Named("CPACR")[0].Encoding.Key;

    /// <summary>FPEN (cp10 and cp11) 0b11: EL1 and EL0 may use SIMD and floating point.</summary>
    private const ulong Enabled = 0b11UL << 20;

    /// <summary>Gets a new vCPU's value of the AArch64 register <paramref name="name"/> where it is not the CPU model's or 0: CPACR_EL1's, FPEN 0b11.</summary>
    public static ulong? ResetValueOf(string name) => name == "CPACR_EL1" ? Enabled : null;

    /// <summary>Gets whether the running guest's EL1 may use the SIMD and floating-point registers: FPEN (cp10) bit [20] is 1.</summary>
    public static bool AtEl1(Hypervisor hypervisor, Vcpu vcpu)
    {
        var cpacr = vcpu.ExecutionState == ExecutionState.Aarch64
            ? DirectAccess.Peek(hypervisor, vcpu, TrapClasses.Msr, Aarch64Key)
            : DirectAccess.Peek(hypervisor, vcpu, TrapClasses.Mcr, Aarch32Key);
        return (Layouts.CpacrEl1.FPEN.Extract(cpacr) & 1) != 0;
    }
}
