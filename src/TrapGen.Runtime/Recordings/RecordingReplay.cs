using System;
using System.Collections.Generic;
using System.Globalization;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
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

    private readonly Domain domain;

    /// <summary>Each syndrome replayed so far, decoded, with the instruction that takes it: a guest traps on few.</summary>
    private readonly Dictionary<uint, Decoded> decoded = [];

    /// <summary>
    /// Builds a domain of one vCPU in <paramref name="state"/> on <paramref name="model"/> (cortex-a57 when null) under
    /// <paramref name="controls"/> (the seed's policy when null).
    /// </summary>
    public RecordingReplay(ExecutionState state, CpuModel? model = null, RecordingControls? controls = null)
    {
        domain = new Domain([state], model: model);
        domain.Build();
        var policy = controls ?? RecordingControls.Seed(state);
        var hypervisor = domain.Hypervisor;
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
        // By the control object itself: its qualified name is built on each call, and a trap allocates nothing.
        var perControl = new Dictionary<TrapControl, int>(ReferenceEqualityComparer.Instance);
        var controlOrder = new List<TrapControl>();
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
            if (!Sctlr.IsMmuEnabled(domain.Hypervisor.Hardware.SCTLR_EL1))
            {
                beforeMmu++;
            }

            if ((trap.HcrBefore & DcAndTvm) != 0 && (trap.HcrAfter & DcAndTvm) == 0)
            {
                recordedDrop ??= index;
            }

            var control = ReplayOne(trap, index, differences, out var dropped);
            if (dropped)
            {
                replayedDrop ??= index;
            }

            if (control is not null)
            {
                if (perControl.TryGetValue(control, out var count))
                {
                    perControl[control] = count + 1;
                }
                else
                {
                    perControl[control] = 1;
                    controlOrder.Add(control);
                }
            }
        }

        var controls = controlOrder.ConvertAll(control => new KeyValuePair<string, int>(control.QualifiedName, perControl[control]));
        return new ReplayReport(replayed, calls, recordedDrop, replayedDrop, differences) { TrapsBeforeMmu = beforeMmu, TrapsPerControl = controls };
    }

    /// <summary>
    /// Replays <paramref name="wider"/>, recorded under a policy that traps more than this replay's controls, under those
    /// controls: each recorded access runs at its PC with its value, and TrapGen decides. One the narrower policy still
    /// traps is collected as its recording would hold it (the syndrome, the PC, the value moved, HCR_EL2 before and after,
    /// all TrapGen's); one it does not trap runs directly, which is counted, not a difference, and neither its value nor
    /// HCR_EL2 is compared (the wider policy's values, an identification register's sanitised one, are not the CPU's).
    /// The narrower policy's own recording of the same guest must then hold exactly <see cref="NarrowingReport.Trapped"/>,
    /// when the guest took the same path under both.
    /// </summary>
    public NarrowingReport Narrow(IEnumerable<RecordedTrap> wider)
    {
        ArgumentNullException.ThrowIfNull(wider);
        var trapped = new List<RecordedTrap>();
        var differences = new List<ReplayDifference>();
        int direct = 0, calls = 0, index = -1;
        var hypervisor = domain.Hypervisor;
        foreach (var trap in wider)
        {
            index++;
            if (EsrFields.GetEC(trap.Esr) is HvcAarch64 or HvcAarch32)
            {
                calls++;
                continue;
            }

            var instruction = DecodeOnce(trap.Esr);
            if (!instruction.Valid)
            {
                Differ(differences, index, trap, "syndrome", Hex(trap.Esr), "not an access of this guest's execution state that TrapGen decodes");
                continue;
            }

            var access = instruction.Access;
            var vcpu = domain.Current;
            vcpu.Pc = trap.Pc;
            if (!access.IsRead && access.Class.Form is not null)
            {
                TransferRegisters.Write(vcpu, access, trap.Value);
            }

            var before = hypervisor.Hcr.Value;
            var execution = domain.Cpu.Execute(instruction.Word);
            if (execution.Kind == ExecutionKind.Direct)
            {
                direct++;
                continue;
            }

            if (!execution.Trapped)
            {
                Differ(differences, index, trap, "decision", "trap or direct", execution.Kind + (execution.Undefined != UndefinedReason.None ? " (" + execution.Undefined + ")" : string.Empty));
                continue;
            }

            if (execution.Outcome is not (TrapOutcome.Handled or TrapOutcome.SmcNotSupported))
            {
                Differ(differences, index, trap, "outcome", "handled", execution.Outcome?.ToString() ?? "none");
            }

            var moved = access.IsRead && access.Class.Form is not null ? TransferRegisters.Read(vcpu, access) : trap.Value;
            trapped.Add(new RecordedTrap(execution.Esr, trap.Pc, moved, before, hypervisor.Hcr.Value));
        }

        return new NarrowingReport(trapped, direct, calls, differences);
    }

    /// <summary>
    /// Replays one trap: the instruction its syndrome names, at its PC, with its value in the source register of a write.
    /// Returns the control that trapped it in TrapGen (null when TrapGen did not trap it); <paramref name="dropped"/>
    /// says whether TrapGen's hypervisor cleared HCR_EL2.DC or TVM for the guest's MMU enable (update_sctlr).
    /// </summary>
    private TrapControl? ReplayOne(in RecordedTrap trap, int index, List<ReplayDifference> differences, out bool dropped)
    {
        dropped = false;
        var hypervisor = domain.Hypervisor;
        var hcr = hypervisor.Hcr.Value;
        if (hcr != trap.HcrBefore)
        {
            Differ(differences, index, trap, "HCR_EL2 before the trap", Hex(trap.HcrBefore), Hex(hcr));
        }

        var instruction = DecodeOnce(trap.Esr);
        if (!instruction.Valid)
        {
            Differ(differences, index, trap, "syndrome", Hex(trap.Esr), "not an access of this guest's execution state that TrapGen decodes");
            return null;
        }

        var access = instruction.Access;
        var vcpu = domain.Current;
        vcpu.Pc = trap.Pc;
        if (!access.IsRead && access.Class.Form is not null)
        {
            TransferRegisters.Write(vcpu, access, trap.Value);
        }

        var execution = domain.Cpu.Execute(instruction.Word);
        var after = hypervisor.Hcr.Value;
        if (!execution.Trapped)
        {
            Differ(differences, index, trap, "decision", "trap", execution.Kind + (execution.Undefined != UndefinedReason.None ? " (" + execution.Undefined + ")" : string.Empty));
            return null;
        }

        // The seed's update_sctlr clears DC and TVM (under a fine-grained SCTLR_EL1 trap instead of TVM, DC alone).
        dropped = (hcr & ~after & DcAndTvm) != 0;

        // The monitor handled every trap it recorded: TrapGen must too (a trapped SMC is answered by its hypervisor,
        // not by the catalogue; the answer is the firmware's and is not compared).
        if (execution.Outcome is not (TrapOutcome.Handled or TrapOutcome.SmcNotSupported))
        {
            Differ(differences, index, trap, "outcome", "handled", execution.Outcome?.ToString() ?? "none");
        }

        if (execution.Esr != trap.Esr)
        {
            Differ(differences, index, trap, "syndrome", Hex(trap.Esr), Hex(execution.Esr));
        }

        // A read's value, as it reached the guest's register(s); a write moved the recorded value by construction.
        if (access.IsRead && execution.Outcome == TrapOutcome.Handled && access.Class.Form is not null && TransferRegisters.Read(vcpu, access) is var read && read != trap.Value)
        {
            Differ(differences, index, trap, "value read (" + TrapReport.DisplayName(execution.Esr) + ")", Hex(trap.Value), Hex(read));
        }

        if (after != trap.HcrAfter)
        {
            Differ(differences, index, trap, "HCR_EL2 after the trap", Hex(trap.HcrAfter), Hex(after));
        }

        return execution.Control;
    }

    private Decoded DecodeOnce(uint esr)
    {
        if (!decoded.TryGetValue(esr, out var instruction))
        {
            instruction = Decode(esr);
            decoded[esr] = instruction;
        }

        return instruction;
    }

    private Decoded Decode(uint esr)
    {
        var aarch64 = State == ExecutionState.Aarch64;
        if (!SyndromeDecoder.TryDecode(esr, out var access, out _) || !access.Class.Reports(aarch64))
        {
            return default;
        }

        // A class of either state (WFI) reports no state: the recording's guest says which.
        if (access.Class.State == TrapClassState.Either && access.Instruction is { TakesRegister: false })
        {
            access = access with { InstructionSet = aarch64 ? InstructionSet.A64 : InstructionSet.A32 };
        }

        return new Decoded(true, access, InstructionEncoder.Encode(access));
    }

    private static void Differ(List<ReplayDifference> differences, int index, in RecordedTrap trap, string what, string recorded, string replayed) =>
        differences.Add(new ReplayDifference(index, trap.Pc, what, recorded, replayed));

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>A syndrome decoded: the access and the instruction word that makes it, or not <see cref="Valid"/>.</summary>
    private readonly record struct Decoded(bool Valid, SystemRegisterAccess Access, uint Word);
}
