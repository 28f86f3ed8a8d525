using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The emulated CPU's decision on the System instructions the tables take from the Arm ARM for HFGITR_EL2's and
/// HFGITR2_EL2's fields (AT S1E1A, BRB IALL and INJ, COSP RCTX, DC CIVAPS and CIGDVAPS, the DC *OC forms), against
/// expectations written out from the Arm ARM (DDI 0487 M.a.a: each one's encoding table and EL1 pseudocode, C5.3, C5.4,
/// C5.6, C5.7; D24.2.62 HCR_EL2.TPCP, AT, NV; D24.2.70, 71 HFGITR2_EL2, HFGITR_EL2; D24.2.46's ISS of EC 0x18), with
/// each instruction word and syndrome written here by hand, not built from the tables. No model of cpu-models.table has
/// these features, so the trapping ones run on apple-m3 (FEAT_FGT, FEAT_NV) given them.
/// </summary>
public sealed class FineGrainedInstructionTrapTests
{
    /// <summary>HCR_EL2.RW (31), TPCP (23, TrapGen's TPC), NV (42), AT (44).</summary>
    private const ulong Rw = 1UL << 31, Tpc = 1UL << 23, Nv = 1UL << 42, At = 1UL << 44;

    /// <summary>
    /// HFGITR_EL2's fields that trap while 0 (nGCSEPP 59, nGCSSTR_EL1 58, nGCSPUSHM_EL1 57, nBRBIALL 56, nBRBINJ 55): set, so
    /// that a test traps only under the field it sets.
    /// </summary>
    private const ulong HfgitrNegatives = (1UL << 59) | (1UL << 58) | (1UL << 57) | (1UL << 56) | (1UL << 55);

    /// <summary>HFGITR2_EL2.nDCCIVAPS (1), which traps while 0: set, likewise.</summary>
    private const ulong Hfgitr2Negatives = 1UL << 1;

    /// <summary>
    /// Each instruction: its word with Rt 2 (SYS #op1, Cn, Cm, #op2, Xt: 0xD5080000 | op1 &lt;&lt; 16 | CRn &lt;&lt; 12 | CRm
    /// &lt;&lt; 8 | op2 &lt;&lt; 5 | Rt, C6.2; Rt 31 for BRB IALL and INJ, which take no register), the HCR_EL2 control its EL1
    /// pseudocode checks first (0: none), its fine-grained register and field bit, whether the field traps while set, and
    /// the feature that makes it exist.
    /// </summary>
    private static readonly (string Name, uint Word, ulong Coarse, string Register, int Bit, bool TrapsWhenSet, string Feature)[] Rows =
    [
        ("at s1e1a, x2", 0xD508_7942, At, "HFGITR_EL2", 62, true, "FEAT_ATS1A"),           // op1 0, C7, C9, #2
        ("brb iall", 0xD509_729F, 0, "HFGITR_EL2", 56, false, "FEAT_BRBE"),                // op1 1, C7, C2, #4
        ("brb inj", 0xD509_72BF, 0, "HFGITR_EL2", 55, false, "FEAT_BRBE"),                 // op1 1, C7, C2, #5
        ("cosp rctx, x2", 0xD50B_73C2, Nv, "HFGITR_EL2", 60, true, "FEAT_SPECRES2"),       // op1 3, C7, C3, #6
        ("dc civaps, x2", 0xD508_7F22, Tpc, "HFGITR2_EL2", 1, false, "FEAT_PoPS"),         // op1 0, C7, C15, #1
        ("dc cigdvaps, x2", 0xD508_7FA2, Tpc, "HFGITR2_EL2", 1, false, "FEAT_PoPS"),       // op1 0, C7, C15, #5
        ("dc cvaoc, x2", 0xD50B_7B02, Tpc, "HFGITR_EL2", 54, true, "FEAT_OCCMO"),          // op1 3, C7, C11, #0
        ("dc cgdvaoc, x2", 0xD50B_7BE2, Tpc, "HFGITR_EL2", 54, true, "FEAT_OCCMO"),        // op1 3, C7, C11, #7
        ("dc civaoc, x2", 0xD50B_7F02, Tpc, "HFGITR_EL2", 10, true, "FEAT_OCCMO"),         // op1 3, C7, C15, #0
        ("dc cigdvaoc, x2", 0xD50B_7FE2, Tpc, "HFGITR_EL2", 10, true, "FEAT_OCCMO"),       // op1 3, C7, C15, #7
    ];

    public static TheoryData<string> Names => new(Rows.Select(r => r.Name));

