using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// PSB CSYNC under HFGITR_EL2.PSBCSYNC (bit [63], FEAT_FGT and FEAT_SPEv1p5) and TSB CSYNC under HFGITR2_EL2.TSBCSYNC (bit [0],
/// FEAT_FGT2 and FEAT_TRBEv1p1) on the emulated CPU, against the Arm ARM: C6.2.318 PSB and C6.2.482 TSB (HINT-space
/// instructions, NOPs without FEAT_SPE or FEAT_TRF; their Operation traps EL1 to EL2 with Exception_LDST64BTrap, EC 0x0A),
/// and D24.2.46 ESR_EL2's "ISS encoding for an exception from any other instruction": ISS 0b011 TSB CSYNC, 0b100 PSB
/// CSYNC (the Operation's pseudocode of M.a.a writes 0x3 for PSB and 0x4 for TSB; the register's encoding and Linux's
/// ESR_ELx_ISS_OTHER_TSBCSYNC 3 and PSBCSYNC 4 agree the other way, which TrapGen follows). The words are GNU as 2.40's
/// (-march=armv8.4-a+profile: 0xd503223f, 0xd503225f, HINT #17 and #18). No model of cpu-models.table has FEAT_SPEv1p5 or
/// FEAT_TRBEv1p1, so the model is apple-m3 (FEAT_FGT) given ID_AA64DFR0_EL1.PMSVer 0b0110, TraceBuffer 0b0010 and
/// ID_AA64MMFR0_EL1.FGT 0b0010 (FEAT_FGT2).
/// </summary>
public sealed class SynchronizationHintTrapTests
{
    /// <summary>HCR_EL2.RW.</summary>
    private const ulong Rw = 1UL << 31;

    /// <summary>HFGITR_EL2.PSBCSYNC (63) and HFGITR2_EL2.TSBCSYNC (0), D24.2.71 and D24.2.70.</summary>
    private const ulong PsbCsync = 1UL << 63, TsbCsync = 1UL << 0;

    /// <summary>
    /// Per instruction: its text, GNU as's word, the row, the fine-grained register and bit that trap it, and the ESR of the
    /// trap: EC 0x0A [31:26] is 0x28000000, IL 1 [25] makes 0x2A000000, and the ISS [24:0] 4 (PSB) or 3 (TSB).
    /// </summary>
    public static TheoryData<string, uint, string, string, ulong, uint> GnuAs() => new()
    {
        { "psb csync", 0xd503223f, "PSB", "HFGITR_EL2", PsbCsync, 0x2A000004 },
        { "tsb csync", 0xd503225f, "TSB", "HFGITR2_EL2", TsbCsync, 0x2A000003 },
    };

