using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Guests;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>The guest program executor: each step's effect on the machine and what it reports, as values.</summary>
public sealed class GuestProgramExecutorTests
{
    private const ulong SctlrWithMmu = 0x30D0_0801;

    private static readonly GuestVcpu Aarch64 = new(ExecutionState.Aarch64);

    private static readonly GuestVcpu Aarch32 = new(ExecutionState.Aarch32);

    [Fact]
    public void A_write_under_tvm_traps_moves_its_value_and_is_counted_before_the_mmu()
    {
        var executor = new GuestProgramExecutor([Aarch64]);

        var result = executor.Execute(Instruction("msr mair_el1, x5", 0xFF44_04FF_00));

        Assert.True(result.Ran);
        var instruction = Assert.NotNull(result.Instruction);
        Assert.Equal(0UL, instruction.Pc);
        Assert.Equal("msr mair_el1, x5", instruction.Syntax);
        Assert.Equal(ExecutionKind.Trapped, instruction.Execution.Kind);
        Assert.Equal(TrapOutcome.Handled, instruction.Execution.Outcome);
        Assert.Equal(TrapControls.TVM, instruction.Execution.Control);
        Assert.Equal("MAIR_EL1", instruction.Register);
        Assert.Equal(new MovedValue(IsRead: false, 64, 0xFF44_04FF_00), instruction.Moved);
        Assert.Equal(0xFF44_04FF_00UL, executor.Domain.Hypervisor.Hardware.MAIR_EL1);
        Assert.Equal(HcrChangeCause.None, result.Hcr.Cause);
        Assert.Equal(new VcpuTrapCounts(1, 0, 0), executor.Counts.Of(0));
        Assert.Equal([new KeyValuePair<string, int>("HCR_EL2.TVM", 1)], executor.Counts.TrapsPerControl);
        Assert.Equal([new KeyValuePair<string, int>("MAIR_EL1", 1)], executor.Counts.TrapsPerRegister);
    }

    [Fact]
    public void Enabling_the_mmu_clears_dc_and_tvm_and_later_accesses_run_directly()
    {
        var executor = new GuestProgramExecutor([Aarch64]);

        var enable = executor.Execute(Instruction("msr sctlr_el1, x0", SctlrWithMmu));
        var after = executor.Execute(Instruction("msr ttbr0_el1, x1", 0x1000));
        var read = executor.Execute(Instruction("mrs x2, sctlr_el1"));

        Assert.Equal(HcrChangeCause.MmuEnabled, enable.Hcr.Cause);
        Assert.Equal((1UL << HcrEl2.DC) | (1UL << TrapControls.TVM.Bit), enable.Hcr.Cleared);
        Assert.Equal(0UL, enable.Hcr.Set);
        Assert.Equal(ExecutionKind.Direct, after.Instruction?.Execution.Kind);
        Assert.Equal(new MovedValue(IsRead: true, 64, SctlrWithMmu), read.Instruction?.Moved);
        Assert.Equal(new VcpuTrapCounts(1, 0, 2), executor.Counts.Of(0));
    }

    [Fact]
    public void A_trap_with_the_mmu_on_is_counted_after_it()
    {
        var executor = new GuestProgramExecutor([Aarch64]);
        executor.Execute(Instruction("msr sctlr_el1, x0", SctlrWithMmu));

        var result = executor.Execute(Instruction("mrs x1, cntpct_el0"));

        Assert.Equal(TrapControls.EL1PCTEN, result.Instruction?.Execution.Control);
        Assert.Equal(new VcpuTrapCounts(1, 1, 0), executor.Counts.Of(0));
        Assert.Equal(["HCR_EL2.TVM", "CNTHCTL_EL2.EL1PCTEN"], Names(executor.Counts.TrapsPerControl));
    }

    [Fact]
    public void A_program_hcr_change_sets_and_clears_the_bits_it_names()
    {
        var executor = new GuestProgramExecutor([Aarch64]);
        var before = executor.Domain.Hypervisor.Hcr.Value;
        var tid3 = 1UL << TrapControls.TID3.Bit;
        var dc = 1UL << HcrEl2.DC;

        var result = executor.Execute(new ChangeHcrStep(Set: tid3, Clear: dc));

        Assert.Equal(new HcrChange(before, (before & ~dc) | tid3, HcrChangeCause.Program), result.Hcr);
        Assert.Equal(tid3, result.Hcr.Set);
        Assert.Equal(dc, result.Hcr.Cleared);
        Assert.Null(result.Instruction);
        Assert.Equal(TrapControls.TID3, executor.Execute(Instruction("mrs x1, id_aa64pfr0_el1")).Instruction?.Execution.Control);
    }

