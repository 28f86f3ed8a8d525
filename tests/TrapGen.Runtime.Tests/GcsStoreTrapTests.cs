using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// GCSSTR and GCSSTTR (FEAT_GCS, C6.2.169, C6.2.170) at EL1 on the emulated CPU, against their pseudocode: their Decode makes them
/// UNDEFINED without FEAT_GCS; CheckGCSSTREnabled (J1.1) takes them to the guest's EL1 while its GCSCR_EL1.STREn (bit 9) is 0,
/// and then to EL2 while HFGITR_EL2.nGCSSTR_EL1 (bit 58, FEAT_FGT) is 0; GCSSTTR calls it only when AArch64.IsUnprivAccessPriv()
/// (PSTATE.UAO, which the vCPU takes as 0, or HCR_EL2.{NV, NV1} {1, 1}). Untrapped, they write Guarded Control Stack memory,
/// which is not modelled. Words from LLVM's llvm/test/MC/AArch64/gcs.s (gcsstr x26, [x27] 0xD91F0F7A; gcssttr 0xD91F1F7A);
/// ESRs written out from D24.2.46's ISS of EC 0x2D (GCSSTRTrapException): EC 0x2D &lt;&lt; 26 = 0xB4000000, IL 1 &lt;&lt; 25 =
/// 0x02000000, ExType 0b0010 &lt;&lt; 20 = 0x200000, Raddr (Rn) &lt;&lt; 10, Rvalue (Rt) &lt;&lt; 5.
/// </summary>
public sealed class GcsStoreTrapTests
{
    /// <summary>HCR_EL2.RW (31), NV (42), NV1 (43).</summary>
    private const ulong Rw = 1UL << 31, Nv = 1UL << 42, Nv1 = 1UL << 43;

    /// <summary>HFGITR_EL2.nGCSSTR_EL1 (58), D24.2.71: traps while 0.</summary>
    private const ulong NGcsStrEl1 = 1UL << 58;

    /// <summary>GCSCR_EL1.STREn (9), D24.11.1.</summary>
    private const ulong StrEn = 1UL << 9;

    /// <summary>gcsstr x26, [x27] and gcssttr x26, [x27]: LLVM's words.</summary>
    private const uint Gcsstr = 0xD91F0F7A, Gcssttr = 0xD91F1F7A;

    /// <summary>Either's syndrome: 0xB4000000 | 0x02000000 | 0x200000 | 27 &lt;&lt; 10 (0x6C00) | 26 &lt;&lt; 5 (0x340) = 0xB6206F40.</summary>
    private const uint Esr = 0xB6206F40;

    /// <summary>
    /// Each word, its text, and its syndrome: gcsstr xzr, [sp] = 0xB6200000 | 31 &lt;&lt; 10 (0x7C00) | 31 &lt;&lt; 5 (0x3E0) = 0xB6207FE0;
    /// gcsstr x0, [x1] = 0xB6200000 | 1 &lt;&lt; 10 = 0xB6200400; the words: 0xD91F0C00 (Fixed, opc 0, 0b11 at [11:10]) | Rn &lt;&lt; 5 | Rt,
    /// with opc 1 (0x1000) for GCSSTTR.
    /// </summary>
    public static TheoryData<uint, string, uint> Words() => new()
    {
        { Gcsstr, "gcsstr x26, [x27]", Esr },
        { Gcssttr, "gcssttr x26, [x27]", Esr },
        { 0xD91F0FFF, "gcsstr xzr, [sp]", 0xB6207FE0 },
        { 0xD91F1FFF, "gcssttr xzr, [sp]", 0xB6207FE0 },
        { 0xD91F0C20, "gcsstr x0, [x1]", 0xB6200400 },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Each_word_decodes_formats_parses_and_encodes_back_with_its_syndrome(uint word, string text, uint esr)
    {
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access));

