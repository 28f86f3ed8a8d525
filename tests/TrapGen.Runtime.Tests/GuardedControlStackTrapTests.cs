using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The Guarded Control Stack's System instructions (FEAT_GCS, C5.9.1-7) at EL1 on the emulated CPU, against their EL1
/// pseudocode: GCSPUSHM traps to the guest's EL1 while GCSCR_EL1.PUSHMEn is 0, then to EL2 while HFGITR_EL2.nGCSPUSHM_EL1
/// (bit 57) is 0; GCSPUSHX and GCSPOPCX trap to EL2 while HFGITR_EL2.nGCSEPP (bit 59) is 0 (after an EXLOCK check that
/// GCSCR_EL1.EXLOCKEN 0 turns off); GCSPOPX, GCSPOPM, GCSSS1 and GCSSS2 have no trap to EL2. Untrapped, each does nothing
/// unless GCSEnabled(EL1) (HCRX_EL2.GCSEn, bit 22, and GCSCR_EL1.PCRSEL, bit 0), when it would use Guarded Control Stack
/// memory, which is not modelled. Words from LLVM's llvm/test/MC/AArch64/gcs.s; ESRs written out from D24.2.46's ISS of
/// EC 0x18: 0x62000000 (EC 0x18, IL 1) | Op0 [21:20] | Op2 [19:17] | Op1 [16:14] | CRn [13:10] | Rt [9:5] | CRm [4:1] |
/// Direction [0] (1 for the SYSL aliases GCSPOPM and GCSSS2). No model of cpu-models.table has FEAT_GCS, so the model is
/// apple-m3 (FEAT_FGT, FEAT_HCX) given ID_AA64PFR1_EL1.GCS [47:44] 0b0001.
/// </summary>
public sealed class GuardedControlStackTrapTests
{
    /// <summary>HCR_EL2.RW.</summary>
    private const ulong Rw = 1UL << 31;

    /// <summary>HFGITR_EL2.nGCSEPP (59) and nGCSPUSHM_EL1 (57), D24.2.71; both trap while 0.</summary>
    private const ulong NGcsEpp = 1UL << 59, NGcsPushmEl1 = 1UL << 57;

    /// <summary>GCSCR_EL1.PCRSEL (0), EXLOCKEN (6), PUSHMEn (8) (D24.11.1); HCRX_EL2.GCSEn (22) (D24.2.63).</summary>
    private const ulong PcrSel = 1UL << 0, ExLockEn = 1UL << 6, PushmEn = 1UL << 8, GcsEn = 1UL << 22;

    /// <summary>
    /// Each instruction: its text, LLVM's word, the HFGITR_EL2 field that traps it (null for none), and its syndrome, worked
    /// out: gcspushm x25 = 0x100000 | 0 | 0xC000 | 0x1C00 | 0x320 | 0xE = 0x10DF2E; gcspushx = 0x100000 | 4 &lt;&lt; 17 | 0x1C00 |
    /// 31 &lt;&lt; 5 | 0xE = 0x181FEE; gcspopcx with op2 5, 0x1A1FEE; gcspopx op2 6, 0x1C1FEE; gcspopm x25 = 0x100000 | 1 &lt;&lt; 17 |
    /// 0xC000 | 0x1C00 | 0x320 | 0xE | 1 = 0x12DF2F; gcsss1 x21 = 0x100000 | 2 &lt;&lt; 17 | 0xC000 | 0x1C00 | 0x2A0 | 0xE = 0x14DEAE;
    /// gcsss2 x22 = 0x100000 | 3 &lt;&lt; 17 | 0xC000 | 0x1C00 | 0x2C0 | 0xE | 1 = 0x16DECF.
    /// </summary>
    public static TheoryData<string, uint, string?, uint> Llvm() => new()
    {
        { "gcspushm x25", 0xd50b7719, "HFGITR_EL2.nGCSPUSHM_EL1", 0x6210DF2E },
        { "gcspushx", 0xd508779f, "HFGITR_EL2.nGCSEPP", 0x62181FEE },
        { "gcspopcx", 0xd50877bf, "HFGITR_EL2.nGCSEPP", 0x621A1FEE },
        { "gcspopx", 0xd50877df, null, 0x621C1FEE },
        { "gcspopm x25", 0xd52b7739, null, 0x6212DF2F },
        { "gcsss1 x21", 0xd50b7755, null, 0x6214DEAE },
        { "gcsss2 x22", 0xd52b7776, null, 0x6216DECF },
    };