    [Fact]
    public void A_set_way_operation_under_tsw_cleans_the_guests_memory_and_sets_tvm()
    {
        var executor = new GuestProgramExecutor([Aarch64]);
        executor.Execute(new ChangeHcrStep(Set: 1UL << TrapControls.TSW.Bit, Clear: (1UL << HcrEl2.DC) | (1UL << TrapControls.TVM.Bit)));

        var first = executor.Execute(Instruction("dc cisw, x11"));
        var second = executor.Execute(Instruction("dc cisw, x11"));

        Assert.Equal(HcrChangeCause.SetWayClean, first.Hcr.Cause);
        Assert.Equal(1UL << TrapControls.TVM.Bit, first.Hcr.Set);
        Assert.Equal(HcrChangeCause.None, second.Hcr.Cause);
        Assert.Equal(1, executor.Domain.Current.GuestMemoryCleans);
        Assert.Equal("DC CISW", first.Instruction?.Register);
    }

    [Fact]
    public void A_context_switch_reports_the_hcr_of_the_incoming_vcpu()
    {
        var executor = new GuestProgramExecutor([Aarch64, Aarch32]);
        executor.Execute(Instruction("msr sctlr_el1, x0", SctlrWithMmu));

        var result = executor.Execute(new SwitchVcpuStep(1));

        Assert.Equal(HcrChangeCause.ContextSwitch, result.Hcr.Cause);
        Assert.Equal((1UL << HcrEl2.DC) | (1UL << TrapControls.TVM.Bit), result.Hcr.Set & ((1UL << HcrEl2.DC) | (1UL << TrapControls.TVM.Bit)));
        Assert.Equal(1, executor.Domain.Current.Id);
        Assert.Equal(ExecutionKind.Trapped, executor.Execute(Instruction("mcr p15, 0, r0, c2, c0, 0", 0x4000)).Instruction?.Execution.Kind);
        Assert.Equal(new VcpuTrapCounts(1, 0, 0), executor.Counts.Of(1));
    }

    [Fact]
    public void A_failed_condition_on_aarch32_runs_nothing_and_moves_nothing()
    {
        var executor = new GuestProgramExecutor([Aarch32]);
        executor.Execute(new SetFlagsStep(new ConditionFlags { Z = true }));

        var result = executor.Execute(Instruction("mcrne p15, 0, r0, c1, c0, 0", 1));

        Assert.Equal(TrapOutcome.ConditionFailed, result.Instruction?.Execution.Outcome);
        Assert.Null(result.Instruction?.Moved);
        Assert.Equal(4UL, executor.Domain.Current.Pc);
    }

    [Fact]
    public void An_unhandled_trap_is_recorded_and_the_guests_undef_handler_skips_it()
    {
        var executor = new GuestProgramExecutor([Aarch32]);
        executor.Execute(new ChangeHcrStep(Set: 1UL << TrapControls.TTLB.Bit, Clear: 0));

        var result = executor.Execute(Instruction("mcr p15, 0, r0, c8, c7, 0"));

        var instruction = Assert.NotNull(result.Instruction);
        Assert.True(instruction.IsUnhandled);
        Assert.Equal(TrapOutcome.UnhandledUndefined, instruction.Execution.Outcome);
        Assert.Null(instruction.Moved);
        Assert.False(result.DomainCrashed);
        Assert.Equal([new UnhandledAccess(instruction.Execution.Esr, 0)], executor.Counts.Unhandled);
        Assert.Equal(1, executor.Domain.Current.UndefinedExceptions);
        Assert.Equal(4UL, executor.Domain.Current.Pc);
    }

    [Fact]
    public void An_unhandled_trap_under_the_crash_policy_crashes_the_domain()
    {
        var executor = new GuestProgramExecutor([Aarch32], UnhandledAccessPolicy.CrashDomain);
        executor.Execute(new ChangeHcrStep(Set: 1UL << TrapControls.TTLB.Bit, Clear: 0));

        var result = executor.Execute(Instruction("mcr p15, 0, r0, c8, c7, 0"));

        Assert.Equal(TrapOutcome.UnhandledCrash, result.Instruction?.Execution.Outcome);
        Assert.True(result.DomainCrashed);
        Assert.Single(executor.Counts.Unhandled);
    }

    [Fact]
    public void An_access_undefined_at_el1_is_skipped_by_the_guest_and_not_counted_as_a_trap()
    {
        var executor = new GuestProgramExecutor([Aarch64]);

        var result = executor.Execute(Instruction("mrs x0, hcr_el2"));

        Assert.Equal(new ExecutionResult(ExecutionKind.UndefinedAtEl1, result.Instruction!.Value.Execution.Esr, Undefined: UndefinedReason.HigherExceptionLevel), result.Instruction.Value.Execution);
        Assert.Null(result.Instruction.Value.Moved);
        Assert.Equal(4UL, executor.Domain.Current.Pc);
        Assert.Equal(default, executor.Counts.Of(0));
        Assert.Empty(executor.Counts.TrapsPerControl);
    }