        Assert.Equal((TrapClasses.GcsStore, text), (access.Class, SystemInstructionSyntax.Format(access)));
        Machine.AssertWritesBack(word, access, esr);
        Assert.True(SystemInstructionSyntax.TryParse(text, thumb: false, out var parsed, out var error), error);
        Assert.Equal(word, InstructionEncoder.Encode(parsed));
    }

    [Theory]
    [InlineData(0xD91F2F7AU)] // opc 0b010
    [InlineData(0xD91F4F7AU)] // opc 0b100
    [InlineData(0xD91F0B7AU)] // bits [11:10] 0b10
    public void The_unallocated_words_of_their_space_are_none(uint word)
    {
        Assert.False(InstructionDecoder.TryDecode(word, InstructionSet.A64, out _));
    }

    [Theory]
    [InlineData("gcsstr x0")]
    [InlineData("gcsstr x0, x1")]
    [InlineData("gcsstr x0, [xzr]")]
    [InlineData("gcssttr sp, [x1]")]
    public void The_syntax_refuses_a_missing_register_or_a_wrong_base(string text)
    {
        Assert.False(SystemInstructionSyntax.TryParse(text, thumb: false, out _, out var error));
        Assert.Contains("x<t>, [x<n>|sp]", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Its_syndrome_decodes_as_no_one_instruction_as_gcsstr_and_gcssttr_report_the_same()
    {
        Assert.False(SyndromeDecoder.TryDecode(Esr, out _, out _));
        Assert.False(SyndromeDecoder.TryDecode(0xB6000000, out _, out _)); // ExType 0b0000: a data check
    }

    [Theory]
    [InlineData(Gcsstr, Rw)]
    [InlineData(Gcssttr, Rw | Nv | Nv1)]
    public void With_nGCSSTR_EL1_0_a_privileged_store_traps_to_el2_and_the_hypervisor_injects_undefined(uint word, ulong hcr)
    {
        var domain = Build(hcr, hfgitr: 0, gcscr: StrEn);
        var undefined = domain.Current.UndefinedExceptions;

        var result = domain.Cpu.Execute(word);

        Assert.Equal((ExecutionKind.Trapped, Esr, "HFGITR_EL2.nGCSSTR_EL1"), (result.Kind, (uint)result.Esr, result.Control?.QualifiedName));
        Assert.Equal((TrapOutcome.GcsStoreUndefined, undefined + 1), (result.Outcome, domain.Current.UndefinedExceptions));
    }

    [Theory]
    [InlineData(Gcsstr, Rw)]
    [InlineData(Gcssttr, Rw | Nv | Nv1)]
    public void With_stren_0_it_is_taken_to_the_guests_el1_before_el2s_field(uint word, ulong hcr)
    {
        var domain = Build(hcr, hfgitr: 0, gcscr: 0);

        var result = domain.Cpu.Execute(word);

        Assert.Equal((ExecutionKind.TrappedToEl1, Esr), (result.Kind, (uint)result.Esr));
        Assert.Null(result.Control);
    }

    [Theory]
    [InlineData(Gcsstr, Rw, StrEn, NGcsStrEl1)] // enabled and not trapped
    [InlineData(Gcssttr, Rw, 0UL, 0UL)] // unprivileged (NV and NV1 0): CheckGCSSTREnabled is not called
    [InlineData(Gcssttr, Rw | Nv, 0UL, 0UL)] // NV without NV1: still unprivileged
    [InlineData(Gcssttr, Rw | Nv | Nv1, StrEn, NGcsStrEl1)]
    public void Untrapped_it_would_write_gcs_memory_which_is_not_modelled(uint word, ulong hcr, ulong gcscr, ulong hfgitr)
    {
        var domain = Build(hcr, hfgitr, gcscr);
        var pc = domain.Current.Pc;

        var result = domain.Cpu.Execute(word);

        Assert.Equal((ExecutionKind.NotModelled, Esr, pc), (result.Kind, (uint)result.Esr, domain.Current.Pc));
    }

    [Theory]
    [InlineData("cortex-a57")]
    [InlineData("apple-m3")]
    [InlineData("max")]
    public void On_a_model_without_feat_gcs_both_are_undefined(string modelName)
    {
        foreach (var word in new[] { Gcsstr, Gcssttr })
        {
            var domain = new Domain([ExecutionState.Aarch64], model: CpuModels.Find(modelName)!);
            domain.Build();
            domain.Hypervisor.Hcr.Value = Rw | Nv | Nv1;

            var result = domain.Cpu.Execute(word);

            Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.NotImplemented), (result.Kind, result.Undefined));
        }
    }

    [Fact]
    public void Without_feat_fgt_nothing_traps_it_to_el2()
    {
        var model = CpuModels.Find("cortex-a57+FEAT_GCS")!;
        Assert.True(model.Satisfies("FEAT_GCS") && !model.Satisfies("FEAT_FGT"));
        var domain = Machine.WithGcscr(model, StrEn);

        // HFGITR_EL2 does not exist: its nGCSSTR_EL1 reads as 0 but traps nothing.
        Assert.Equal(ExecutionKind.NotModelled, domain.Cpu.Execute(Gcsstr).Kind);
    }

    [Fact]
    public void A_trapped_gcs_store_allocates_nothing()
    {
        var domain = Build(Rw, hfgitr: 0, gcscr: StrEn);

        Assert.Equal(0, Machine.AllocatedBy(() => domain.Cpu.Execute(Gcsstr)));
    }

    /// <summary>A domain on apple-m3 with FEAT_GCS whose guest has written <paramref name="gcscr"/> to its GCSCR_EL1, then the controls set.</summary>
    private static Domain Build(ulong hcr, ulong hfgitr, ulong gcscr)
    {
        var model = CpuModels.Find("apple-m3+FEAT_GCS")!;
        Assert.True(model.Satisfies("FEAT_GCS&FEAT_FGT&FEAT_NV"));
        var domain = Machine.WithGcscr(model, gcscr);
        domain.Hypervisor.SetControlRegister("HFGITR_EL2", hfgitr);
        domain.Hypervisor.Hcr.Value = hcr;
        return domain;
    }
}