    /// <summary>
    /// apple-m3 (FEAT_FGT, FEAT_NV) given what these instructions need: ID_AA64MMFR0_EL1.FGT [59:56] 2 (FEAT_FGT2, for
    /// HFGITR2_EL2), ID_AA64ISAR1_EL1.SPECRES [43:40] 2, ID_AA64ISAR2_EL1.ATS1A [63:60] 1, ID_AA64ISAR3_EL1.OCCMO [23:20] 1,
    /// ID_AA64MMFR4_EL1.PoPS [3:0] 1, ID_AA64DFR0_EL1.BRBE [55:52] 1, ID_AA64PFR1_EL1.MTE [11:8] 2; or apple-m3 as it is.
    /// </summary>
    private static CpuModel Model(bool withFeatures = true)
    {
        var m3 = CpuModels.Find("apple-m3")!;
        if (!withFeatures)
        {
            return m3;
        }

        static ulong Set(ulong value, int lsb, ulong field) => (value & ~(0xFUL << lsb)) | (field << lsb);
        var registers = m3.Registers.Select(r => r.Register switch
        {
            "ID_AA64MMFR0_EL1" => (r.Register, Set(r.Value, 56, 2)),
            "ID_AA64ISAR1_EL1" => (r.Register, Set(r.Value, 40, 2)),
            "ID_AA64ISAR2_EL1" => (r.Register, Set(r.Value, 60, 1)),
            "ID_AA64DFR0_EL1" => (r.Register, Set(r.Value, 52, 1)),
            "ID_AA64PFR1_EL1" => (r.Register, Set(r.Value, 8, 2)),
            _ => r,
        }).Where(r => r.Register is not ("ID_AA64ISAR3_EL1" or "ID_AA64MMFR4_EL1"))
            .Concat([("ID_AA64ISAR3_EL1", 1UL << 20), ("ID_AA64MMFR4_EL1", 1UL)])
            .ToList();
        return new CpuModel("apple-m3+fgt-insns", "apple-m3 with the features of the fine-grained fields' instructions, for tests", registers, m3.Caches, m3.ImplementationDefined, m3.Aarch32ImplementationDefined, m3.StoredBits);
    }

