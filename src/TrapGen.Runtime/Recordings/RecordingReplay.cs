using System;
using System.Collections.Generic;
using System.Globalization;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Guests;

namespace TrapGen.Runtime.Recordings;

/// <summary>
/// Replays a real guest's recording (<see cref="TrapRecording"/>) through the TrapGen runtime under the seed's policy,
/// on a domain built as construct_dom0 builds it (HCR_EL2.DC and TVM set until the guest turns its MMU on) with the
/// physical counter and timer given to the guest as the monitor gives them (CNTHCTL_EL2.EL1PCTEN and EL1PCEN set).
/// Each recorded trap's instruction is recovered from its syndrome and executed at the recorded PC with the recorded
/// value; TrapGen must trap it with the same syndrome, move the same value and leave HCR_EL2 as the CPU's monitor
/// left it, so the DC/TVM drop falls on the same trap. A recorded value or syndrome never makes the replay throw: one
/// TrapGen cannot take is reported as a difference.
/// </summary>
public sealed class RecordingReplay
{
    private const uint HvcAarch64 = 0x16;
    private const uint HvcAarch32 = 0x12;
    private const ulong DcAndTvm = (1UL << 12) | (1UL << 26);

    private readonly GuestProgramExecutor executor;

    /// <summary>Builds the seed's domain of one vCPU in <paramref name="state"/> on <paramref name="model"/> (cortex-a57 when null).</summary>
    public RecordingReplay(ExecutionState state, CpuModel? model = null)
    {
        executor = new GuestProgramExecutor([new GuestVcpu(state)], model: model);
        var timer = (1UL << TrapControls.EL1PCEN.Bit) | (1UL << TrapControls.EL1PCTEN.Bit);
        executor.Execute(new ChangeControlRegisterStep(CnthctlEl2.Name, timer, 0));
        State = state;
    }

    /// <summary>Gets the guest's execution state at EL1.</summary>
    public ExecutionState State { get; }

    /// <summary>Replays <paramref name="traps"/>, in order, and compares each with what TrapGen does.</summary>
    public ReplayReport Replay(IEnumerable<RecordedTrap> traps)
    {
        ArgumentNullException.ThrowIfNull(traps);
        var differences = new List<ReplayDifference>();
        int replayed = 0, calls = 0, index = -1;
        int? recordedDrop = null, replayedDrop = null;
        foreach (var trap in traps)
        {
            index++;
            var exceptionClass = EsrFields.GetEC(trap.Esr);
            if (exceptionClass is HvcAarch64 or HvcAarch32)
            {
                calls++;
                continue;
            }

            replayed++;
            if ((trap.HcrBefore & DcAndTvm) != 0 && (trap.HcrAfter & DcAndTvm) == 0)
            {
                recordedDrop ??= index;
            }

            var result = ReplayOne(trap, index, differences);
            if (result?.Hcr.Cause == HcrChangeCause.MmuEnabled)
            {
                replayedDrop ??= index;
            }
        }

        return new ReplayReport(replayed, calls, recordedDrop, replayedDrop, differences);
    }

    private StepResult? ReplayOne(RecordedTrap trap, int index, List<ReplayDifference> differences)
    {
        void Differ(string what, string recorded, string replayed) => differences.Add(new ReplayDifference(index, trap.Pc, what, recorded, replayed));

        var hcr = executor.Domain.Hypervisor.Hcr.Value;
        if (hcr != trap.HcrBefore)
        {
            Differ("HCR_EL2 before the trap", Hex(trap.HcrBefore), Hex(hcr));
        }

        if (!SyndromeDecoder.TryDecode(trap.Esr, out var access, out _) || !access.Class.Reports(State == ExecutionState.Aarch64))
        {
            Differ("syndrome", Hex(trap.Esr), "not an access of this guest's execution state that TrapGen decodes");
            return null;
        }

        // A class of either state (WFI) reports no state: the recording's guest says which.
        if (access.Class.State == TrapClassState.Either && access.Instruction is { TakesRegister: false })
        {
            access = access with { InstructionSet = State == ExecutionState.Aarch64 ? InstructionSet.A64 : InstructionSet.A32 };
        }

        var word = InstructionEncoder.Encode(access);
        executor.Domain.Current.Pc = trap.Pc;
        var result = executor.Execute(new InstructionStep(word, access.IsRead || access.Class.Form is null ? null : trap.Value));
        if (result.Instruction is not { } instruction)
        {
            Differ("decision", "trap", "refused: " + result.Refusal);
            return result;
        }

        var execution = instruction.Execution;
        if (!execution.Trapped)
        {
            Differ("decision", "trap", execution.Kind + (execution.Undefined != UndefinedReason.None ? " (" + execution.Undefined + ")" : string.Empty));
            return result;
        }

        if (execution.Esr != trap.Esr)
        {
            Differ("syndrome", Hex(trap.Esr), Hex(execution.Esr));
        }

        if (instruction.Moved is { } moved && moved.Value != trap.Value)
        {
            Differ("value " + (moved.IsRead ? "read" : "written") + " (" + instruction.Register + ")", Hex(trap.Value), Hex(moved.Value));
        }

        if (result.Hcr.After != trap.HcrAfter)
        {
            Differ("HCR_EL2 after the trap", Hex(trap.HcrAfter), Hex(result.Hcr.After));
        }

        return result;
    }

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
