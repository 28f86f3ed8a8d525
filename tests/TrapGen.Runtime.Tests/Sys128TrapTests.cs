using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// MRRS and MSRR (FEAT_SYSREG128) and SYSP's TLBIP (FEAT_SYSINSTR128) on the emulated CPU: their Decode (FEAT_SYSREG128, an even Rt) before anything, then each
/// register's MRRS/MSRR pseudocode (D24.2.142, 154, 155, 209, 210, 212, 213, 225), with HCRX_EL2.D128En (bit 17) trapping the
/// VMSAv9-128 registers while 0 and EnIDCP128 (bit 21) the IMPLEMENTATION DEFINED space, after HCR_EL2.TIDCP (D24.2.168).
/// A trap is EC 0x14 with IL 1 (0x52000000) and the ISS of D24.2.46: Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt / 2
/// [9:6], CRm [4:1], Direction [0]. No model of cpu-models.table has FEAT_SYSREG128, so the model is apple-m3 (FEAT_FGT,
/// FEAT_HCX, FEAT_NV) given ID_AA64ISAR2_EL1.SYSREG_128, ID_AA64MMFR3_EL1.D128 and ID_AA64PFR1_EL1.THE. The words are LLVM's
/// (llvm/test/MC/AArch64/armv9-mrrs.s and armv9-msrr.s); GNU binutils 2.40 predates the instructions.
/// </summary>
public sealed class Sys128TrapTests
{
    /// <summary>HCRX_EL2.D128En and EnIDCP128 (D24.2.63).</summary>
    private const ulong D128En = 1UL << 17, EnIdcp128 = 1UL << 21;

    /// <summary>Per access: its text, LLVM's word, the register, and the ESR of its trap.</summary>
    public static TheoryData<string, uint, string, uint> Llvm() => new()
    {
        // 0x52000000 | Op0 3 (0x300000) | CRn 2 (0x800) | Direction 1.
        { "mrrs x0, x1, ttbr0_el1", 0xd5782000, "TTBR0_EL1", 0x52300801 },
        // Op2 1 (0x20000); Rt 2 / 2 = 1 (0x40); Direction 0.
        { "msrr ttbr1_el1, x2, x3", 0xd5582022, "TTBR1_EL1", 0x52320840 },
        // CRn 7 (0x1C00), CRm 4 (0x8); Rt 4 / 2 = 2 (0x80).
        { "mrrs x4, x5, par_el1", 0xd5787404, "PAR_EL1", 0x52301C89 },
        // Op2 6 (0xC0000), CRn 13 (0x3400).
        { "msrr rcwmask_el1, x0, x1", 0xd558d0c0, "RCWMASK_EL1", 0x523C3400 },
        // Op2 3 (0x60000); Rt 28 / 2 = 14 (0x380).
        { "mrrs x28, x29, rcwsmask_el1", 0xd578d07c, "RCWSMASK_EL1", 0x52363781 },
    };

