using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Guests;

/// <summary>
/// Runs a guest program a step at a time on a domain of the vCPUs it declares, built as the seed's
/// construct_dom0 builds it (HCR_EL2.DC and TVM set, the physical timer trapped). Each step returns what
/// it did as a value; a step the machine cannot take (a counter past 2^64 - 1, an A64 instruction on an
/// AArch32 vCPU) is refused as a value and changes nothing, so a guest program never makes it throw.
/// The guest's undefined-instruction handler is not emulated: it is taken to skip the instruction.
/// </summary>
public sealed class GuestProgramExecutor
{
    private readonly GuestVcpu[] vcpus;

    /// <summary>
    /// Builds the domain of <paramref name="vcpus"/> (at least one) on <paramref name="model"/> (cortex-a57 when
    /// null); <paramref name="policy"/> says what the hypervisor does with an access no catalogue entry handles.
    /// </summary>
    public GuestProgramExecutor(IReadOnlyList<GuestVcpu> vcpus, UnhandledAccessPolicy policy = UnhandledAccessPolicy.InjectUndefined, Architecture.CpuModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(vcpus);
        this.vcpus = [.. vcpus];
        Domain = new Domain(this.vcpus.Select(v => v.State).ToList(), policy, null, model);
        Domain.Build();
    }

    /// <summary>Gets the domain the program runs on.</summary>
    public Domain Domain { get; }

    /// <summary>Gets what the program's instructions did so far.</summary>
    public GuestProgramCounts Counts { get; } = new();

    /// <summary>Runs <paramref name="step"/> on the running vCPU.</summary>
    public StepResult Execute(GuestStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var hcr = Domain.Hypervisor.Hcr;
        var before = hcr.Value;
        StepRefusal refusal;
        ExecutedInstruction? instruction = null;
        var cause = HcrChangeCause.None;
        switch (step)
        {
            case SwitchVcpuStep s:
                refusal = SwitchTo(s.Vcpu);
                cause = HcrChangeCause.ContextSwitch;
                break;
            case SetFlagsStep f:
                Domain.Current.Flags = f.Flags;
                refusal = StepRefusal.None;
                break;
            case ChangeHcrStep h:
                hcr.Value = (before & ~h.Clear) | h.Set;
                refusal = StepRefusal.None;
                cause = HcrChangeCause.Program;
                break;
            case ChangeControlRegisterStep c:
                Domain.Hypervisor.SetControlRegister(c.Register, (Domain.Hypervisor.ControlRegister(c.Register) & ~c.Clear) | c.Set);
                refusal = StepRefusal.None;
                break;
            case AdvanceTimerStep t:
                refusal = Advance(Domain.Current, t.Ticks);
                break;
            case InstructionStep i:
                refusal = Run(i, out instruction, out cause);
                break;
            default:
                throw new ArgumentException("Not a step this executor knows: " + step.GetType().Name + ".", nameof(step));
        }

        var change = refusal == StepRefusal.None ? new HcrChange(before, hcr.Value, cause) : HcrChange.Unchanged(before);
        return new StepResult(refusal, change, instruction, Domain.IsCrashed);
    }

    private StepRefusal SwitchTo(int vcpu)
    {
        if ((uint)vcpu >= (uint)vcpus.Length)
        {
            return StepRefusal.NoSuchVcpu;
        }

        Domain.SwitchTo(vcpu);
        return StepRefusal.None;
    }

    private static StepRefusal Advance(Vcpu vcpu, ulong ticks)
    {
        if (vcpu.Timer.Count > ulong.MaxValue - ticks)
        {
            return StepRefusal.CounterWouldOverflow;
        }

        vcpu.Timer.Advance(ticks);
        return StepRefusal.None;
    }

