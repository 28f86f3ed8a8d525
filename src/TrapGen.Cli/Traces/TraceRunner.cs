using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Runtime;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Instructions;
using TrapGen.Runtime.Traps;

namespace TrapGen.Cli.Traces;

/// <summary>Replays a trace through the runtime and prints each instruction, the value it moved, and a summary.</summary>
internal sealed class TraceRunner(TextWriter output, UnhandledAccessPolicy policy, TraceProgress? progress = null)
{
    /// <summary>One line per instruction: pc, instruction, outcome, register, the value moved and a note (docs/traces.md).</summary>
    private static readonly CompositeFormat LineFormat = CompositeFormat.Parse("  {0:x8}  {1,-30} {2,-10} {3,-16} {4}{5}");

    /// <summary>The header naming <see cref="LineFormat"/>'s columns, printed once per trace.</summary>
    private static readonly CompositeFormat HeaderFormat = CompositeFormat.Parse("  {0,-8}  {1,-30} {2,-10} {3,-16} {4}{5}");

    /// <summary>
    /// Runs <paramref name="steps"/> as they come (a trace is parsed while it runs, so any length runs in
    /// bounded memory): the leading guest steps build the domain, the rest run on it.
    /// </summary>
    public TraceSummary Run(IEnumerable<TraceStep> steps, string name)
    {
        var guests = new List<GuestStep>();
        var summary = new TraceSummary();
        Domain? domain = null;
        foreach (var step in steps)
        {
            if (step is GuestStep guest)
            {
                guests.Add(guest);
                continue;
            }

            domain ??= Start(guests, name);
            switch (step)
            {
                case SwitchStep s:
                    domain.SwitchTo(s.Vcpu);
                    PrintVcpu(domain);
                    break;
                case FlagsStep f:
                    domain.Current.Flags = f.Flags;
                    break;
                case HcrStep h:
                    var hcr = domain.Hypervisor.Hcr;
                    hcr.Value = (hcr.Value & ~h.Clear) | h.Set;
                    PrintHcr(domain);
                    break;
                case TimerStep t:
                    if (domain.Current.Timer.Count > ulong.MaxValue - t.Ticks)
                    {
                        throw new CliException(At(name, t) + "the physical counter would pass 2^64 - 1 (it is 0x" + domain.Current.Timer.Count.ToString("x", CultureInfo.InvariantCulture) + "); a 64-bit counter does not wrap in any real run");
                    }

                    domain.Current.Timer.Advance(t.Ticks);
                    break;
                case InstructionStep i:
                    Execute(domain, guests[domain.Current.Id].Thumb, i, summary, name);
                    break;
            }

            progress?.Advance();
            if (domain.IsCrashed)
            {
                summary.Crashed = true;
                output.WriteLine("  the domain was crashed; the trace stops here");
                break;
            }
        }

        domain ??= Start(guests, name);
        progress?.Finish();
        PrintSummary(domain, summary, name);
        return summary;
    }

