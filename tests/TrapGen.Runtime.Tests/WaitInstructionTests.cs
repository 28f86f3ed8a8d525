using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// WFI, WFE, WFIT and WFET (EC 0x01) under HCR_EL2.TWI and TWE: GNU as's words, their syntax and syndromes both ways,
/// and the emulated CPU's decision and the hypervisor's handling (the vCPU blocks or yields, as KVM's kvm_handle_wfx).
/// </summary>
public sealed class WaitInstructionTests
{
    private const ulong Twi = 1UL << 13;
    private const ulong Twe = 1UL << 14;

    /// <summary>
    /// Each instruction as GNU as writes it, with the syndrome the Arm ARM gives its trap (D24.2.46 ESR_EL2: EC 0x01, IL 1,
    /// CV 1 and COND 0b1110 from AArch64 and for an unconditional AArch32 one, RN and RV 1 for WFIT and WFET, TI).
    /// </summary>
    public static TheoryData<string, string, uint> Instructions => new()
    {
        { "a64", "wfi", 0x07E00000 },
        { "a64", "wfe", 0x07E00001 },
        { "a64", "wfit x3", 0x07E00066 },
        { "a64", "wfet x7", 0x07E000E7 },
        { "a64", "wfit xzr", 0x07E003E6 },
        { "a32", "wfi", 0x07E00000 },
        { "a32", "wfene", 0x07100001 },
        { "a32", "wfigt", 0x07C00000 },
        { "t32", "wfi.w", 0x07E00000 },
        { "t32", "wfe.w", 0x07E00001 },
    };

    [Theory]
    [MemberData(nameof(Instructions))]
    public void Gnu_as_words_decode_encode_and_report_the_arm_arm_syndrome(string set, string text, uint expectedEsr)
    {
        var (word, instructionSet) = Machine.Assemble(set, text);

        Assert.True(InstructionDecoder.TryDecode(word, instructionSet, out var access));
        Assert.Equal(TrapClasses.Wfx, access.Class);
        Assert.Equal(word, InstructionEncoder.Encode(access));
        Assert.Equal(expectedEsr, SyndromeBuilder.Build(access));

        // The syntax round-trips, naming the set of an AArch32 one; the syndrome gives the instruction back.
        Assert.True(SystemInstructionSyntax.TryParse(SystemInstructionSyntax.Format(access), thumb: false, out var parsed, out var error), error);
        Assert.Equal(word, InstructionEncoder.Encode(parsed));
        Assert.True(SyndromeDecoder.TryDecode(expectedEsr, out var decoded, out _));
        Assert.Equal(access.Instruction, decoded.Instruction);
        Assert.Equal(access.Rt, decoded.Rt);
    }

    [Theory]
    [InlineData("wfi", Twi, TrapOutcome.VcpuBlocked)]
    [InlineData("wfe", Twe, TrapOutcome.VcpuYielded)]
    public void A_trapped_wait_blocks_or_yields_the_vcpu_and_resumes_after_it(string text, ulong control, TrapOutcome outcome)
    {
        foreach (var (domain, word) in new[] { Aarch64(text), Aarch32(text) })
        {
            domain.Hypervisor.Hcr.Value |= control;

            var result = domain.Cpu.Execute(word);

            Assert.Equal(ExecutionKind.Trapped, result.Kind);
            Assert.Equal(outcome, result.Outcome);
            Assert.Equal(control, result.Control!.Mask);
            Assert.Equal(4UL, domain.Current.Pc);
            Assert.Equal(0, domain.Current.UndefinedExceptions);
        }
    }

    [Theory]
    [InlineData("wfi", Twe)]
    [InlineData("wfe", Twi)]
    [InlineData("wfi", 0UL)]
    public void A_wait_under_the_other_control_or_none_runs_on_the_cpu(string text, ulong control)
    {
        var (domain, word) = Aarch64(text);
        domain.Hypervisor.Hcr.Value |= control;

        var result = domain.Cpu.Execute(word);

        Assert.Equal(ExecutionKind.Direct, result.Kind);
        Assert.Equal(4UL, domain.Current.Pc);
        Assert.Equal(0L, domain.Hypervisor.TrapCount);
    }

    [Fact]
    public void A_conditional_wfi_that_fails_its_condition_does_not_trap()
    {
        var (domain, word) = Aarch32("wfine");
        domain.Current.Flags = new ConditionFlags { Z = true };
        domain.Hypervisor.Hcr.Value |= Twi;

        Assert.Equal(ExecutionKind.ConditionFailed, domain.Cpu.Execute(word).Kind);
        Assert.Equal(0L, domain.Hypervisor.TrapCount);
        Assert.Equal(4UL, domain.Current.Pc);
    }

    [Theory]
    [InlineData("wfit x3")]
    [InlineData("wfet x3")]
    public void Wfit_and_wfet_are_undefined_on_every_model_without_feat_wfxt_even_under_their_control(string text)
    {
        var (domain, word) = Aarch64(text);
        domain.Hypervisor.Hcr.Value |= Twi | Twe;

        var result = domain.Cpu.Execute(word);

        Assert.Equal(ExecutionKind.UndefinedAtEl1, result.Kind);
        Assert.Equal(UndefinedReason.NotImplemented, result.Undefined);
        Assert.DoesNotContain(CpuModels.All, model => model.Has("FEAT_WFxT"));
    }

    [Fact]
    public void A_handled_wait_trap_allocates_nothing()
    {
        var (a64, wfi) = Aarch64("wfi");
        var (a32, wfe) = Aarch32("wfe");
        var wfiEsr = Esr(wfi, InstructionSet.A64);
        var wfeEsr = Esr(wfe, InstructionSet.A32);

        Assert.Equal(0, Machine.AllocatedBy(() =>
        {
            a64.Hypervisor.HandleTrap(wfiEsr);
            a32.Hypervisor.HandleTrap(wfeEsr);
        }));
    }

    private static uint Esr(uint word, InstructionSet instructionSet)
    {
        Assert.True(InstructionDecoder.TryDecode(word, instructionSet, out var access));
        return SyndromeBuilder.Build(access);
    }

    private static (Domains.Domain Domain, uint Word) Aarch64(string text) => Machine.Guest("a64", text);

    private static (Domains.Domain Domain, uint Word) Aarch32(string text) => Machine.Guest("a32", text);
}