    private static Domain Guest(CpuModel model, ulong hcr, ulong hfgitr = HfgitrNegatives, ulong hfgitr2 = Hfgitr2Negatives)
    {
        var domain = new Domain([Cpu.ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = Rw | hcr;
        domain.Hypervisor.SetControlRegister("HFGITR_EL2", hfgitr);
        domain.Hypervisor.SetControlRegister("HFGITR2_EL2", hfgitr2);
        return domain;
    }

    [Fact]
    public void The_test_model_has_the_features_it_stands_for_and_no_shipped_model_has_them()
    {
        Assert.All(["FEAT_FGT", "FEAT_FGT2", "FEAT_NV", "FEAT_ATS1A", "FEAT_BRBE", "FEAT_SPECRES2", "FEAT_PoPS", "FEAT_OCCMO", "FEAT_MTE2"], f => Assert.True(Model().Has(f), f));
        Assert.All(CpuModels.All, m => Assert.All(["FEAT_ATS1A", "FEAT_PoPS", "FEAT_OCCMO"], f => Assert.False(m.Has(f), m.Name + " " + f)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void It_runs_untrapped_while_no_control_traps_it(string name)
    {
        var row = Rows.Single(r => r.Name == name);

        var result = Guest(Model(), 0).Cpu.Execute(row.Word);

        Assert.Equal(ExecutionKind.Direct, result.Kind);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Its_fine_grained_field_traps_it_and_its_hcr_el2_control_comes_first(string name)
    {
        var row = Rows.Single(r => r.Name == name);
        var hfgitr = row.Register == "HFGITR_EL2" ? FieldTrapping(HfgitrNegatives, row) : HfgitrNegatives;
        var hfgitr2 = row.Register == "HFGITR2_EL2" ? FieldTrapping(Hfgitr2Negatives, row) : Hfgitr2Negatives;

        var trapped = Guest(Model(), 0, hfgitr, hfgitr2).Cpu.Execute(row.Word);
        Assert.Equal(ExecutionKind.Trapped, trapped.Kind);
        Assert.Equal((row.Register, row.Bit), (trapped.Control?.Register, trapped.Control?.Bit));

        if (row.Coarse != 0)
        {
            var both = Guest(Model(), row.Coarse, hfgitr, hfgitr2).Cpu.Execute(row.Word);
            Assert.Equal(ExecutionKind.Trapped, both.Kind);
            Assert.Equal("HCR_EL2", both.Control?.Register);
            Assert.Equal(row.Coarse, 1UL << both.Control!.Bit);
            Assert.Equal(trapped.Esr, both.Esr);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Without_its_feature_it_is_undefined_before_any_trap(string name)
    {
        var row = Rows.Single(r => r.Name == name);
        Assert.False(Model(withFeatures: false).Has(row.Feature));

        var result = Guest(Model(withFeatures: false), row.Coarse, hfgitr: 0, hfgitr2: 0).Cpu.Execute(row.Word);

        Assert.Equal(ExecutionKind.UndefinedAtEl1, result.Kind);
    }

    [Fact]
    public void Dc_cigdvaps_needs_feat_mte2_as_well()
    {
        // C5.3.15: present only when FEAT_PoPS and FEAT_MTE2 are implemented; DC CIVAPS needs FEAT_PoPS alone.
        var model = Model();
        var registers = model.Registers.Select(r => r.Register == "ID_AA64PFR1_EL1" ? (r.Register, r.Value & ~(0xFUL << 8)) : r).ToList();
        var noMte = new CpuModel("apple-m3+fgt-insns-mte", "without FEAT_MTE", registers, model.Caches, model.ImplementationDefined, model.Aarch32ImplementationDefined, model.StoredBits);

        Assert.Equal(ExecutionKind.UndefinedAtEl1, Guest(noMte, Tpc).Cpu.Execute(0xD508_7FA2).Kind);
        Assert.Equal(ExecutionKind.Trapped, Guest(noMte, Tpc).Cpu.Execute(0xD508_7F22).Kind);
    }

    [Fact]
    public void Dc_civaoc_under_hfgitr_el2_dccivac_reports_its_own_syndrome()
    {
        // DC CIVAOC, X12: SYS #3, C7, C15, #0, X12 = 0xD50B7F0C. HFGITR_EL2.DCCIVAC is bit 10.
        // ESR 0x6210DD9E: EC 0x18 [31:26], IL 1 [25]; ISS Op0 1 [21:20], Op2 0 [19:17], Op1 3 [16:14], CRn 7 [13:10],
        // Rt 12 [9:5], CRm 15 [4:1], Direction 0 [0] (0x100000 | 0xC000 | 0x1C00 | 0x180 | 0x1E = 0x10DD9E).
        var result = Guest(Model(), 0, HfgitrNegatives | (1UL << 10)).Cpu.Execute(0xD50B_7F0C);

        Assert.Equal(ExecutionKind.Trapped, result.Kind);
        Assert.Equal("HFGITR_EL2.DCCIVAC", result.Control?.QualifiedName);
        Assert.Equal(0x6210_DD9Eu, result.Esr);
    }

    [Fact]
    public void Brb_iall_under_a_clear_hfgitr_el2_nbrbiall_reports_its_own_syndrome()
    {
        // BRB IALL: SYS #1, C7, C2, #4 with Rt 31 = 0xD509729F. HFGITR_EL2.nBRBIALL (bit 56) traps while 0.
        // ESR 0x62185FE4: EC 0x18, IL 1; ISS Op0 1, Op2 4 [19:17], Op1 1 [16:14], CRn 7, Rt 31, CRm 2, Direction 0
        // (0x100000 | 0x80000 | 0x4000 | 0x1C00 | 0x3E0 | 0x4 = 0x185FE4).
        var result = Guest(Model(), 0, HfgitrNegatives & ~(1UL << 56)).Cpu.Execute(0xD509_729F);

        Assert.Equal(ExecutionKind.Trapped, result.Kind);
        Assert.Equal("HFGITR_EL2.nBRBIALL", result.Control?.QualifiedName);
        Assert.Equal(0x6218_5FE4u, result.Esr);
    }

    [Fact]
    public void Dc_civaps_under_a_clear_hfgitr2_el2_ndccivaps_reports_its_own_syndrome()
    {
        // DC CIVAPS, X0: SYS #0, C7, C15, #1, X0 = 0xD5087F20. HFGITR2_EL2.nDCCIVAPS (bit 1) traps while 0 (FEAT_FGT2).
        // ESR 0x62121C1E: EC 0x18, IL 1; ISS Op0 1, Op2 1 [19:17], Op1 0, CRn 7, Rt 0, CRm 15, Direction 0
        // (0x100000 | 0x20000 | 0x1C00 | 0x1E = 0x121C1E).
        var result = Guest(Model(), 0, hfgitr2: 0).Cpu.Execute(0xD508_7F20);

        Assert.Equal(ExecutionKind.Trapped, result.Kind);
        Assert.Equal("HFGITR2_EL2.nDCCIVAPS", result.Control?.QualifiedName);
        Assert.Equal(0x6212_1C1Eu, result.Esr);
    }

    [Fact]
    public void At_s1e2a_traps_under_hcr_el2_nv_and_is_otherwise_undefined_at_el1()
    {
        // AT S1E2A, X2: SYS #4, C7, C9, #2, X2 = 0xD50C7942 (C5.4.12): EL2's, which EL1 reaches only through HCR_EL2.NV.
        Assert.Equal(ExecutionKind.UndefinedAtEl1, Guest(Model(), 0).Cpu.Execute(0xD50C_7942).Kind);

        var nested = Guest(Model(), Nv).Cpu.Execute(0xD50C_7942);
        Assert.Equal(ExecutionKind.Trapped, nested.Kind);
        Assert.Equal("HCR_EL2.NV", nested.Control?.QualifiedName);
    }

    /// <summary>The fine-grained register's value that makes <paramref name="row"/>'s field trap, from its quiet value.</summary>
    private static ulong FieldTrapping(ulong quiet, (string Name, uint Word, ulong Coarse, string Register, int Bit, bool TrapsWhenSet, string Feature) row) =>
        row.TrapsWhenSet ? quiet | (1UL << row.Bit) : quiet & ~(1UL << row.Bit);
}
