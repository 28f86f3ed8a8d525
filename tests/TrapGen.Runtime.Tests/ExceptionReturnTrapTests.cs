using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Guests;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// ERET, ERETAA and ERETAB (EC 0x1A) under HFGITR_EL2.ERET and HCR_EL2.NV, and SVC (EC 0x15) under HFGITR_EL2.SVC_EL1, on the
/// emulated CPU, against expectations written out from the Arm ARM: J1.1.2.43 AArch64.CheckForERetTrap (HFGITR_EL2.ERET, then
/// EffectiveHCR_EL2_NVx()&lt;0&gt;, before ERETAA's AuthIA and its HCR_EL2.API trap), J1.1.2.45 AArch64.CheckForSVCTrap, D24.2.46
/// ESR_EL2's ISS of EC 0x1A (ERET [1], ERETA [0]) and of EC 0x15 (imm16 [15:0]), and C6.2.157, C6.2.158 and C6.2.465 for the
/// words, which GNU as writes here. apple-m3 has FEAT_FGT, FEAT_NV (NV2) and FEAT_PAuth; cortex-a57 has none of them.
/// </summary>
public sealed class ExceptionReturnTrapTests
{
    /// <summary>HCR_EL2.RW (31), NV (42) and API (41, traps while clear).</summary>
    private const ulong Rw = 1UL << 31, Nv = 1UL << 42, Api = 1UL << 41;

    /// <summary>HFGITR_EL2.ERET (51) and SVC_EL1 (53), D24.2.71.</summary>
    private const ulong FgtEret = 1UL << 51, FgtSvcEl1 = 1UL << 53;

    /// <summary>SCTLR_EL1.EnIA (31) and EnIB (30).</summary>
    private const ulong EnIA = 1UL << 31, EnIB = 1UL << 30;

    /// <summary>SPSR_EL1 with Z and C set (bits 30 and 29) and M 0b00101, EL1h (C5.2.20).</summary>
    private const ulong SpsrEl1hZC = 0x6000_0005;

    /// <summary>
    /// The trapped exception returns: the instruction, the controls set (HCR_EL2, HFGITR_EL2), the control expected, and the
    /// syndrome: EC 0x1A and IL 1 are 0x6A000000; ISS bit 1 (ERET) is 1 for ERETAA and ERETAB, bit 0 (ERETA) 1 for ERETAB.
    /// </summary>
    public static TheoryData<string, ulong, ulong, string, uint> Trapped => new()
    {
        { "eret", Rw | Nv | Api, 0, "HCR_EL2.NV", 0x6A000000u },
        { "eretaa", Rw | Nv | Api, 0, "HCR_EL2.NV", 0x6A000002u },
        { "eretab", Rw | Nv | Api, 0, "HCR_EL2.NV", 0x6A000003u },
        { "eret", Rw | Api, FgtEret, "HFGITR_EL2.ERET", 0x6A000000u },
        { "eretab", Rw | Api, FgtEret, "HFGITR_EL2.ERET", 0x6A000003u },
        { "eret", Rw | Nv | Api, FgtEret, "HFGITR_EL2.ERET", 0x6A000000u }, // the fine-grained field is checked first
        { "eretaa", Rw | Nv, 0, "HCR_EL2.NV", 0x6A000002u },                 // before API, clear here, with EnIA set
        { "eretaa", Rw, 0, "HCR_EL2.API", 0x26000000u },                      // then AuthIA: EC 0x09, ISS 0
        { "eretab", Rw, 0, "HCR_EL2.API", 0x26000000u },
    };

    [Theory]
    [MemberData(nameof(Trapped))]
    public void An_exception_return_traps_to_el2_under_its_first_active_control(string text, ulong hcr, ulong hfgitr, string control, uint esr)
    {
        var domain = Domain("apple-m3", hcr, hfgitr);
        domain.Hypervisor.Hardware.SCTLR_EL1 = EnIA | EnIB;

        var result = domain.Cpu.Execute(Assemble(text));

        Assert.Equal((ExecutionKind.Trapped, control, esr), (result.Kind, result.Control?.QualifiedName, result.Esr));
    }

