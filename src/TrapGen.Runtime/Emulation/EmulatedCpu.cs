using TrapGen.Catalogue.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Instructions;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Emulation;

/// <summary>
/// The hardware under the hypervisor: executes a guest's system-register moves. Whether one traps is
/// decided as the hardware decides it, from HCR_EL2 and CNTHCTL_EL2 and the architecture's lists of
/// what each control covers (<see cref="ArchitecturalTraps"/>), never from the catalogue; an access
/// that does not trap reaches the EL1 registers directly.
/// </summary>
public sealed class EmulatedCpu(Hypervisor hypervisor)
{
    /// <summary>The size of every instruction the CPU models.</summary>
    private const ulong InstructionSize = 4;

    /// <summary>Gets the hypervisor the CPU traps to.</summary>
    public Hypervisor Hypervisor { get; } = hypervisor;

    /// <summary>
    /// Executes <paramref name="word"/> on the running vCPU. AArch64 vCPUs execute A64; AArch32 vCPUs
    /// A32, or T32 when <paramref name="thumb"/> is set.
    /// </summary>
    public ExecutionResult Execute(uint word, bool thumb = false)
    {
        var vcpu = Hypervisor.Current;
        var instructionSet = vcpu.ExecutionState == ExecutionState.Aarch64 ? InstructionSet.A64 : thumb ? InstructionSet.T32 : InstructionSet.A32;
        if (!InstructionDecoder.TryDecode(word, instructionSet, out var access))
        {
            vcpu.Pc += InstructionSize;
            return new ExecutionResult(ExecutionKind.NotASystemRegisterAccess, 0);
        }

        var esr = SyndromeBuilder.Build(access);
        SyndromeKey.TryGet(esr, out _, out var key);
        if (ArchitecturalTraps.Traps(Hypervisor.Hcr.Value, Hypervisor.Cnthctl, access.TrapClass, key, access.IsRead))
        {
            return new ExecutionResult(ExecutionKind.Trapped, esr, Hypervisor.HandleTrap(esr));
        }

        if (access.TrapClass == TrapClassKind.Aarch64 && access.Op0 == 3 && access.Op1 >= 4)
        {
            vcpu.InjectUndefined();
            return new ExecutionResult(ExecutionKind.UndefinedAtEl1, esr);
        }

        if (!vcpu.Flags.Holds(access.Condition))
        {
            vcpu.Pc += InstructionSize;
            return new ExecutionResult(ExecutionKind.ConditionFailed, esr);
        }

        DirectAccess.Perform(Hypervisor, vcpu, access, key);
        vcpu.Pc += InstructionSize;
        return new ExecutionResult(ExecutionKind.Direct, esr);
    }
}
