using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The emulated CPU's decision on the 30 EL1 nXS TLBIs (FEAT_XS), against expectations written out from the Arm ARM
/// (C5.5's encodings and EL1 pseudocode, D24.2.63 HCRX_EL2.FGTnXS, D24.2.71 HFGITR_EL2, D24.2.46's ISS of EC 0x18), with
/// each instruction word and syndrome built here by hand, not from the tables. No model of cpu-models.table has FEAT_XS
/// (QEMU 7.2's max reads ID_AA64ISAR1_EL1.XS 0, as do the silicon dumps), so the trapping ones run on apple-m3 with XS set.
/// </summary>
public sealed class NxsTlbiTrapTests
{
    /// <summary>HCR_EL2.RW (31), TTLB (25), TTLBIS (54), TTLBOS (55); HCRX_EL2.FGTnXS (4).</summary>
    private const ulong Rw = 1UL << 31, Ttlb = 1UL << 25, Ttlbis = 1UL << 54, Ttlbos = 1UL << 55, Fgtnxs = 1UL << 4;

    /// <summary>The 30 EL1 nXS TLBIs: CRm, op2 (op1 0, CRn 9), shareability (IS, OS or -) and the HFGITR_EL2 field's bit.</summary>
    private static readonly (string Name, int CRm, int Op2, string Domain, int Field)[] El1 =
    [
        ("vmalle1osnxs", 1, 0, "OS", 18), ("vae1osnxs", 1, 1, "OS", 19), ("aside1osnxs", 1, 2, "OS", 20), ("vaae1osnxs", 1, 3, "OS", 21),
        ("vale1osnxs", 1, 5, "OS", 22), ("vaale1osnxs", 1, 7, "OS", 23),
        ("rvae1isnxs", 2, 1, "IS", 34), ("rvaae1isnxs", 2, 3, "IS", 35), ("rvale1isnxs", 2, 5, "IS", 36), ("rvaale1isnxs", 2, 7, "IS", 37),
        ("vmalle1isnxs", 3, 0, "IS", 28), ("vae1isnxs", 3, 1, "IS", 29), ("aside1isnxs", 3, 2, "IS", 30), ("vaae1isnxs", 3, 3, "IS", 31),
        ("vale1isnxs", 3, 5, "IS", 32), ("vaale1isnxs", 3, 7, "IS", 33),
        ("rvae1osnxs", 5, 1, "OS", 24), ("rvaae1osnxs", 5, 3, "OS", 25), ("rvale1osnxs", 5, 5, "OS", 26), ("rvaale1osnxs", 5, 7, "OS", 27),
        ("rvae1nxs", 6, 1, "-", 38), ("rvaae1nxs", 6, 3, "-", 39), ("rvale1nxs", 6, 5, "-", 40), ("rvaale1nxs", 6, 7, "-", 41),
        ("vmalle1nxs", 7, 0, "-", 42), ("vae1nxs", 7, 1, "-", 43), ("aside1nxs", 7, 2, "-", 44), ("vaae1nxs", 7, 3, "-", 45),
        ("vale1nxs", 7, 5, "-", 46), ("vaale1nxs", 7, 7, "-", 47),
    ];

    public static TheoryData<string> Names => new(El1.Select(t => t.Name));

    /// <summary>SYS #0, C9, Cm, #op2, Xt: 0xD5080000 | op1 &lt;&lt; 16 | CRn &lt;&lt; 12 | CRm &lt;&lt; 8 | op2 &lt;&lt; 5 | Rt (C6.2.372).</summary>
    private static uint Word(int crm, int op2, int rt) => 0xD5080000u | (9u << 12) | ((uint)crm << 8) | ((uint)op2 << 5) | (uint)rt;

    /// <summary>
    /// EC 0x18 (bits [31:26]), IL 1, and the ISS (D24.2.46): Op0 [21:20] 1, Op2 [19:17], Op1 [16:14] 0, CRn [13:10] 9,
    /// Rt [9:5], CRm [4:1], Direction [0] 0 (a System instruction is a write).
    /// </summary>
    private static uint Syndrome(int crm, int op2, int rt) =>
        (0x18u << 26) | (1u << 25) | (1u << 20) | ((uint)op2 << 17) | (9u << 10) | ((uint)rt << 5) | ((uint)crm << 1);

    /// <summary>apple-m3 (FEAT_FGT, FEAT_HCX, FEAT_TLBIOS, FEAT_TLBIRANGE) with ID_AA64ISAR1_EL1.XS [59:56] 1; without HCX [43:40] of ID_AA64MMFR1_EL1 when asked.</summary>
    private static CpuModel WithXs(bool hcx = true)
    {
        var m3 = CpuModels.Find("apple-m3")!;
        var registers = m3.Registers.Select(r => r.Register switch
        {
            "ID_AA64ISAR1_EL1" => (r.Register, (r.Value & ~(0xFUL << 56)) | (1UL << 56)),
            "ID_AA64MMFR1_EL1" when !hcx => (r.Register, r.Value & ~(0xFUL << 40)),
            _ => r,
        }).ToList();
        return new CpuModel("apple-m3+xs", "apple-m3 with FEAT_XS, for tests", registers, m3.Caches, m3.ImplementationDefined, m3.Aarch32ImplementationDefined, m3.StoredBits);
    }