    [Fact]
    public void A_trapped_exception_return_is_made_undefined_as_no_guest_hypervisor_is_there_to_emulate_it()
    {
        var domain = Domain("apple-m3", Rw | Nv | Api, 0);

        var result = domain.Cpu.Execute(Assemble("eret"));

        Assert.Equal(TrapOutcome.ExceptionReturnUndefined, result.Outcome);
        Assert.Equal(1, domain.Current.UndefinedExceptions);
        Assert.Equal(0UL, domain.Current.Pc);
    }

    [Theory]
    [InlineData("eretaa")]
    [InlineData("eretab")]
    public void Eretaa_and_eretab_with_their_key_disabled_pass_api_and_return_as_eret_does(string text)
    {
        var executor = Executor("apple-m3");
        executor.Domain.Hypervisor.Hcr.Value = Rw; // API clear: it would trap an enabled key's authentication
        executor.Domain.Hypervisor.Hardware.SCTLR_EL1 = 0;

        var result = Return(executor, text, elr: 0x8000, spsr: SpsrEl1hZC);

        Assert.Equal(ExecutionKind.Direct, Assert.NotNull(result.Instruction).Execution.Kind);
        Assert.Equal(0x8000UL, executor.Domain.Current.Pc);
    }

    [Fact]
    public void An_untrapped_eret_to_el1_takes_the_pc_from_elr_el1_and_the_flags_from_spsr_el1()
    {
        var executor = Executor("cortex-a57");
        executor.Domain.Hypervisor.Hcr.Value = Rw | Nv; // RES0 on cortex-a57: no FEAT_NV
        executor.Domain.Hypervisor.SetControlRegister("HFGITR_EL2", FgtEret); // RES0 too: no FEAT_FGT

        var result = Return(executor, "eret", elr: 0x4_0000_1000, spsr: SpsrEl1hZC);

        Assert.Equal(ExecutionKind.Direct, Assert.NotNull(result.Instruction).Execution.Kind);
        Assert.Equal("eret", result.Instruction.Value.Syntax);
        Assert.Equal(0x4_0000_1000UL, executor.Domain.Current.Pc);
        var flags = executor.Domain.Current.Flags;
        Assert.Equal((false, true, true, false), (flags.N, flags.Z, flags.C, flags.V));
    }

    [Theory]
    [InlineData("eret", 0x0UL)]            // M 0b00000: EL0t
    [InlineData("eret", 0x10UL)]           // M[4] 1: AArch32 User
    [InlineData("eret", 0x9UL)]            // M 0b01001: EL2h, an illegal return from EL1
    [InlineData("eretaa", SpsrEl1hZC)]     // EnIA set, API set: ELR_EL1 authenticated, which is not modelled
    public void An_untrapped_return_the_model_cannot_follow_is_refused_and_changes_nothing(string text, ulong spsr)
    {
        var executor = Executor("apple-m3");
        executor.Domain.Hypervisor.Hcr.Value = Rw | Api;
        executor.Domain.Hypervisor.Hardware.SCTLR_EL1 = EnIA;

        var result = Return(executor, text, elr: 0x8000, spsr);

        Assert.Equal(StepRefusal.ExceptionReturnNotModelled, result.Refusal);
        Assert.Equal(8UL, executor.Domain.Current.Pc);
    }

    [Fact]
    public void Eretaa_and_eretab_are_undefined_without_pauth_before_any_trap()
    {
        var domain = Domain("cortex-a57", Rw | Nv, FgtEret);

        Assert.Equal(ExecutionKind.UndefinedAtEl1, domain.Cpu.Execute(Assemble("eretaa")).Kind);
        Assert.Equal(ExecutionKind.UndefinedAtEl1, domain.Cpu.Execute(Assemble("eretab")).Kind);
        Assert.Equal(0L, domain.Hypervisor.TrapCount);
    }

