using System;
using System.Collections.Generic;
using System.Globalization;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Guests;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Recordings;

/// <summary>
/// Replays a real guest's recording (<see cref="TrapRecording"/>, <see cref="RecordingFile"/>) through the TrapGen runtime
/// under the policy it was recorded under (<see cref="RecordingControls"/>; the seed's unless named): the domain is built
/// as construct_dom0 builds it, then its trap-control registers are set to the recording's. Each recorded trap's
/// instruction is recovered from its syndrome and executed at the recorded PC with the recorded value; TrapGen must trap
/// it with the same syndrome, handle it (an SMC TrapGen answers itself), move the same value and leave HCR_EL2 as the
/// CPU's monitor left it, so the DC/TVM drop falls on the same trap. A recorded value or syndrome never makes the
/// replay throw: one TrapGen cannot take is reported as a difference.
/// </summary>
public sealed class RecordingReplay
{
    private const uint HvcAarch64 = 0x16;
    private const uint HvcAarch32 = 0x12;
    private const ulong DcAndTvm = (1UL << 12) | (1UL << 26);

    private readonly GuestProgramExecutor executor;

    /// <summary>
    /// Builds a domain of one vCPU in <paramref name="state"/> on <paramref name="model"/> (cortex-a57 when null) under
    /// <paramref name="controls"/> (the seed's policy when null).
    /// </summary>
    public RecordingReplay(ExecutionState state, CpuModel? model = null, RecordingControls? controls = null)
    {
        executor = new GuestProgramExecutor([new GuestVcpu(state)], model: model);
        var policy = controls ?? RecordingControls.Seed(state);
        var hypervisor = executor.Domain.Hypervisor;
        hypervisor.SetControlRegister(HcrEl2.Name, policy.Hcr);
        hypervisor.SetControlRegister(MdcrEl2.Name, policy.Mdcr);
        hypervisor.SetControlRegister(CnthctlEl2.Name, policy.Cnthctl);
        State = state;
    }

    /// <summary>Builds the domain <paramref name="recording"/> was made on, on <paramref name="model"/> (cortex-a57 when null).</summary>
    public RecordingReplay(Recording recording, CpuModel? model = null)
        : this((recording ?? throw new ArgumentNullException(nameof(recording))).State, model, recording.Controls)
    {
    }

    /// <summary>Gets the guest's execution state at EL1.</summary>
    public ExecutionState State { get; }

    /// <summary>Replays <paramref name="traps"/>, in order, and compares each with what TrapGen does.</summary>
    public ReplayReport Replay(IEnumerable<RecordedTrap> traps)
    {
        ArgumentNullException.ThrowIfNull(traps);
        var differences = new List<ReplayDifference>();
        var perControl = new Dictionary<string, int>(StringComparer.Ordinal);
        var controlOrder = new List<string>();
        int replayed = 0, calls = 0, index = -1, beforeMmu = 0;
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
            if (!Sctlr.IsMmuEnabled(executor.Domain.Hypervisor.Hardware.SCTLR_EL1))
            {
                beforeMmu++;
            }

            if ((trap.HcrBefore & DcAndTvm) != 0 && (trap.HcrAfter & DcAndTvm) == 0)
            {
                recordedDrop ??= index;
            }

            var result = ReplayOne(trap, index, differences);
            if (result?.Hcr.Cause == HcrChangeCause.MmuEnabled)
            {
                replayedDrop ??= index;
            }

            if (result?.Instruction?.Execution.Control is { } control)
            {
                var name = control.QualifiedName;
                if (perControl.TryGetValue(name, out var count))
                {
                    perControl[name] = count + 1;
                }
                else
                {
                    perControl[name] = 1;
                    controlOrder.Add(name);
                }
            }
        }

        var controls = controlOrder.ConvertAll(name => new KeyValuePair<string, int>(name, perControl[name]));
        return new ReplayReport(replayed, calls, recordedDrop, replayedDrop, differences) { TrapsBeforeMmu = beforeMmu, TrapsPerControl = controls };
    }

    private StepResult? ReplayOne(RecordedTrap trap, int index, List<ReplayDifference> differences)
    {
        void Differ(string what, string recorded, string replayed) => differences.Add(new ReplayDifference(index, trap.Pc, what, recorded, replayed));

        var hcr = executor.Domain.Hypervisor.Hcr.Value;
        if (hcr != trap.HcrBefore)
        {
            Differ("HCR_EL2 before the trap", Hex(trap.HcrBefore), Hex(hcr));
        }

        if (!SyndromeDecoder.TryDecode(trap.Esr, out var access, out _) || access.Class.IsAarch64 != (State == ExecutionState.Aarch64))
        {
            Differ("syndrome", Hex(trap.Esr), "not an access of this guest's execution state that TrapGen decodes");
            return null;
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

        // The monitor handled every trap it recorded: TrapGen must too (a trapped SMC is answered by its hypervisor,
        // not by the catalogue; the answer is the firmware's and is not compared).
        if (execution.Outcome is not (TrapOutcome.Handled or TrapOutcome.SmcNotSupported))
        {
            Differ("outcome", "handled", execution.Outcome?.ToString() ?? "none");
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