    [Theory]
    [MemberData(nameof(Llvm))]
    public void Each_word_decodes_to_its_instruction_parses_and_writes_back(string text, uint word, string? field, uint esr)
    {
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access));
        Assert.True(access.TryFindSystemInstruction(out var instruction));
        Assert.Equal(text.Split(' ')[0].ToUpperInvariant(), instruction.FullName);
        Assert.Equal(text, SystemInstructionSyntax.Format(access));
        Assert.True(SystemInstructionSyntax.TryParse(text, thumb: false, out var parsed, out var error), error);
        Assert.Equal(word, InstructionEncoder.Encode(parsed));
        Assert.Equal(esr, SyndromeBuilder.Build(access));
        Assert.NotNull(field ?? text);
    }

    [Theory]
    [MemberData(nameof(Llvm))]
    public void With_every_hfgitr_field_at_0_the_fields_trap_their_instructions_and_the_others_do_nothing(string text, uint word, string? field, uint esr)
    {
        var domain = Build(Model(), hfgitr: 0, hcrx: 0, gcscr: PushmEn);

        var result = domain.Cpu.Execute(word);

        if (field is null)
        {
            // No trap to EL2, and the stack is disabled (HCRX_EL2.GCSEn 0): a NOP; GCSPOPM's and GCSSS2's Xt stays as it was.
            Assert.Equal((ExecutionKind.Direct, esr), (result.Kind, (uint)result.Esr));
        }
        else
        {
            Assert.Equal((ExecutionKind.Trapped, esr, field), (result.Kind, (uint)result.Esr, result.Control?.QualifiedName));
            // No catalogue handles it: the hypervisor injects UNDEFINED, as KVM does for a feature it hides.
            Assert.Equal(TrapOutcome.UnhandledUndefined, result.Outcome);
        }

        Assert.NotNull(text);
    }

    [Theory]
    [MemberData(nameof(Llvm))]
    public void With_the_fields_set_none_traps_and_with_the_stack_enabled_each_is_not_modelled(string text, uint word, string? field, uint esr)
    {
        var disabled = Build(Model(), NGcsEpp | NGcsPushmEl1, hcrx: GcsEn, gcscr: PushmEn);
        var enabled = Build(Model(), NGcsEpp | NGcsPushmEl1, hcrx: GcsEn, gcscr: PushmEn | PcrSel);
        var pc = enabled.Current.Pc;

        Assert.Equal(ExecutionKind.Direct, disabled.Cpu.Execute(word).Kind);
        var result = enabled.Cpu.Execute(word);

        // GCSEnabled(EL1): the instruction would read or write the Guarded Control Stack; nothing changes, not even the PC.
        Assert.Equal((ExecutionKind.NotModelled, esr), (result.Kind, (uint)result.Esr));
        Assert.Equal(pc, enabled.Current.Pc);
        Assert.NotNull(text + field);
    }

    [Fact]
    public void Gcspushm_with_pushmen_0_traps_to_the_guests_el1_before_its_fine_grained_trap()
    {
        var domain = Build(Model(), hfgitr: 0, hcrx: 0, gcscr: 0);

        var result = domain.Cpu.Execute(0xd50b7719);

        // AArch64.SystemAccessTrap(EL1, 0x18): the instruction's own syndrome, to the guest's EL1, not EL2's field.
        Assert.Equal((ExecutionKind.TrappedToEl1, 0x6210DF2EU), (result.Kind, (uint)result.Esr));
        Assert.Null(result.Control);
    }

    [Theory]
    [InlineData(0xd508779fU)] // gcspushx
    [InlineData(0xd50877bfU)] // gcspopcx
    public void Gcspushx_and_gcspopcx_with_exlocken_1_check_pstate_exlock_which_is_not_modelled(uint word)
    {
        var domain = Build(Model(), hfgitr: 0, hcrx: 0, gcscr: ExLockEn);

        Assert.Equal(ExecutionKind.NotModelled, domain.Cpu.Execute(word).Kind);
    }

    [Theory]
    [InlineData("cortex-a57")]
    [InlineData("apple-m3")]
    [InlineData("max")]
    public void On_a_model_without_feat_gcs_each_is_undefined(string modelName)
    {
        foreach (var word in new uint[] { 0xd50b7719, 0xd508779f, 0xd50877bf, 0xd50877df, 0xd52b7739, 0xd50b7755, 0xd52b7776 })
        {
            var domain = new Domain([ExecutionState.Aarch64], model: CpuModels.Find(modelName)!);
            domain.Build();
            domain.Hypervisor.Hcr.Value = Rw;

            var result = domain.Cpu.Execute(word);

            Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (result.Kind, result.Undefined));
        }
    }

    [Theory]
    [InlineData(0xd52b7719U)] // SYSL at GCSPUSHM's encoding
    [InlineData(0xd50b7739U)] // SYS at GCSPOPM's encoding
    public void The_other_direction_of_their_encoding_is_no_instruction_and_undefined(uint word)
    {
        var domain = Build(Model(), NGcsEpp | NGcsPushmEl1, hcrx: 0, gcscr: PushmEn);

        Assert.Equal(ExecutionKind.UndefinedAtEl1, domain.Cpu.Execute(word).Kind);
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access));
        Assert.StartsWith("sys", SystemInstructionSyntax.Format(access), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gcspushm")]
    [InlineData("gcspushx x0")]
    [InlineData("gcsss2")]
    [InlineData("gcspopm x1, x2")]
    public void The_syntax_refuses_a_missing_or_extra_register(string text)
    {
        Assert.False(SystemInstructionSyntax.TryParse(text, thumb: false, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Gcspopm_without_a_register_is_gcspopm_xzr()
    {
        Assert.True(SystemInstructionSyntax.TryParse("gcspopm", thumb: false, out var access, out var error), error);
        Assert.Equal(0xd52b773fU, InstructionEncoder.Encode(access));
    }

    /// <summary>A domain on <paramref name="model"/> whose guest has written <paramref name="gcscr"/> to its GCSCR_EL1, then the controls set.</summary>
    private static Domain Build(CpuModel model, ulong hfgitr, ulong hcrx, ulong gcscr)
    {
        var domain = Machine.WithGcscr(model, gcscr);
        domain.Hypervisor.SetControlRegister("HFGITR_EL2", hfgitr);
        domain.Hypervisor.Hcrx = hcrx;
        return domain;
    }

    /// <summary>apple-m3 with FEAT_GCS (ID_AA64PFR1_EL1.GCS [47:44] 0b0001).</summary>
    private static CpuModel Model()
    {
        var model = Machine.ModelWith("apple-m3", "m3-gcs", ("ID_AA64PFR1_EL1", "GCS", 1));
        Assert.True(model.Satisfies("FEAT_GCS&FEAT_FGT&FEAT_HCX"));
        return model;
    }
}
