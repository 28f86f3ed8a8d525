using System.Collections.Generic;
using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// T32 IT blocks on the emulated CPU and its hypervisor (issue 26), against the Arm ARM: IT (F5.1.57) sets PSTATE.IT to
/// firstcond:mask; each instruction of the block runs under IT[7:4] and advances PSTATE.IT (AArch32.ITAdvance(), J1.2);
/// a trapped one is advanced past by the hypervisor, PSTATE.IT with it (KVM's kvm_adjust_itstate); and the ESR of a
/// trap from the block has CV 1 and COND the block's condition for that instruction (D24.2.46). Every word below is
/// GNU as's for the instruction in its comment, a 16-bit one in bits [31:16].
/// </summary>
public sealed class ItBlockTests
{
    private const ulong Start = 0x8000;

    /// <summary>HCR_EL2.TID3, bit 18.</summary>
    private const ulong Tid3 = 1UL << 18;

    /// <summary>mrc p15, 0, r1, c0, c1, 0: ID_PFR0, which HCR_EL2.TID3 traps.</summary>
    private const uint ReadIdPfr0 = 0xEE101F11;

    /// <summary>mrc p15, 4, r1, c1, c0, 0: HSCTLR, an EL2 register, UNDEFINED at EL1.</summary>
    private const uint ReadHsctlr = 0xEE911F10;

    /// <summary>mov r8, r8 (16-bit): no trap, no effect.</summary>
    private const uint Nop16 = 0x46C00000;

    /// <summary>The ESR_EL2 of <see cref="ReadIdPfr0"/> trapped with COND <paramref name="cond"/>: EC 0x03, IL 1, CV 1, Rt 1, CRm 1, read.</summary>
    private static uint IdPfr0Esr(uint cond) => 0x0F000023u | (cond << 20);

    [Theory]
    [InlineData(0xBF080000u, "it eq", 0x08)]
    [InlineData(0xBF1C0000u, "itt ne", 0x1C)]
    [InlineData(0xBF0C0000u, "ite eq", 0x0C)]
    [InlineData(0xBF150000u, "itete ne", 0x15)]
    [InlineData(0xBFA50000u, "ittet ge", 0xA5)]
    [InlineData(0xBFE80000u, "it al", 0xE8)]
    [InlineData(0xBFE40000u, "itt al", 0xE4)]
    public void An_it_word_reads_and_writes_as_gnu_as_writes_it_and_sets_pstate_it_to_firstcond_and_mask(uint word, string text, int itState)
    {
        Assert.True(Instructions.ItSyntax.TryParse(text, out var parsed));
        Assert.Equal(word, parsed);
        Assert.True(Instructions.ItSyntax.TryFormat(word, out var formatted));
        Assert.Equal(text, formatted);

        var domain = Thumb();
        var result = domain.Cpu.Execute(word, thumb: true);

        Assert.Equal(ExecutionKind.NotASystemRegisterAccess, result.Kind);
        Assert.Equal((byte)itState, domain.Current.It.Value);
        Assert.Equal(Start + 2, domain.Current.Pc);
    }

    [Fact]
    public void Itadvance_walks_a_four_instruction_block_then_else_then_else_and_clears_after_the_last()
    {
        // ITETE NE: IT = 0001:0101; the Arm ARM's ITAdvance shifts IT[4:0] left until IT[2:0] is 000.
        var it = new ItState(0x15);
        var seen = new List<(uint Condition, bool Last)>();
        while (it.InBlock)
        {
            seen.Add((it.Condition, it.LastInBlock));
            it = it.Advance();
        }

        Assert.Equal([(0x1u, false), (0x0u, false), (0x1u, false), (0x0u, true)], seen);
        Assert.Equal(ItState.None, it);
        Assert.Equal(0b1110u, it.Condition);
    }