    [Fact]
    public void A_system_instruction_that_takes_no_register_moves_nothing()
    {
        var executor = new GuestProgramExecutor([Aarch64]);

        var result = executor.Execute(Instruction("tlbi vmalle1"));

        Assert.Equal(ExecutionKind.Direct, result.Instruction?.Execution.Kind);
        Assert.Equal("TLBI VMALLE1", result.Instruction?.Register);
        Assert.Null(result.Instruction?.Moved);
        Assert.Equal(new VcpuTrapCounts(0, 0, 1), executor.Counts.Of(0));
    }

    [Theory]
    [InlineData(0xD503_3F9Fu, "dsb sy")]
    [InlineData(0xD503_201Fu, "nop")]
    [InlineData(0x8B02_0020u, null)]
    public void A_word_that_is_no_system_access_runs_as_other_and_is_named_when_the_runtime_knows_it(uint word, string? syntax)
    {
        var executor = new GuestProgramExecutor([Aarch64]);

        var result = executor.Execute(new InstructionStep(word));

        var instruction = Assert.NotNull(result.Instruction);
        Assert.Equal(word, instruction.Word);
        Assert.Equal(syntax, instruction.Syntax);
        Assert.Equal(ExecutionKind.NotASystemRegisterAccess, instruction.Execution.Kind);
        Assert.Null(instruction.Register);
        Assert.Equal(4UL, executor.Domain.Current.Pc);
    }

    [Fact]
    public void A_counter_that_would_pass_two_to_the_64_is_refused_and_left_alone()
    {
        var executor = new GuestProgramExecutor([Aarch64]);
        Assert.True(executor.Execute(new AdvanceTimerStep(ulong.MaxValue - 5)).Ran);

        var result = executor.Execute(new AdvanceTimerStep(6));

        Assert.Equal(StepRefusal.CounterWouldOverflow, result.Refusal);
        Assert.Equal(ulong.MaxValue - 5, executor.Domain.Current.Timer.Count);
        Assert.Equal(StepRefusal.None, executor.Execute(new AdvanceTimerStep(5)).Refusal);
    }

    [Fact]
    public void An_instruction_for_the_other_execution_state_is_refused_and_not_run()
    {
        var executor = new GuestProgramExecutor([Aarch32]);

        var result = executor.Execute(Instruction("msr sctlr_el1, x0", 1));

        Assert.Equal(StepRefusal.WrongInstructionSet, result.Refusal);
        Assert.Null(result.Instruction);
        Assert.Equal(0UL, executor.Domain.Current.Pc);
        Assert.Equal(0U, executor.Domain.Current.Registers.ReadR(0));
    }

    [Fact]
    public void A_value_for_a_read_is_refused_and_not_run()
    {
        var executor = new GuestProgramExecutor([Aarch64]);
        var read = Instruction("mrs x1, sctlr_el1");

        var result = executor.Execute(read with { Value = 5 });

        Assert.Equal(StepRefusal.ValueWithoutWrite, result.Refusal);
        Assert.Equal(0UL, executor.Domain.Current.Pc);
        Assert.Equal(0UL, executor.Domain.Current.Registers.ReadX(1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void A_switch_to_a_vcpu_the_program_did_not_declare_is_refused(int vcpu)
    {
        var executor = new GuestProgramExecutor([Aarch64, Aarch32]);

        var result = executor.Execute(new SwitchVcpuStep(vcpu));

        Assert.Equal(StepRefusal.NoSuchVcpu, result.Refusal);
        Assert.Equal(0, executor.Domain.Current.Id);
    }

    [Fact]
    public void A_thumb_vcpu_executes_t32()
    {
        var executor = new GuestProgramExecutor([new GuestVcpu(ExecutionState.Aarch32, Thumb: true)]);

        var result = executor.Execute(Instruction("mcr p15, 0, r0, c2, c0, 0", 0x4000, thumb: true));

        Assert.Equal("TTBR0", result.Instruction?.Register);
        Assert.Equal(new MovedValue(IsRead: false, 32, 0x4000), result.Instruction?.Moved);
    }

    /// <summary>The step running <paramref name="text"/>, assembled by the runtime's own syntax, with its value for a write.</summary>
    private static InstructionStep Instruction(string text, ulong? value = null, bool thumb = false)
    {
        Assert.True(SystemInstructionSyntax.TryParse(text, thumb, out var access, out var error), error);
        return new InstructionStep(InstructionEncoder.Encode(access), value, access.InstructionSet);
    }

    private static List<string> Names(IReadOnlyList<KeyValuePair<string, int>> counts) => [.. counts.Select(p => p.Key)];
}
