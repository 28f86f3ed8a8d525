using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Guests;
using TrapGen.Runtime.Traps;

namespace TrapGen.Cli.Traces;

/// <summary>
/// Replays a trace: the runtime's <see cref="GuestProgramExecutor"/> runs each step, and the runner
/// prints what it did (<see cref="TracePrinter"/>) and turns a refused step into an error naming the line.
/// </summary>
internal sealed class TraceRunner(TextWriter output, UnhandledAccessPolicy policy, TraceProgress? progress = null, CpuModel? cpu = null)
{
    private readonly TracePrinter printer = new(output);

    /// <summary>
    /// Runs <paramref name="lines"/> as they come (a trace is parsed while it runs, so any length runs in
    /// bounded memory): the leading guest lines build the domain, the rest run on it. Returns what the run counted.
    /// </summary>
    public GuestProgramCounts Run(IEnumerable<TraceLine> lines, string name)
    {
        var guests = new List<GuestVcpu>();
        CpuModel? named = null;
        GuestProgramExecutor? executor = null;
        foreach (var line in lines)
        {
            if (line is GuestLine guest)
            {
                if (guest.Model is { } model)
                {
                    if (named is not null && named != model)
                    {
                        throw new CliException(name + "(" + line.Number.ToString(CultureInfo.InvariantCulture) + "): a domain runs on one CPU model: an earlier guest line named " + named.Name + ", this one " + model.Name);
                    }

                    named = model;
                }

                guests.Add(guest.Vcpu);
                continue;
            }

            var step = ((StepLine)line).Step;
            executor ??= Start(guests, named ?? cpu, name);
            var result = executor.Execute(step);
            if (!result.Ran)
            {
                throw new CliException(name + "(" + line.Number.ToString(CultureInfo.InvariantCulture) + "): " + Refused(executor, step, result.Refusal));
            }

            Print(executor, step, result);
            progress?.Advance();
            if (result.DomainCrashed)
            {
                printer.Crashed();
                break;
            }
        }

        executor ??= Start(guests, named ?? cpu, name);
        progress?.Finish();
        printer.Summary(executor, name);
        return executor.Counts;
    }

    /// <summary>Builds the domain of the declared guests and prints its first state.</summary>
    private GuestProgramExecutor Start(List<GuestVcpu> guests, CpuModel? model, string name)
    {
        model ??= CpuModels.Default;
        if (!model.HasAarch32El1 && guests.Exists(g => g.State == Runtime.Cpu.ExecutionState.Aarch32))
        {
            throw new CliException(name + ": " + model.Name + " has no AArch32 at EL1 (ID_AA64PFR0_EL1.EL1 is 0b0001): it cannot run an AArch32 guest");
        }

        var executor = new GuestProgramExecutor(guests, policy, model);
        printer.Header(name, guests.Count, model);
        printer.Vcpu(executor.Domain);
        return executor;
    }

    private void Print(GuestProgramExecutor executor, GuestStep step, StepResult result)
    {
        switch (step)
        {
            case SwitchVcpuStep:
                printer.Vcpu(executor.Domain);
                break;
            case ChangeHcrStep:
                printer.ControlRegister(HcrEl2.Name, result.Hcr.After, executor.Domain.Hypervisor.Model);
                break;
            case ChangeControlRegisterStep c:
                printer.ControlRegister(c.Register, executor.Domain.Hypervisor.ControlRegister(c.Register), executor.Domain.Hypervisor.Model);
                break;
            case InstructionStep when result.Instruction is { } instruction:
                printer.Instruction(instruction, result.Hcr);
                break;
        }
    }

    /// <summary>Why the runtime refused <paramref name="step"/>, as the error names it.</summary>
    private static string Refused(GuestProgramExecutor executor, GuestStep step, StepRefusal refusal)
    {
        var vcpu = executor.Domain.Current;
        var id = vcpu.Id.ToString(CultureInfo.InvariantCulture);
        return refusal switch
        {
            StepRefusal.CounterWouldOverflow => "the physical counter would pass 2^64 - 1 (it is 0x" + vcpu.Timer.Count.ToString("x", CultureInfo.InvariantCulture) + "); a 64-bit counter does not wrap in any real run",
            StepRefusal.WrongInstructionSet when step is InstructionStep { WrittenAs: InstructionSet.A64 } =>
                "this is an A64 instruction (msr, mrs, sys, dc, ic, tlbi, at, smc, wfi, wfe, wfit, wfet), but vCPU " + id + " is AArch32; it moves system registers with mcr, mrc, mcrr and mrrc (an AArch32 smc is 'a32 smc #<imm>', its wfi 'a32 wfi')",
            StepRefusal.WrongInstructionSet => "this is an AArch32 instruction (mcr, mrc, mcrr, mrrc, vmrs, a32 smc), but vCPU " + id + " is AArch64; it moves system registers with msr and mrs",
            StepRefusal.ValueWithoutWrite => "'= value' belongs to a write, and this is not one on this vCPU",
            StepRefusal.NotPerformed => "this 64-byte load or store does not trap (its HCRX_EL2 enable, EnALS, EnASR or EnAS0, is 1) and would access memory as one single-copy atomic 64-byte access, which only the IMPLEMENTATION DEFINED locations that support it (a device's) take; the emulated machine has none, so it cannot run it: clear the enable to trap it",
            StepRefusal.ExceptionReturnNotModelled =>
                "this exception return did not trap, and where it goes is not modelled: TrapGen returns to EL1 in AArch64 alone (SPSR_EL1.M 0b00100 EL1t or 0b00101 EL1h: "
                + "PC from ELR_EL1, NZCV from SPSR_EL1), with ERET or with an ERETAA or ERETAB whose key SCTLR_EL1 disables; a return to EL0 or AArch32, an illegal return "
                + "and the authentication of ELR_EL1 are not modelled",
            StepRefusal.GuardedControlStackNotModelled =>
                "this Guarded Control Stack instruction did not trap and would use what the emulated machine does not model: the guest's Guarded Control Stack "
                + "(GCSEnabled(EL1): HCRX_EL2.GCSEn and GCSCR_EL1.PCRSEL are 1), or PSTATE.EXLOCK (GCSPUSHX and GCSPOPCX with GCSCR_EL1.EXLOCKEN 1); "
                + "with the stack disabled it does nothing, and its HFGITR_EL2 field (nGCSPUSHM_EL1, nGCSEPP), while 0, traps it",
            StepRefusal.GuardedControlStackStoreNotModelled =>
                "this GCSSTR or GCSSTTR did not trap and would write the guest's Guarded Control Stack memory, which the emulated machine does not model: "
                + "GCSCR_EL1.STREn 0 takes it to the guest's EL1, and HFGITR_EL2.nGCSSTR_EL1 0 traps it to EL2 (GCSSTTR only while HCR_EL2.NV and NV1 are 1: "
                + "PSTATE.UAO is taken as 0, so otherwise it is an unprivileged store that nothing traps)",
            _ => "the domain has no vCPU " + (step is SwitchVcpuStep s ? s.Vcpu.ToString(CultureInfo.InvariantCulture) : "?") + "; it has " + executor.Domain.Vcpus.Count.ToString(CultureInfo.InvariantCulture),
        };
    }
}