    [Theory]
    [InlineData(0x15, 0x02001400u)] // IT[1:0] 01 in [26:25], IT[7:2] 000101 in [15:10]
    [InlineData(0xFF, 0x0600FC00u)]
    [InlineData(0x08, 0x00000800u)]
    public void An_spsr_keeps_it_1_0_in_bits_26_25_and_it_7_2_in_bits_15_10(int it, uint spsr)
    {
        Assert.Equal(spsr, new ItState((byte)it).SpsrBits);
        Assert.Equal((byte)it, ItState.FromSpsr(spsr | 0xF00000E0).Value);
    }

    /// <summary>
    /// ITETE NE with a TID3-trapped read in one slot and 16-bit NOPs in the others, NZCV clear (NE passes, EQ fails):
    /// the read traps in a then slot, with COND NE, and does nothing in an else slot; the PC and PSTATE.IT after the
    /// block are the same either way.
    /// </summary>
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void A_trapped_read_in_each_slot_of_a_four_instruction_block_traps_exactly_in_the_slots_whose_condition_passes(int slot, bool traps)
    {
        var domain = Thumb(Tid3);
        domain.Cpu.Execute(0xBF150000, thumb: true); // itete ne
        var results = new List<ExecutionResult>();
        for (var i = 0; i < 4; i++)
        {
            results.Add(domain.Cpu.Execute(i == slot ? ReadIdPfr0 : Nop16, thumb: true));
        }

        var read = results[slot];
        Assert.Equal(traps ? ExecutionKind.Trapped : ExecutionKind.ConditionFailed, read.Kind);
        Assert.Equal(traps ? 1 : 0, domain.Hypervisor.TrapCount);
        Assert.Equal(IdPfr0Esr(traps ? 0x1u : 0x0u), read.Esr);
        Assert.Equal(Start + 2 + (3 * 2) + 4, domain.Current.Pc);
        Assert.Equal(ItState.None, domain.Current.It);
    }

    /// <summary>ITE NE, NZCV clear: the then slot's read traps and the hypervisor's advance past it makes the else slot's read fail EQ.</summary>
    [Fact]
    public void The_hypervisors_advance_past_a_trap_advances_pstate_it_so_the_next_slot_takes_the_else_condition()
    {
        var domain = Thumb(Tid3);
        domain.Cpu.Execute(0xBF140000, thumb: true); // ite ne

        var then = domain.Cpu.Execute(ReadIdPfr0, thumb: true);
        Assert.Equal((ExecutionKind.Trapped, IdPfr0Esr(0x1)), (then.Kind, then.Esr));
        Assert.Equal((Start + 6, (byte)0x08), (domain.Current.Pc, domain.Current.It.Value)); // IT 0001:0100 advanced: 0000:1000, EQ, last

        var otherwise = domain.Cpu.Execute(ReadIdPfr0, thumb: true);
        Assert.Equal(ExecutionKind.ConditionFailed, otherwise.Kind);
        Assert.Equal((1L, Start + 10, ItState.None), (domain.Hypervisor.TrapCount, domain.Current.Pc, domain.Current.It));

        var after = domain.Cpu.Execute(ReadIdPfr0, thumb: true);
        Assert.Equal((ExecutionKind.Trapped, IdPfr0Esr(0xE)), (after.Kind, after.Esr));
    }

    [Fact]
    public void A_failing_block_skips_an_access_that_would_be_undefined_and_a_passing_one_saves_pstate_it_in_the_spsr()
    {
        var failing = Thumb();
        failing.Cpu.Execute(0xBF080000, thumb: true); // it eq, Z clear
        Assert.Equal(ExecutionKind.ConditionFailed, failing.Cpu.Execute(ReadHsctlr, thumb: true).Kind);
        Assert.Equal(0, failing.Current.UndefinedExceptions);

        var passing = Thumb();
        passing.Current.Flags = new ConditionFlags { N = true };
        passing.Cpu.Execute(0xBF150000, thumb: true); // itete ne
        var undefined = passing.Cpu.Execute(ReadHsctlr, thumb: true);
        Assert.Equal(ExecutionKind.UndefinedAtEl1, undefined.Kind);
        Assert.Equal(0x8000_0000u | 0x02001400u | 0x20u, passing.Current.LastUndefinedSpsr); // N, IT 0x15, T
        Assert.Equal((Start + 2, ItState.None), (passing.Current.Pc, passing.Current.It));
    }