    [Fact]
    public void Svc_traps_under_hfgitr_el2_svc_el1_with_its_immediate_and_is_given_back_to_the_guests_el1()
    {
        var domain = Domain("apple-m3", Rw, FgtSvcEl1);

        var result = domain.Cpu.Execute(Assemble("svc #0x1234"));

        // EC 0x15, IL 1: 0x56000000; imm16 0x1234 in ISS[15:0].
        Assert.Equal((ExecutionKind.Trapped, "HFGITR_EL2.SVC_EL1", 0x56001234u), (result.Kind, result.Control?.QualifiedName, result.Esr));
        Assert.Equal(TrapOutcome.SupervisorCallReflected, result.Outcome);
        Assert.Equal(4UL, domain.Current.Pc);
    }

    [Theory]
    [InlineData("apple-m3", 0UL)]
    [InlineData("apple-m3", 1UL << 52)] // SVC_EL0 traps an EL0 SVC alone
    [InlineData("cortex-a57", 1UL << 53)] // no FEAT_FGT: HFGITR_EL2 is RES0
    public void An_untrapped_svc_is_the_guests_own_supervisor_call(string model, ulong hfgitr)
    {
        var domain = Domain(model, Rw | Nv, hfgitr);

        var result = domain.Cpu.Execute(Assemble("svc #0"));

        Assert.Equal((ExecutionKind.TrappedToEl1, 0x56000000u), (result.Kind, result.Esr));
        Assert.Equal(0L, domain.Hypervisor.TrapCount);
    }

    [Theory]
    [InlineData("eret", 0xD69F03E0u, 0x6A000000u)]
    [InlineData("eretaa", 0xD69F0BFFu, 0x6A000002u)]
    [InlineData("eretab", 0xD69F0FFFu, 0x6A000003u)]
    [InlineData("svc #0xffff", 0xD41FFFE1u, 0x5600FFFFu)]
    public void Gnu_as_words_decode_encode_and_write_back(string text, uint word, uint esr)
    {
        Assert.Equal(word, Assemble(text));
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access));

        Machine.AssertWritesBack(word, access, esr);
        Assert.Equal(text, SystemInstructionSyntax.Format(access));
    }

    [Theory]
    [InlineData(0xD69F07E0u)] // ERET with M 1: unallocated (objdump: undefined)
    [InlineData(0xD69F0BE0u)] // ERETAA's op3 with Op4 0
    [InlineData(0xD69F03FFu)] // ERET's op3 with Op4 0b11111
    public void The_unallocated_words_of_the_exception_return_space_are_no_instruction(uint word)
    {
        Assert.False(InstructionDecoder.TryDecode(word, InstructionSet.A64, out _));
    }

    private static Domain Domain(string model, ulong hcr, ulong hfgitr)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: CpuModels.Find(model)!);
        domain.Build();
        domain.Hypervisor.Hcr.Value = hcr;
        domain.Hypervisor.SetControlRegister("HFGITR_EL2", hfgitr);
        return domain;
    }

    private static GuestProgramExecutor Executor(string model) => new([new GuestVcpu(ExecutionState.Aarch64)], model: CpuModels.Find(model)!);

    /// <summary>Writes ELR_EL1 and SPSR_EL1 (two MSRs, untrapped), then runs <paramref name="text"/>.</summary>
    private static StepResult Return(GuestProgramExecutor executor, string text, ulong elr, ulong spsr)
    {
        Assert.True(executor.Execute(new InstructionStep(Assemble("msr elr_el1, x0"), elr)).Ran);
        Assert.True(executor.Execute(new InstructionStep(Assemble("msr spsr_el1, x1"), spsr)).Ran);
        return executor.Execute(new InstructionStep(Assemble(text)));
    }

    private static uint Assemble(string text) => GuestCode.A64(".arch armv8.3-a", text)[0];
}