    [Theory]
    [MemberData(nameof(Llvm))]
    public void Each_word_decodes_to_its_register_and_writes_back(string text, uint word, string name, uint esr)
    {
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access));
        Assert.Equal(TrapClasses.Sys128, access.Class);
        Assert.Equal(name, RegistersByKey.NameOf(access.Class, access.Key, access.IsRead));
        Assert.Equal(text, SystemInstructionSyntax.Format(access));
        Machine.AssertWritesBack(word, access, esr);
    }

    [Theory]
    [MemberData(nameof(Llvm))]
    public void D128en_alone_at_0_traps_it_and_the_hypervisor_answers_undefined(string text, uint word, string name, uint esr)
    {
        var domain = Build(D128Model(), hcrx: ~D128En);
        var pc = domain.Current.Pc;

        var result = domain.Cpu.Execute(word);

        Assert.Equal((ExecutionKind.Trapped, esr), (result.Kind, (uint)result.Esr));
        Assert.Equal("HCRX_EL2.D128En", result.Control?.QualifiedName);
        // No catalogue dispatches EC 0x14: the unhandled path, UNDEFINED for the guest as KVM answers it.
        Assert.Equal(TrapOutcome.UnhandledUndefined, result.Outcome);
        Assert.Equal(1, domain.Current.UndefinedExceptions);
        Assert.NotEqual(pc + 4, domain.Current.Pc);
        Assert.NotNull(text + name);
    }

    [Fact]
    public void Tvm_and_trvm_trap_the_ttbrs_before_d128en_with_the_same_syndrome()
    {
        var domain = Build(D128Model(), hcrx: 0, hcr: (1UL << HcrEl2.RW) | TrapControls.TVM.Mask | TrapControls.TRVM.Mask);

        var read = domain.Cpu.Execute(0xd5782000);
        var write = domain.Cpu.Execute(0xd5582022);

        Assert.Equal(("HCR_EL2.TRVM", 0x52300801u), (read.Control?.QualifiedName, (uint)read.Esr));
        Assert.Equal(("HCR_EL2.TVM", 0x52320840u), (write.Control?.QualifiedName, (uint)write.Esr));
    }

    [Fact]
    public void The_fine_grained_field_comes_before_d128en()
    {
        var domain = Build(D128Model(), hcrx: 0);
        domain.Hypervisor.SetControlRegister("HFGRTR_EL2", Quiet("HFGRTR_EL2") | FieldMask("HFGRTR_EL2.PAR_EL1"));

        var result = domain.Cpu.Execute(0xd5787404);

        Assert.Equal(("HFGRTR_EL2.PAR_EL1", 0x52301C89u), (result.Control?.QualifiedName, (uint)result.Esr));
    }

    [Fact]
    public void Untrapped_msrr_keeps_both_halves_mrs_reads_the_low_one_and_mrrs_both()
    {
        var domain = Build(D128Model(), hcrx: D128En);
        var x = domain.Current.Registers;
        x.WriteX(2, 0x0000_1234_5678_0000);
        x.WriteX(3, 0x0000_0000_ABCD_0000);
        var pc = domain.Current.Pc;

        var write = domain.Cpu.Execute(0xd5582002); // msrr ttbr0_el1, x2, x3
        var low = domain.Cpu.Execute(0xd5382004); // mrs x4, ttbr0_el1
        var both = domain.Cpu.Execute(0xd578200a); // mrrs x10, x11, ttbr0_el1

        Assert.Equal([ExecutionKind.Direct, ExecutionKind.Direct, ExecutionKind.Direct], new[] { write.Kind, low.Kind, both.Kind });
        Assert.Equal(pc + 12, domain.Current.Pc);
        Assert.Equal(domain.Hypervisor.Model.Keep("TTBR0_EL1", x.ReadX(2)), x.ReadX(4));
        Assert.Equal((x.ReadX(4), 0x0000_0000_ABCD_0000UL), (x.ReadX(10), x.ReadX(11)));
    }

    [Fact]
    public void An_odd_rt_is_undefined_before_any_trap()
    {
        var domain = Build(D128Model(), hcrx: 0, hcr: (1UL << HcrEl2.RW) | TrapControls.TRVM.Mask);

        var result = domain.Cpu.Execute(0xd5782001); // mrrs with Rt = x1

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.ReservedRegister), (result.Kind, result.Undefined));
        Assert.True(InstructionDecoder.TryDecode(0xd5782001, InstructionSet.A64, out var access));
        Assert.False(SystemInstructionSyntax.TryFormat(access, out _, out var why));
        Assert.Contains("odd", why, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max")]
    [InlineData("apple-m3")]
    public void Without_sysreg128_every_one_is_undefined_whatever_traps(string model)
    {
        var domain = Build(CpuModels.Find(model)!, hcrx: 0, hcr: (1UL << HcrEl2.RW) | TrapControls.TRVM.Mask | TrapControls.TIDCP.Mask);

        Assert.All(
            new uint[] { 0xd5782000, 0xd5582022, 0xd578f000 },
            word => Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (domain.Cpu.Execute(word).Kind, domain.Cpu.Execute(word).Undefined)));
    }

    [Fact]
    public void Sysreg128_without_d128_has_no_ttbr_accessor_but_traps_the_implementation_defined_space()
    {
        var model = Machine.ModelWith("apple-m3", "apple-m3-sysreg128", ("ID_AA64ISAR2_EL1", "SYSREG_128", 1));
        var domain = Build(model, hcrx: 0);

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (domain.Cpu.Execute(0xd5782000).Kind, domain.Cpu.Execute(0xd5782000).Undefined));
        // mrrs x0, x1, s3_0_c15_c0_0: Op0 3, CRn 15 (0x3C00).
        var implementationDefined = domain.Cpu.Execute(0xd578f000);
        Assert.Equal(("HCRX_EL2.EnIDCP128", 0x52303C01u), (implementationDefined.Control?.QualifiedName, (uint)implementationDefined.Esr));
    }

    [Fact]
    public void Tidcp_traps_the_implementation_defined_space_first_and_without_either_it_is_undefined()
    {
        var tidcp = Build(D128Model(), hcrx: 0, hcr: (1UL << HcrEl2.RW) | TrapControls.TIDCP.Mask).Cpu.Execute(0xd558f000); // msrr s3_0_c15_c0_0, x0, x1
        var neither = Build(D128Model(), hcrx: EnIdcp128).Cpu.Execute(0xd558f000);

        Assert.Equal(("HCR_EL2.TIDCP", 0x52303C00u), (tidcp.Control?.QualifiedName, (uint)tidcp.Esr));
        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (neither.Kind, neither.Undefined));
    }

    [Fact]
    public void Nv_traps_an_el2_register_which_is_otherwise_above_el1()
    {
        // mrrs x0, x1, ttbr0_el2: Op1 4 (0x10000), so ISS 0x310801.
        var nested = Build(D128Model(), hcrx: ~0UL, hcr: (1UL << HcrEl2.RW) | TrapControls.NV.Mask).Cpu.Execute(0xd57c2000);
        var plain = Build(D128Model(), hcrx: ~0UL).Cpu.Execute(0xd57c2000);

        Assert.Equal(("HCR_EL2.NV", 0x52310801u), (nested.Control?.QualifiedName, (uint)nested.Esr));
        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.HigherExceptionLevel), (plain.Kind, plain.Undefined));
    }

    [Fact]
    public void A_trap_allocates_nothing()
    {
        var domain = Build(D128Model(), hcrx: ~D128En);

        Assert.Equal(0, Machine.AllocatedBy(() => domain.Cpu.Execute(0xd5782000)));
    }

    /// <summary>Per TLBIP: its text, LLVM's word (llvm/test/MC/AArch64/armv9a-sysp.s, armv9a-tlbip.s) and the ESR of its trap.</summary>
    public static TheoryData<string, uint, uint> Tlbip() => new()
    {
        // 0x52000000 | Op0 1 (0x100000) | Op2 1 (0x20000) | CRn 8 (0x2000) | Rt 8 / 2 = 4 (0x100) | CRm 7 (0xE); Direction 0.
        { "tlbip vae1, x8, x9", 0xd5488728, 0x5212210E },
        // No operand: Rt 31, reported as 15 (0x3C0).
        { "tlbip vae1, xzr, xzr", 0xd548873f, 0x521223CE },
        // TLBI IPAS2E1: Op1 4 (0x10000), CRn 8, CRm 4 (0x8), Op2 1; Rt 4 / 2 = 2 (0x80).
        { "tlbip ipas2e1, x4, x5", 0xd54c8424, 0x52132088 },
    };

    [Theory]
    [MemberData(nameof(Tlbip))]
    public void Each_tlbip_word_decodes_and_writes_back(string text, uint word, uint esr)
    {
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access));
        Assert.Equal((TrapClasses.Sys128, 1u, false), (access.Class, access.Op0, access.IsRead));
        Assert.Equal(text, SystemInstructionSyntax.Format(access));
        Machine.AssertWritesBack(word, access, esr);
    }

    [Fact]
    public void Ttlb_traps_an_el1_tlbip_and_untrapped_it_runs_with_no_effect_kept()
    {
        var trapped = Build(D128Model(), hcrx: ~0UL, hcr: (1UL << HcrEl2.RW) | TrapControls.TTLB.Mask).Cpu.Execute(0xd5488728);
        var fineGrained = Build(D128Model(), hcrx: ~0UL);
        fineGrained.Hypervisor.SetControlRegister("HFGITR_EL2", Quiet("HFGITR_EL2") | FieldMask("HFGITR_EL2.TLBIVAE1"));
        var domain = Build(D128Model(), hcrx: ~0UL);
        var pc = domain.Current.Pc;

        var direct = domain.Cpu.Execute(0xd5488728);

        Assert.Equal(("HCR_EL2.TTLB", 0x5212210Eu), (trapped.Control?.QualifiedName, (uint)trapped.Esr));
        Assert.Equal("HFGITR_EL2.TLBIVAE1", fineGrained.Cpu.Execute(0xd5488728).Control?.QualifiedName);
        Assert.Equal((ExecutionKind.Direct, pc + 4), (direct.Kind, domain.Current.Pc));
    }

    [Fact]
    public void Nv_traps_an_el2_tlbip_which_is_otherwise_above_el1()
    {
        var nested = Build(D128Model(), hcrx: ~0UL, hcr: (1UL << HcrEl2.RW) | TrapControls.NV.Mask).Cpu.Execute(0xd54c8424);
        var plain = Build(D128Model(), hcrx: ~0UL).Cpu.Execute(0xd54c8424);

        Assert.Equal(("HCR_EL2.NV", 0x52132088u), (nested.Control?.QualifiedName, (uint)nested.Esr));
        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.HigherExceptionLevel), (plain.Kind, plain.Undefined));
    }

    [Fact]
    public void Sysp_needs_sysinstr128_an_even_rt_or_31_and_a_tlbip_at_its_encoding()
    {
        var withoutSysinstr = Machine.ModelWith("apple-m3", "apple-m3-sysreg128-d128", ("ID_AA64ISAR2_EL1", "SYSREG_128", 1), ("ID_AA64MMFR3_EL1", "D128", 1));
        var ttlb = (1UL << HcrEl2.RW) | TrapControls.TTLB.Mask;

        var noFeature = Build(withoutSysinstr, hcrx: ~0UL, hcr: ttlb).Cpu.Execute(0xd5488728);
        var odd = Build(D128Model(), hcrx: ~0UL, hcr: ttlb).Cpu.Execute(0xd5488729); // Rt = x9
        var unallocated = Build(D128Model(), hcrx: ~0UL, hcr: ttlb).Cpu.Execute(0xd5488248); // sysp #0, c8, c2, #2, x8, x9

        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (noFeature.Kind, noFeature.Undefined));
        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.ReservedRegister), (odd.Kind, odd.Undefined));
        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.Unallocated), (unallocated.Kind, unallocated.Undefined));
        Assert.True(InstructionDecoder.TryDecode(0xd5488248, InstructionSet.A64, out var generic));
        Assert.Equal("sysp #0, c8, c2, #2, x8, x9", SystemInstructionSyntax.Format(generic));
        // SYSPL does not exist: op0 1 with L 1 is no instruction.
        Assert.False(InstructionDecoder.TryDecode(0xd5688728, InstructionSet.A64, out _));
    }

    /// <summary>apple-m3 with MRRS and MSRR, SYSP, FEAT_D128 and FEAT_THE.</summary>
    private static CpuModel D128Model()
    {
        var model = Machine.ModelWith("apple-m3", "apple-m3-d128", ("ID_AA64ISAR2_EL1", "SYSREG_128", 1), ("ID_AA64ISAR2_EL1", "SYSINSTR_128", 1), ("ID_AA64MMFR3_EL1", "D128", 1), ("ID_AA64PFR1_EL1", "THE", 1));
        Assert.True(model.Satisfies("FEAT_HCX&FEAT_FGT&FEAT_SYSREG128&FEAT_SYSINSTR128&FEAT_D128&FEAT_THE"));
        return model;
    }

    /// <summary>A domain on <paramref name="model"/> with HCRX_EL2 <paramref name="hcrx"/> and every fine-grained field at the value that traps nothing.</summary>
    private static Domain Build(CpuModel model, ulong hcrx, ulong hcr = 1UL << HcrEl2.RW)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = hcr;
        domain.Hypervisor.Hcrx = hcrx;
        foreach (var register in FineGrainedTraps.Registers)
        {
            domain.Hypervisor.SetControlRegister(register, Quiet(register));
        }

        return domain;
    }

    /// <summary>The value of a fine-grained trap register whose every field traps nothing: its fields that trap while clear, set.</summary>
    private static ulong Quiet(string register) =>
        FineGrainedTraps.Of(register).Where(field => !field.TrapsWhenSet).Aggregate(0UL, (value, field) => value | field.Mask);

    private static ulong FieldMask(string qualified) => FineGrainedTraps.All.Single(field => field.QualifiedName == qualified).Mask;
}