    private static Domain Guest(CpuModel model, ulong hcr, ulong hcrx = 0, ulong hfgitr = 0)
    {
        var domain = new Domain([Cpu.ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = Rw | hcr;
        domain.Hypervisor.Hcrx = hcrx;
        domain.Hypervisor.SetControlRegister("HFGITR_EL2", hfgitr);
        return domain;
    }

    [Fact]
    public void The_test_models_have_the_features_they_stand_for()
    {
        Assert.All(["FEAT_XS", "FEAT_FGT", "FEAT_HCX", "FEAT_TLBIOS", "FEAT_TLBIRANGE"], f => Assert.True(WithXs().Has(f), f));
        Assert.False(WithXs(hcx: false).Has("FEAT_HCX"));
        Assert.All(CpuModels.All, m => Assert.False(m.Has("FEAT_XS"), m.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Hcr_el2_ttlb_and_its_shareability_control_trap_it_with_its_own_syndrome(string name)
    {
        var (_, crm, op2, shareability, _) = El1.Single(t => t.Name == name);
        var expectations = new List<(ulong Hcr, string? Control)>
        {
            (0, null),
            (Ttlb, "HCR_EL2.TTLB"),
            (Ttlb | Ttlbis | Ttlbos, "HCR_EL2.TTLB"),
            (Ttlbis, shareability == "IS" ? "HCR_EL2.TTLBIS" : null),
            (Ttlbos, shareability == "OS" ? "HCR_EL2.TTLBOS" : null),
        };

        foreach (var rt in new[] { 3, 31 })
        {
            foreach (var (hcr, control) in expectations)
            {
                var result = Guest(WithXs(), hcr).Cpu.Execute(Word(crm, op2, rt));

                Assert.Equal(control is null ? ExecutionKind.Direct : ExecutionKind.Trapped, result.Kind);
                Assert.Equal(control, result.Control?.QualifiedName);
                Assert.Equal(Syndrome(crm, op2, rt), result.Esr);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Its_hfgitr_el2_field_traps_it_only_while_hcrx_el2_fgtnxs_is_0_and_only_with_feat_hcx(string name)
    {
        var (_, crm, op2, _, field) = El1.Single(t => t.Name == name);
        var word = Word(crm, op2, 0);
        var hfgitr = 1UL << field;

        var trapped = Guest(WithXs(), 0, hcrx: 0, hfgitr).Cpu.Execute(word);
        Assert.Equal(ExecutionKind.Trapped, trapped.Kind);
        Assert.Equal("HFGITR_EL2", trapped.Control?.Register);
        Assert.Equal(field, trapped.Control?.Bit);
        Assert.Equal(Syndrome(crm, op2, 0), trapped.Esr);

        Assert.Equal(ExecutionKind.Direct, Guest(WithXs(), 0, hcrx: Fgtnxs, hfgitr).Cpu.Execute(word).Kind);
        Assert.Equal(ExecutionKind.Direct, Guest(WithXs(hcx: false), 0, hcrx: 0, hfgitr).Cpu.Execute(word).Kind);
        Assert.Equal(ExecutionKind.Direct, Guest(WithXs(), 0, hcrx: 0, ~hfgitr & (0x3FFF_FFFFUL << 18)).Cpu.Execute(word).Kind);

        // TTLB comes first: the pseudocode checks HCR_EL2 before the fine-grained field.
        Assert.Equal("HCR_EL2.TTLB", Guest(WithXs(), Ttlb, hcrx: 0, hfgitr).Cpu.Execute(word).Control?.QualifiedName);
    }

    [Fact]
    public void Fgtnxs_leaves_the_plain_tlbi_to_its_field()
    {
        // TLBI VAE1: SYS #0, C8, C7, #1 (CRn 8); HFGITR_EL2.TLBIVAE1 is bit 43, whatever HCRX_EL2.FGTnXS holds.
        var result = Guest(WithXs(), 0, hcrx: Fgtnxs, hfgitr: 1UL << 43).Cpu.Execute(0xD508_8720u);

        Assert.Equal(ExecutionKind.Trapped, result.Kind);
        Assert.Equal("HFGITR_EL2.TLBIVAE1", result.Control?.QualifiedName);
    }

    [Theory]
    [InlineData("max")]
    [InlineData("cortex-a57")]
    [InlineData("apple-m3")]
    [InlineData("neoverse-n2")]
    public void Without_feat_xs_every_nxs_tlbi_is_undefined_before_any_trap(string model)
    {
        var cpu = CpuModels.Find(model)!;
        Assert.False(cpu.Has("FEAT_XS"));

        foreach (var (name, crm, op2, _, field) in El1)
        {
            var result = Guest(cpu, Ttlb | Ttlbis | Ttlbos, hcrx: 0, 1UL << field).Cpu.Execute(Word(crm, op2, 0));

            Assert.True(result.Kind == ExecutionKind.UndefinedAtEl1, name + " on " + model + ": " + result.Kind);
        }
    }
}