    /// <summary>Builds the domain of the declared guests and prints its first state.</summary>
    private Domain Start(List<GuestStep> guests, string name)
    {
        var domain = new Domain(guests.Select(g => g.State).ToList(), policy);
        domain.Build();
        output.WriteLine("Trace " + name + ": " + guests.Count.ToString(CultureInfo.InvariantCulture) + " vCPU(s); the domain is built with HCR_EL2.DC and TVM set (the guest's MMU is off)");
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, HeaderFormat, "pc", "instruction", "outcome", "register", "value", "  note").TrimEnd());
        PrintVcpu(domain);
        return domain;
    }

    private void Execute(Domain domain, bool thumb, InstructionStep step, TraceSummary summary, string name)
    {
        var vcpu = domain.Current;
        var hypervisor = domain.Hypervisor;
        var instructionSet = vcpu.ExecutionState == ExecutionState.Aarch64 ? InstructionSet.A64 : thumb ? InstructionSet.T32 : InstructionSet.A32;
        if (step.WrittenAs is { } writtenAs && (writtenAs == InstructionSet.A64) != (instructionSet == InstructionSet.A64))
        {
            throw new CliException(At(name, step) + (writtenAs == InstructionSet.A64
                ? "this is an A64 instruction (msr, mrs, sys, dc, ic, tlbi, at, smc), but vCPU " + vcpu.Id.ToString(CultureInfo.InvariantCulture) + " is AArch32; it moves system registers with mcr, mrc, mcrr and mrrc (an AArch32 smc is 'a32 smc #<imm>')"
                : "this is an AArch32 instruction (mcr, mrc, mcrr, mrrc, vmrs, a32 smc), but vCPU " + vcpu.Id.ToString(CultureInfo.InvariantCulture) + " is AArch64; it moves system registers with msr and mrs"));
        }

        var decoded = InstructionDecoder.TryDecode(step.Word, instructionSet, out var access);
        if (step.Value is { } value)
        {
            if (!decoded || access.IsRead)
            {
                throw new CliException(At(name, step) + "'= value' belongs to a write, and this is not one on this vCPU");
            }

            TransferRegisters.Write(vcpu.Registers, access, value);
        }

        var pc = vcpu.Pc;
        var undefinedBefore = vcpu.UndefinedExceptions;
        var mmuWasOn = Sctlr.IsMmuEnabled(hypervisor.Hardware.SCTLR_EL1);
        var trapsWritesBefore = hypervisor.Hcr.TrapVirtualMemoryWrites;
        var cleansBefore = vcpu.GuestMemoryCleans;
        var cacheableBefore = hypervisor.Hcr.DefaultCacheable;
        var result = domain.Cpu.Execute(step.Word, thumb);
        var text = decoded
            ? SystemInstructionSyntax.Format(access)
            : BarrierSyntax.TryFormat(step.Word, instructionSet, out var barrier) ? barrier : CliHex.Word(step.Word);
        var counts = summary.Vcpus.GetValueOrDefault(vcpu.Id);
        var register = decoded ? TrapReport.DisplayName(result.Esr) ?? string.Empty : string.Empty;
        if (result.Trapped)
        {
            counts = mmuWasOn ? counts with { TrapsAfterMmu = counts.TrapsAfterMmu + 1 } : counts with { TrapsBeforeMmu = counts.TrapsBeforeMmu + 1 };
            summary.CountTrap(register, result.Control?.QualifiedName ?? "?");
        }
        else if (result.Kind == ExecutionKind.Direct)
        {
            counts = counts with { Direct = counts.Direct + 1 };
        }

        summary.Vcpus[vcpu.Id] = counts;
        var moved = decoded && result.Kind is ExecutionKind.Trapped or ExecutionKind.Direct && result.Outcome is null or TrapOutcome.Handled && MovesAValue(access)
            ? (access.IsRead ? "=> " : "<= ") + Moved(vcpu, access)
            : string.Empty;
        var note = trapsWritesBefore && !hypervisor.Hcr.TrapVirtualMemoryWrites ? (cacheableBefore ? "  MMU on: HCR_EL2.DC and TVM cleared" : "  MMU on: HCR_EL2.TVM cleared")
            : vcpu.GuestMemoryCleans != cleansBefore ? "  set/way: the guest's memory cleaned, HCR_EL2.TVM set"
            : Why(result);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, LineFormat, pc, text, Describe(result), register, moved, note).TrimEnd());

        // The guest's undefined-instruction handler is not emulated: it is taken to skip the instruction.
        if (vcpu.UndefinedExceptions != undefinedBefore)
        {
            vcpu.Pc += 4;
        }

        if (result.Outcome is TrapOutcome.UnhandledUndefined or TrapOutcome.UnhandledCrash)
        {
            summary.Unknown.Add(TrapReport.LogLine(result.Esr, pc));
            output.WriteLine("      unhandled " + TrapReport.LogLine(result.Esr, pc));
            foreach (var line in TrapReport.CatalogueEntry(result.Esr)?.Split('\n') ?? [])
            {
                output.WriteLine("      " + line);
            }
        }
    }

    /// <summary>False for a System instruction that takes no register (tlbi vmalle1, ic iallu): it moves nothing.</summary>
    private static bool MovesAValue(in SystemRegisterAccess access) =>
        !(access.TryFindSystemInstruction(out var instruction) && !instruction.TakesRegister);

    private static string Moved(Vcpu vcpu, in SystemRegisterAccess access)
    {
        var value = TransferRegisters.Read(vcpu.Registers, access);
        return TransferRegisters.Width(access) == 32 ? CliHex.Word((uint)value) : CliHex.Doubleword(value);
    }

    /// <summary>The outcome column; docs/traces.md explains each label.</summary>
    private static string Describe(ExecutionResult result) => (result.Kind, result.Outcome) switch
    {
        (ExecutionKind.Trapped, TrapOutcome.ConditionFailed) => "trap:skip",
        (ExecutionKind.Trapped, TrapOutcome.Undefined) => "trap:UNDEF",
        (ExecutionKind.Trapped, TrapOutcome.UnhandledUndefined) => "unhandled",
        (ExecutionKind.Trapped, TrapOutcome.UnhandledCrash) => "crash",
        (ExecutionKind.Trapped, _) => "trap",
        (ExecutionKind.Direct, _) => "direct",
        (ExecutionKind.ConditionFailed, _) => "skip",
        (ExecutionKind.UndefinedAtEl1, _) => "UNDEF@EL1",
        _ => "other",
    };

    /// <summary>Why an access trapped, when not because of HCR_EL2 (the vCPU line shows that), or why it was UNDEFINED at EL1.</summary>
    private static string Why(ExecutionResult result) => result.Control is { Register: not HcrEl2.Name } control
        ? "  (" + control.QualifiedName + (control.TrapsWhenSet ? " set)" : " clear)")
        : result.Outcome == TrapOutcome.SmcNotSupported ? "  no SMC service: NOT_SUPPORTED (-1) in x0/r0, as KVM answers"
        : Why(result.Undefined);

    /// <summary>Why an access was UNDEFINED at EL1, for the line's note.</summary>
    private static string Why(UndefinedReason reason) => reason switch
    {
        UndefinedReason.Unallocated => "  (no register has this encoding)",
        UndefinedReason.HigherExceptionLevel => "  (EL2/EL3 state)",
        UndefinedReason.WrongDirection => "  (the register does not allow this direction)",
        UndefinedReason.Unpredictable => "  (UNPREDICTABLE form)",
        _ => string.Empty,
    };

    private static string Counts(List<KeyValuePair<string, int>> counts) => counts.Count == 0
        ? "none"
        : string.Join(", ", counts.Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The start of an error about one trace line: <c>test.trace(4): </c>.</summary>
    private static string At(string name, TraceStep step) => name + "(" + step.Line.ToString(CultureInfo.InvariantCulture) + "): ";

    private void PrintVcpu(Domain domain)
    {
        var hcr = domain.Hypervisor.Hcr;
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "vCPU {0} ({1}): HCR_EL2.DC {2}, TVM {3}",
            domain.Current.Id,
            domain.Current.ExecutionState == ExecutionState.Aarch64 ? "AArch64" : "AArch32",
            hcr.DefaultCacheable ? "set" : "clear",
            hcr.TrapVirtualMemoryWrites ? "set" : "clear"));
    }

    /// <summary>After an <c>hcr</c> line: DC and every HCR_EL2 trap control that is set.</summary>
    private void PrintHcr(Domain domain)
    {
        var value = domain.Hypervisor.Hcr.Value;
        var set = TrapControls.All.Where(c => c.Register == HcrEl2.Name && ((value >> c.Bit) & 1) != 0).Select(c => c.Name).ToList();
        output.WriteLine("HCR_EL2: DC " + (((value >> HcrEl2.DC) & 1) != 0 ? "set" : "clear") + "; trap controls set: " + (set.Count == 0 ? "none" : string.Join(", ", set)));
    }

    private void PrintSummary(Domain domain, TraceSummary summary, string name)
    {
        output.WriteLine("Summary of " + name);
        foreach (var vcpu in domain.Vcpus)
        {
            var counts = summary.Vcpus.GetValueOrDefault(vcpu.Id);
            output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "  vCPU {0} ({1}): {2} trap(s) before its MMU was enabled, {3} after; {4} direct access(es); {5} UNDEF(s) injected",
                vcpu.Id,
                vcpu.ExecutionState == ExecutionState.Aarch64 ? "AArch64" : "AArch32",
                counts.TrapsBeforeMmu,
                counts.TrapsAfterMmu,
                counts.Direct,
                vcpu.UndefinedExceptions));
        }

        output.WriteLine("  traps per control: " + Counts(summary.TrapsPerControl));
        output.WriteLine("  traps per register: " + Counts(summary.TrapsPerRegister));
        output.WriteLine("  unknown accesses: " + (summary.Unknown.Count == 0 ? "none" : summary.Unknown.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var unknown in summary.Unknown)
        {
            output.WriteLine("    " + unknown);
        }
    }
}