    private StepRefusal Run(InstructionStep step, out ExecutedInstruction? executed, out HcrChangeCause cause)
    {
        executed = null;
        cause = HcrChangeCause.None;
        var vcpu = Domain.Current;
        var guest = vcpus[vcpu.Id];
        var instructionSet = guest.InstructionSet;
        if (step.WrittenAs is { } writtenAs && (writtenAs == InstructionSet.A64) != (instructionSet == InstructionSet.A64))
        {
            return StepRefusal.WrongInstructionSet;
        }

        var decoded = InstructionDecoder.TryDecode(step.Word, instructionSet, out var access);
        if (step.Value is { } value)
        {
            if (!decoded || access.IsRead)
            {
                return StepRefusal.ValueWithoutWrite;
            }

            // Where the write takes its value from: Rt (Rt2), or for an LDC the word of memory it loads.
            TransferRegisters.Write(vcpu, access, value);
        }

        // The value an access moves, seen where it moves through, before a written-back base moves the address.
        var written = decoded && !access.IsRead ? TransferRegisters.Read(vcpu, access) : 0;
        uint? address = decoded && access.Form == AccessForm.LdcStc ? TransferRegisters.Address(vcpu, access, out _) : null;

        var hypervisor = Domain.Hypervisor;
        var pc = vcpu.Pc;
        var undefinedBefore = vcpu.UndefinedExceptions;
        var mmuWasOn = Sctlr.IsMmuEnabled(hypervisor.Hardware.SCTLR_EL1);
        var hcrBefore = hypervisor.Hcr.Value;
        var cleansBefore = vcpu.GuestMemoryCleans;
        var result = Domain.Cpu.Execute(step.Word, guest.Thumb);
        if (result.Kind == ExecutionKind.NotModelled)
        {
            // The CPU changed nothing: the step is refused as a value, as a step the machine cannot take.
            return !decoded ? StepRefusal.NotPerformed
                : access.Class == TrapClasses.Eret ? StepRefusal.ExceptionReturnNotModelled
                : access.Class == TrapClasses.GcsStore ? StepRefusal.GuardedControlStackStoreNotModelled
                : access.IsSystemInstruction ? StepRefusal.GuardedControlStackNotModelled
                : StepRefusal.NotPerformed;
        }

        var instruction = new ExecutedInstruction(
            pc,
            step.Word,
            decoded ? SystemInstructionSyntax.Format(access, CatalogueIndex.RegisterNames) : OtherSyntax(step.Word, instructionSet),
            result,
            // The access's own syndrome names it: a trap reported in another class (FPCR's under CPTR_EL2.TFP, EC 0x07) does not.
            // An instruction of a group is named by its row (PACIASP, SMSTART), which its syndrome does not tell apart.
            decoded ? access.Instruction?.Name ?? TrapReport.DisplayName(SyndromeBuilder.Build(access)) : null,
            decoded && MovesAValue(result, access) ? new MovedValue(access.IsRead, TransferRegisters.Width(access), !access.IsRead ? written : address is { } word ? vcpu.Memory.ReadWord(word) : TransferRegisters.Read(vcpu, access)) : null);
        Counts.Count(vcpu.Id, instruction, mmuWasOn);
        // The seed's update_sctlr clears DC and TVM; under a fine-grained SCTLR_EL1 trap instead of TVM, DC alone.
        cause = (hcrBefore & ~hypervisor.Hcr.Value & (TrapControls.TVM.Mask | (1UL << HcrEl2.DC))) != 0 ? HcrChangeCause.MmuEnabled
            : vcpu.GuestMemoryCleans != cleansBefore ? HcrChangeCause.SetWayClean
            : HcrChangeCause.None;
        // The guest's own handler of an UNDEF, or of FEAT_IDST's trap to EL1, is taken to skip the instruction: it returns
        // past it with the IT state its exception saved, advanced, as a hypervisor skips a trapped instruction.
        if (vcpu.UndefinedExceptions != undefinedBefore)
        {
            vcpu.It = ItState.FromSpsr(vcpu.LastUndefinedSpsr);
            vcpu.Skip(InstructionSets.SizeOf(step.Word, instructionSet));
        }
        else if (result.Kind == ExecutionKind.TrappedToEl1)
        {
            vcpu.Skip(InstructionSets.SizeOf(step.Word, instructionSet));
        }

        executed = instruction;
        return StepRefusal.None;
    }

    /// <summary>The text of a word that is no access: a barrier or NOP, or a T32 IT; null for anything else.</summary>
    private static string? OtherSyntax(uint word, InstructionSet instructionSet) =>
        BarrierSyntax.TryFormat(word, instructionSet, out var barrier) ? barrier
        : instructionSet == InstructionSet.T32 && ItSyntax.TryFormat(word, out var it) ? it
        : null;

    /// <summary>
    /// Whether the access moved a value: it ran (directly, or trapped and handled) and is no System
    /// instruction that takes no register (tlbi vmalle1, ic iallu).
    /// </summary>
    private static bool MovesAValue(ExecutionResult result, in SystemRegisterAccess access) =>
        access.Class.IsDispatchable
        && result.Kind is ExecutionKind.Trapped or ExecutionKind.Direct or ExecutionKind.NestedMemory or ExecutionKind.Redirected
        && result.Outcome is null or TrapOutcome.Handled or TrapOutcome.FpStateSwitched
        && !(access.TryFindSystemInstruction(out var instruction) && !instruction.TakesRegister);
}