    [Theory]
    [InlineData(0xBFF80000u)] // firstcond 1111
    [InlineData(0xBFEC0000u)] // ite al: an else of AL would be never
    public void A_constrained_unpredictable_it_is_undefined(uint word)
    {
        var domain = Thumb();
        var result = domain.Cpu.Execute(word, thumb: true);

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.Unpredictable), (result.Kind, result.Undefined));
        Assert.Equal((Start, ItState.None), (domain.Current.Pc, domain.Current.It));
    }

    [Fact]
    public void An_it_inside_an_it_block_is_undefined_and_leaves_the_spsr_with_the_outer_block()
    {
        var domain = Thumb();
        domain.Cpu.Execute(0xBF1C0000, thumb: true); // itt ne
        var inner = domain.Cpu.Execute(0xBF080000, thumb: true); // it eq, the block's first instruction

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.Unpredictable), (inner.Kind, inner.Undefined));
        Assert.Equal(0x1Cu, ItState.FromSpsr(domain.Current.LastUndefinedSpsr).Value);
    }

    /// <summary>
    /// ITE NE, NZCV clear: the then slot is UNDEFINED at EL1, and the guest's handler (which the executor takes to skip the
    /// instruction) returns with the IT state its exception saved, advanced, so the else slot fails EQ and is skipped.
    /// </summary>
    [Fact]
    public void The_guests_undef_handler_returns_into_the_rest_of_the_block()
    {
        var executor = new Guests.GuestProgramExecutor([new Guests.GuestVcpu(ExecutionState.Aarch32, Thumb: true)]);
        var pc = executor.Domain.Current.Pc;
        var it = executor.Execute(new Guests.InstructionStep(0xBF140000)); // ite ne
        var then = executor.Execute(new Guests.InstructionStep(ReadHsctlr));
        var otherwise = executor.Execute(new Guests.InstructionStep(ReadHsctlr));

        Assert.Equal("ite ne", it.Instruction!.Value.Syntax);
        Assert.Equal(ExecutionKind.UndefinedAtEl1, then.Instruction!.Value.Execution.Kind);
        Assert.Equal(ExecutionKind.ConditionFailed, otherwise.Instruction!.Value.Execution.Kind);
        Assert.Equal((pc + 10, ItState.None, 1), (executor.Domain.Current.Pc, executor.Domain.Current.It, executor.Domain.Current.UndefinedExceptions));
    }

    [Fact]
    public void Every_halfword_runs_in_every_it_state_without_throwing_and_moves_the_pc_by_0_or_2()
    {
        var domain = Thumb();
        for (var state = 0; state < 256; state++)
        {
            for (var halfword = 0u; halfword < 0x10000; halfword += 0x3F)
            {
                domain.Current.It = new ItState((byte)state);
                domain.Current.Pc = Start;
                _ = domain.Cpu.Execute(halfword << 16, thumb: true);
                Assert.True(domain.Current.Pc - Start is 0 or 2 or 4, $"IT 0x{state:x2}, 0x{halfword:x4}");
            }
        }
    }

    [Fact]
    public void An_a32_vcpu_has_no_it_state()
    {
        var domain = Machine.Aarch32();
        domain.Build();
        domain.Hypervisor.Hcr.Value = Tid3;
        domain.Cpu.Execute(0xBF150000);
        Assert.Equal(ItState.None, domain.Current.It);
    }

    private static Domain Thumb(ulong hcr = 0)
    {
        var domain = Machine.Aarch32();
        domain.Build();
        domain.Hypervisor.Hcr.Value = hcr;
        domain.Current.Pc = Start;
        return domain;
    }
}
