using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// CPTR_EL2.TFP and the SIMD and floating-point instructions (EC 0x07): GNU as's words of the group and outside it, the
/// guest's CPACR_EL1.FPEN before EL2's trap, the syndrome, and the hypervisor's lazy FP switch.
/// </summary>
public sealed class FloatingPointTrapTests
{
    private const ulong Tfp = 1UL << 10;
    private const ulong FpEnabled = 0b11UL << 20;

    /// <summary>EC 0x07, IL 1, CV 1, COND 0b1110, the rest RES0 (D24.2.46 ESR_EL2).</summary>
    private const uint Unconditional = 0x1FE00000;

    public static TheoryData<string, string, bool> Instructions => new()
    {
        // A64: the SIMD&FP data processing and loads and stores, and nothing else.
        { "a64", "fmov s0, w1", true },
        { "a64", "fadd d0, d1, d2", true },
        { "a64", "add v0.4s, v1.4s, v2.4s", true },
        { "a64", "ldr q0, [x1]", true },
        { "a64", "stp d8, d9, [sp, #-16]!", true },
        { "a64", "ld1 {v0.16b}, [x0]", true },
        { "a64", "aese v0.16b, v1.16b", true },
        { "a64", "add x0, x1, x2", false },
        { "a64", "ldr x0, [x1]", false },
        { "a64", "ldp x29, x30, [sp], #16", false },
        { "a64", "svc #0", false },
        { "a64", "nop", false },
        { "a64", "madd x0, x1, x2, x3", false },
        // A32: cp10 and cp11 and Advanced SIMD.
        { "a32", "vadd.f32 s0, s1, s2", true },
        { "a32", "vmov r0, s1", true },
        { "a32", "vldr d0, [r1]", true },
        { "a32", "vmrs r0, fpscr", true },
        { "a32", "vmsr fpexc, r0", true },
        { "a32", "vstmia r0, {d0-d3}", true },
        { "a32", "vadd.i32 q0, q1, q2", true },
        { "a32", "vld1.8 {d0}, [r0]", true },
        { "a32", "add r0, r1, r2", false },
        { "a32", "ldr r0, [r1]", false },
        { "a32", "svc #0", false },
        { "a32", "pld [r0]", false },
        { "a32", "mcr p15, 0, r0, c1, c0, 0", false },
        // T32.
        { "t32", "vadd.f32 s0, s1, s2", true },
        { "t32", "vldr d0, [r1]", true },
        { "t32", "vadd.i32 q0, q1, q2", true },
        { "t32", "vld1.8 {d0}, [r0]", true },
        { "t32", "add.w r0, r1, r2", false },
        { "t32", "ldr.w r0, [r1]", false },
    };

    [Theory]
    [MemberData(nameof(Instructions))]
    public void Gnu_as_words_are_in_the_simd_and_floating_point_group_exactly_when_they_use_its_registers(string set, string text, bool floatingPoint)
    {
        var (word, instructionSet) = Machine.Assemble(set, text);

        var decoded = InstructionDecoder.TryDecode(word, instructionSet, out var access);

        Assert.Equal(floatingPoint, decoded && access.Class == TrapClasses.FpSimd);
        if (floatingPoint)
        {
            Machine.AssertWritesBack(word, access, Unconditional);
            Assert.False(SyndromeDecoder.TryDecode(Unconditional, out _, out _)); // the syndrome does not say which instruction
        }
    }

