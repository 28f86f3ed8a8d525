using System.Collections.Generic;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Guests;
using TrapGen.Runtime.Recordings;
using TrapGen.Runtime.Traps;
using TrapGen.Testing.Qemu.Monitor;

namespace TrapGen.Runtime.Tests.Qemu;

/// <summary>
/// The policies the EL2 monitor boots the real guests under, from the runtime's <see cref="RecordingControls"/>: the
/// seed's, and the KVM-like one, whose identification reads the monitor answers with the values TrapGen's catalogue
/// gives them (the CPU model's, sanitised as registers.yaml says).
/// </summary>
internal static class RealGuestPolicies
{
    /// <summary>The registers whose trapped reads the CPU answers, not the policy: the cache the guest selected is the CPU's.</summary>
    private static readonly HashSet<string> PerformedOnTheCpu = ["CCSIDR_EL1", "CSSELR_EL1", "CCSIDR", "CSSELR"];

    /// <summary>Gets the policy called <paramref name="name"/> (seed, kvm-like) for a guest in <paramref name="state"/>, with its controls.</summary>
    public static (MonitorPolicy Policy, RecordingControls Controls) For(string name, ExecutionState state) => name switch
    {
        "seed" => (MonitorPolicy.Seed, RecordingControls.Seed(state)),
        "kvm-like" => KvmLike(state),
        _ => throw new KeyNotFoundException(name),
    };

    private static (MonitorPolicy, RecordingControls) KvmLike(ExecutionState state)
    {
        var controls = RecordingControls.KvmLike(state);
        var answered = AnsweredReads(state, controls);
        var policy = new MonitorPolicy("kvm-like", controls.Hcr & ~MonitorPolicy.RW, SeedRule: true)
        {
            Mdcr = controls.Mdcr,
            AnsweredReads64 = state == ExecutionState.Aarch64 ? answered : [],
            AnsweredReads32 = state == ExecutionState.Aarch32 ? answered : [],
        };
        return (policy, controls);
    }

    /// <summary>
    /// Every read of the identification space (op0 3, CRn 0 for MRS; cp15 c0 for MRC) that TrapGen traps under
    /// <paramref name="controls"/> and answers from its catalogue, with the value it answers.
    /// </summary>
    private static List<KeyValuePair<uint, ulong>> AnsweredReads(ExecutionState state, RecordingControls controls)
    {
        var replay = new GuestProgramExecutor([new GuestVcpu(state)]);
        var hypervisor = replay.Domain.Hypervisor;
        hypervisor.SetControlRegister("HCR_EL2", controls.Hcr);
        hypervisor.SetControlRegister("MDCR_EL2", controls.Mdcr);
        hypervisor.SetControlRegister("CNTHCTL_EL2", controls.Cnthctl);
        var answered = new List<KeyValuePair<uint, ulong>>();
        for (uint op1 = 0; op1 < 8; op1++)
        {
            for (uint crm = 0; crm < 8; crm++)
            {
                for (uint op2 = 0; op2 < 8; op2++)
                {
                    // mrs x0, s3_<op1>_c0_c<crm>_<op2>; mrc p15, <op1>, r0, c0, c<crm>, <op2>
                    var word = state == ExecutionState.Aarch64 ? 0xd5380000 | (op1 << 16) | (crm << 8) | (op2 << 5) : 0xee100f10 | (op1 << 21) | (op2 << 5) | crm;
                    var result = replay.Execute(new InstructionStep(word));
                    if (result.Instruction is { Execution: { Trapped: true, Outcome: TrapOutcome.Handled } execution, Moved: { } moved } instruction
                        && !PerformedOnTheCpu.Contains(instruction.Register ?? string.Empty))
                    {
                        answered.Add(new(execution.Esr, moved.Value));
                    }
                }
            }
        }

        return answered;
    }
}