    [Theory]
    [MemberData(nameof(GnuAs))]
    public void Each_word_decodes_to_its_row_parses_and_writes_back(string text, uint word, string name, string register, ulong bit, uint esr)
    {
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access));
        Assert.Equal((TrapClasses.Other, name), (access.Class, access.Instruction?.Name));
        Assert.Equal(text, SystemInstructionSyntax.Format(access));
        Assert.True(SystemInstructionSyntax.TryParse(text.ToUpperInvariant(), thumb: false, out var parsed, out var error), error);
        Assert.Equal(word, InstructionEncoder.Encode(parsed));
        Machine.AssertWritesBack(word, access, esr);
        Assert.NotNull(register + bit);
    }

    [Theory]
    [MemberData(nameof(GnuAs))]
    public void Its_field_set_traps_it_with_its_syndrome_and_the_hypervisor_makes_it_undefined(string text, uint word, string name, string register, ulong bit, uint esr)
    {
        var domain = Build(Model(), register, bit);

        var result = domain.Cpu.Execute(word);

        Assert.Equal((ExecutionKind.Trapped, esr), (result.Kind, (uint)result.Esr));
        Assert.Equal(register + "." + (name == "PSB" ? "PSBCSYNC" : "TSBCSYNC"), result.Control?.QualifiedName);
        Assert.Equal(TrapOutcome.SynchronizationBarrierUndefined, result.Outcome);
        Assert.Equal(1, domain.Current.UndefinedExceptions);
        Assert.NotNull(text);
    }

    [Theory]
    [MemberData(nameof(GnuAs))]
    public void With_its_field_clear_it_runs_as_a_barrier_and_the_pc_moves_on(string text, uint word, string name, string register, ulong bit, uint esr)
    {
        // The other instruction's field set: each has its own.
        var other = register == "HFGITR_EL2" ? "HFGITR2_EL2" : "HFGITR_EL2";
        var domain = Build(Model(), other, other == "HFGITR_EL2" ? PsbCsync : TsbCsync);
        var pc = domain.Current.Pc;

        var result = domain.Cpu.Execute(word);

        Assert.Equal((ExecutionKind.Direct, esr), (result.Kind, (uint)result.Esr));
        Assert.Equal(pc + 4, domain.Current.Pc);
        Assert.Equal(0, domain.Current.UndefinedExceptions);
        Assert.NotNull(text + name + bit);
    }

    [Theory]
    [InlineData("cortex-a57")]
    [InlineData("apple-m3")]
    [InlineData("max")]
    public void On_a_model_without_the_features_each_is_a_nop_whatever_the_fields_hold(string modelName)
    {
        // cortex-a57: no FEAT_FGT, no SPE; apple-m3 and max: FEAT_FGT but no FEAT_SPEv1p5, FEAT_FGT2 or FEAT_TRBEv1p1, so the
        // fields are RES0 and trap nothing; PSB and TSB are not UNDEFINED (their Decode makes them NOPs).
        foreach (var (word, register, bit) in new[] { (0xd503223fU, "HFGITR_EL2", PsbCsync), (0xd503225fU, "HFGITR2_EL2", TsbCsync) })
        {
            var domain = Build(CpuModels.Find(modelName)!, register, bit);
            var pc = domain.Current.Pc;

            var result = domain.Cpu.Execute(word);

            Assert.Equal((ExecutionKind.Direct, 0), (result.Kind, domain.Current.UndefinedExceptions));
            Assert.Equal(pc + 4, domain.Current.Pc);
        }
    }

    [Fact]
    public void Psb_csync_needs_spe_v1p5_and_tsb_csync_fgt2_for_their_trap()
    {
        // PMSVer 0b0101 (FEAT_SPEv1p4): no PSBCSYNC field; FGT 0b0001 (FEAT_FGT only): no HFGITR2_EL2.
        var spe1p4 = Machine.ModelWith("apple-m3", "m3-spev1p4", ("ID_AA64DFR0_EL1", "PMSVer", 5));
        var fgt1 = Machine.ModelWith("apple-m3", "m3-trbev1p1-fgt1", ("ID_AA64DFR0_EL1", "TraceBuffer", 2));
        Assert.Equal(ExecutionKind.Direct, Build(spe1p4, "HFGITR_EL2", PsbCsync).Cpu.Execute(0xd503223f).Kind);
        Assert.Equal(ExecutionKind.Direct, Build(fgt1, "HFGITR2_EL2", TsbCsync).Cpu.Execute(0xd503225f).Kind);
        Assert.Equal(ExecutionKind.Trapped, Build(Machine.ModelWith("apple-m3", "m3-spev1p5", ("ID_AA64DFR0_EL1", "PMSVer", 6)), "HFGITR_EL2", PsbCsync).Cpu.Execute(0xd503223f).Kind);
    }

    [Theory]
    [InlineData("psb")]
    [InlineData("psb sy")]
    [InlineData("tsb csync, csync")]
    public void The_syntax_refuses_anything_but_csync(string text)
    {
        Assert.False(SystemInstructionSyntax.TryParse(text, thumb: false, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void The_other_hints_of_their_crm_are_not_theirs()
    {
        // HINT #16 (ESB, CRm 0b0010, op2 0b000) and #19 (GCSB DSYNC, op2 0b011) are no PSB or TSB.
        Assert.False(InstructionDecoder.TryDecode(0xd503221f, InstructionSet.A64, out var esb) && esb.Class == TrapClasses.Other);
        Assert.False(InstructionDecoder.TryDecode(0xd503227f, InstructionSet.A64, out var gcsb) && gcsb.Class == TrapClasses.Other);
    }

    private static Domain Build(CpuModel model, string register, ulong value)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = Rw;
        domain.Hypervisor.SetControlRegister(register, value);
        return domain;
    }

    /// <summary>apple-m3 with FEAT_SPEv1p5 (PMSVer [35:32] 0b0110), FEAT_TRBEv1p1 (TraceBuffer [47:44] 0b0010) and FEAT_FGT2 (FGT [59:56] 0b0010).</summary>
    private static CpuModel Model()
    {
        var model = Machine.ModelWith("apple-m3", "m3-spe-trbe", ("ID_AA64DFR0_EL1", "PMSVer", 6), ("ID_AA64DFR0_EL1", "TraceBuffer", 2), ("ID_AA64MMFR0_EL1", "FGT", 2));
        Assert.True(model.Satisfies("FEAT_FGT2&FEAT_SPEv1p5&FEAT_TRBEv1p1"));
        return model;
    }
}