    [Fact]
    public void The_guests_own_fpen_comes_first_an_aarch64_guest_takes_it_itself_an_aarch32_one_is_undefined()
    {
        var (a64, fmov) = Aarch64("fmov s0, w1");
        Enable(a64, 0);
        a64.Hypervisor.Cptr = Tfp;
        var taken = a64.Cpu.Execute(fmov);

        Assert.Equal((ExecutionKind.TrappedToEl1, Unconditional), (taken.Kind, taken.Esr));
        Assert.Equal(0L, a64.Hypervisor.TrapCount);

        var (a32, vadd) = Aarch32("vadd.f32 s0, s1, s2");
        Enable(a32, 0);
        a32.Hypervisor.Cptr = Tfp;
        var undefined = a32.Cpu.Execute(vadd);

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.FloatingPointDisabled), (undefined.Kind, undefined.Undefined));
        Assert.Equal(0L, a32.Hypervisor.TrapCount);
    }

    [Theory]
    [InlineData("a64", "fmov s0, w1", Unconditional)]
    [InlineData("a64", "ldr q0, [x1]", Unconditional)]
    [InlineData("a32", "vaddne.f32 s0, s1, s2", 0x1F100000U)]
    [InlineData("a32", "vmrs r0, fpscr", Unconditional)]
    [InlineData("t32", "vadd.i32 q0, q1, q2", Unconditional)]
    public void Tfp_traps_the_first_use_the_hypervisor_switches_the_registers_and_the_instruction_runs_again(string set, string text, uint esr)
    {
        var (domain, word) = Machine.Guest(set, text);
        Enable(domain);
        domain.Hypervisor.Cptr = Tfp;

        var first = domain.Cpu.Execute(word, thumb: set == "t32");
        var second = domain.Cpu.Execute(word, thumb: set == "t32");

        Assert.Equal((ExecutionKind.Trapped, TrapOutcome.FpStateSwitched, esr), (first.Kind, first.Outcome, first.Esr));
        Assert.Equal("CPTR_EL2.TFP", first.Control!.QualifiedName);
        Assert.Equal(0UL, domain.Hypervisor.Cptr); // lazy FP: the guest owns the registers now
        Assert.Equal(ExecutionKind.Direct, second.Kind);
        Assert.Equal(8UL, domain.Current.Pc); // the trap returned to it, and it ran; then it ran again
        Assert.Equal(1L, domain.Hypervisor.TrapCount);
    }

    [Fact]
    public void An_mrs_of_fpcr_under_tfp_reports_ec_0x07_not_its_own_and_reads_after_the_switch()
    {
        var (domain, word) = Aarch64("mrs x1, fpcr");
        Enable(domain);
        domain.Current.Registers.WriteX(1, 0xDEAD);
        domain.Hypervisor.Cptr = Tfp;

        var result = domain.Cpu.Execute(word);

        Assert.Equal((ExecutionKind.Trapped, Unconditional, TrapOutcome.FpStateSwitched), (result.Kind, result.Esr, result.Outcome));
        Assert.Equal(0UL, domain.Current.Registers.ReadX(1)); // FPCR's reset value, read when it ran again
        Assert.Equal(4UL, domain.Current.Pc);
    }

    [Fact]
    public void A_vmrs_of_mvfr0_checks_tfp_before_tid3_and_traps_again_under_tid3_after_the_switch()
    {
        var (domain, word) = Aarch32("vmrs r0, mvfr0");
        Enable(domain);
        domain.Hypervisor.Cptr = Tfp;
        domain.Hypervisor.Hcr.Value = 1UL << 18; // TID3

        var result = domain.Cpu.Execute(word);

        Assert.Equal((ExecutionKind.Trapped, "HCR_EL2.TID3", 0x08U), (result.Kind, result.Control!.QualifiedName, EsrFields.GetEC(result.Esr)));
        Assert.Equal(2L, domain.Hypervisor.TrapCount); // TFP's (EC 0x07), then TID3's
        Assert.Equal(0UL, domain.Hypervisor.Cptr);
    }

    [Fact]
    public void A_conditional_a32_floating_point_instruction_that_fails_its_condition_does_not_trap()
    {
        var (domain, word) = Aarch32("vaddne.f32 s0, s1, s2");
        Enable(domain);
        domain.Hypervisor.Cptr = Tfp;
        domain.Current.Flags = new ConditionFlags { Z = true };

        Assert.Equal(ExecutionKind.ConditionFailed, domain.Cpu.Execute(word).Kind);
        Assert.Equal(Tfp, domain.Hypervisor.Cptr);
    }

    [Fact]
    public void A_handled_floating_point_trap_allocates_nothing()
    {
        var (domain, _) = Aarch64("nop");
        var hypervisor = domain.Hypervisor;

        Assert.Equal(0, Machine.AllocatedBy(() =>
        {
            hypervisor.Cptr = Tfp;
            hypervisor.HandleTrap(Unconditional);
        }));
    }

    [Fact]
    public void A_new_vcpu_has_simd_and_floating_point_enabled_at_el1_as_linux_leaves_it()
    {
        foreach (var (domain, read) in new[] { Aarch64("mrs x9, cpacr_el1"), Aarch32("mrc p15, 0, r9, c1, c0, 2") })
        {
            Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(read).Kind);
            Assert.Equal(FpEnabled, domain.Current.Registers.ReadX(9));
        }
    }

    /// <summary>The guest's kernel writes CPACR_EL1.FPEN (CPACR.cp10 and cp11): 0b11 enables SIMD and floating point at EL1, 0 disables it.</summary>
    private static void Enable(Domains.Domain domain, ulong cpacr = FpEnabled)
    {
        var enable = domain.Current.ExecutionState == ExecutionState.Aarch64
            ? GuestCode.A64("msr cpacr_el1, x9")[0]
            : GuestCode.A32("mcr p15, 0, r9, c1, c0, 2")[0];
        domain.Current.Registers.WriteX(9, cpacr);
        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(enable).Kind);
        domain.Current.Pc = 0;
    }

    private static (Domains.Domain Domain, uint Word) Aarch64(string text) => Machine.Guest("a64", text);

    private static (Domains.Domain Domain, uint Word) Aarch32(string text) => Machine.Guest("a32", text);
}
