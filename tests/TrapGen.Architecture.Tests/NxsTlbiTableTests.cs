using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The nXS TLBIs (FEAT_XS) of aarch64-instructions.table against a list written out by hand from the Arm ARM (DDI 0487
/// M.a.a, C5.5: each TLBI ...NXS's encoding table and its EL1 pseudocode), not derived from the table: the 30 that EL1
/// may execute, with their encodings, whether they take Xt, which of HCR_EL2.TTLB, TTLBIS and TTLBOS trap them, and the
/// HFGITR_EL2 field that traps them while HCRX_EL2.FGTnXS is 0.
/// </summary>
public sealed class NxsTlbiTableTests
{
    /// <summary>
    /// name, op1 CRn CRm op2, whether Xt is an operand, the HCR_EL2 controls (TTLB, then TTLBIS or TTLBOS), the HFGITR_EL2
    /// field and the feature condition ("present only when ..." and "When FEAT_XS is implemented").
    /// </summary>
    public static TheoryData<string, int[], bool, string[], string, string> El1 => new()
    {
        { "VMALLE1OSNXS", [0, 9, 1, 0], false, ["TTLB", "TTLBOS"], "TLBIVMALLE1OS", "FEAT_XS&FEAT_TLBIOS" },
        { "VAE1OSNXS", [0, 9, 1, 1], true, ["TTLB", "TTLBOS"], "TLBIVAE1OS", "FEAT_XS&FEAT_TLBIOS" },
        { "ASIDE1OSNXS", [0, 9, 1, 2], true, ["TTLB", "TTLBOS"], "TLBIASIDE1OS", "FEAT_XS&FEAT_TLBIOS" },
        { "VAAE1OSNXS", [0, 9, 1, 3], true, ["TTLB", "TTLBOS"], "TLBIVAAE1OS", "FEAT_XS&FEAT_TLBIOS" },
        { "VALE1OSNXS", [0, 9, 1, 5], true, ["TTLB", "TTLBOS"], "TLBIVALE1OS", "FEAT_XS&FEAT_TLBIOS" },
        { "VAALE1OSNXS", [0, 9, 1, 7], true, ["TTLB", "TTLBOS"], "TLBIVAALE1OS", "FEAT_XS&FEAT_TLBIOS" },
        { "RVAE1ISNXS", [0, 9, 2, 1], true, ["TTLB", "TTLBIS"], "TLBIRVAE1IS", "FEAT_XS&FEAT_TLBIRANGE" },
        { "RVAAE1ISNXS", [0, 9, 2, 3], true, ["TTLB", "TTLBIS"], "TLBIRVAAE1IS", "FEAT_XS&FEAT_TLBIRANGE" },
        { "RVALE1ISNXS", [0, 9, 2, 5], true, ["TTLB", "TTLBIS"], "TLBIRVALE1IS", "FEAT_XS&FEAT_TLBIRANGE" },
        { "RVAALE1ISNXS", [0, 9, 2, 7], true, ["TTLB", "TTLBIS"], "TLBIRVAALE1IS", "FEAT_XS&FEAT_TLBIRANGE" },
        { "VMALLE1ISNXS", [0, 9, 3, 0], false, ["TTLB", "TTLBIS"], "TLBIVMALLE1IS", "FEAT_XS" },
        { "VAE1ISNXS", [0, 9, 3, 1], true, ["TTLB", "TTLBIS"], "TLBIVAE1IS", "FEAT_XS" },
        { "ASIDE1ISNXS", [0, 9, 3, 2], true, ["TTLB", "TTLBIS"], "TLBIASIDE1IS", "FEAT_XS" },
        { "VAAE1ISNXS", [0, 9, 3, 3], true, ["TTLB", "TTLBIS"], "TLBIVAAE1IS", "FEAT_XS" },
        { "VALE1ISNXS", [0, 9, 3, 5], true, ["TTLB", "TTLBIS"], "TLBIVALE1IS", "FEAT_XS" },
        { "VAALE1ISNXS", [0, 9, 3, 7], true, ["TTLB", "TTLBIS"], "TLBIVAALE1IS", "FEAT_XS" },
        { "RVAE1OSNXS", [0, 9, 5, 1], true, ["TTLB", "TTLBOS"], "TLBIRVAE1OS", "FEAT_XS&FEAT_TLBIRANGE&FEAT_TLBIOS" },
        { "RVAAE1OSNXS", [0, 9, 5, 3], true, ["TTLB", "TTLBOS"], "TLBIRVAAE1OS", "FEAT_XS&FEAT_TLBIRANGE&FEAT_TLBIOS" },
        { "RVALE1OSNXS", [0, 9, 5, 5], true, ["TTLB", "TTLBOS"], "TLBIRVALE1OS", "FEAT_XS&FEAT_TLBIRANGE&FEAT_TLBIOS" },
        { "RVAALE1OSNXS", [0, 9, 5, 7], true, ["TTLB", "TTLBOS"], "TLBIRVAALE1OS", "FEAT_XS&FEAT_TLBIRANGE&FEAT_TLBIOS" },
        { "RVAE1NXS", [0, 9, 6, 1], true, ["TTLB"], "TLBIRVAE1", "FEAT_XS&FEAT_TLBIRANGE" },
        { "RVAAE1NXS", [0, 9, 6, 3], true, ["TTLB"], "TLBIRVAAE1", "FEAT_XS&FEAT_TLBIRANGE" },
        { "RVALE1NXS", [0, 9, 6, 5], true, ["TTLB"], "TLBIRVALE1", "FEAT_XS&FEAT_TLBIRANGE" },
        { "RVAALE1NXS", [0, 9, 6, 7], true, ["TTLB"], "TLBIRVAALE1", "FEAT_XS&FEAT_TLBIRANGE" },
        { "VMALLE1NXS", [0, 9, 7, 0], false, ["TTLB"], "TLBIVMALLE1", "FEAT_XS" },
        { "VAE1NXS", [0, 9, 7, 1], true, ["TTLB"], "TLBIVAE1", "FEAT_XS" },
        { "ASIDE1NXS", [0, 9, 7, 2], true, ["TTLB"], "TLBIASIDE1", "FEAT_XS" },
        { "VAAE1NXS", [0, 9, 7, 3], true, ["TTLB"], "TLBIVAAE1", "FEAT_XS" },
        { "VALE1NXS", [0, 9, 7, 5], true, ["TTLB"], "TLBIVALE1", "FEAT_XS" },
        { "VAALE1NXS", [0, 9, 7, 7], true, ["TTLB"], "TLBIVAALE1", "FEAT_XS" },
    };

    [Theory]
    [MemberData(nameof(El1))]
    public void An_el1_nxs_tlbi_is_the_arm_arms_encoding_and_traps_as_its_pseudocode_says(string name, int[] encoding, bool takesXt, string[] coarse, string field, string condition)
    {
        Assert.True(SystemInstructions.TryFind("TLBI " + name, out var instruction), name);

        Assert.Equal(new Aarch64Encoding(1, encoding[0], encoding[1], encoding[2], encoding[3]), instruction.Encoding);
        Assert.Equal((takesXt, 1, "FEAT_XS", "armarm"), (instruction.TakesRegister, instruction.ExceptionLevel, instruction.Feature, instruction.Source));
        Assert.Equal(condition, Requirements.Of(instruction));

        // TTLB, TTLBIS/TTLBOS, then the HFGITR_EL2 field, which only HCRX_EL2.FGTnXS = 0 lets trap it.
        Assert.Equal(
            [.. coarse.Select(c => "HCR_EL2." + c + ":-"), "HFGITR_EL2." + field + ":HCRX_EL2.FGTnXS"],
            instruction.Traps.Select(r => r.Control.QualifiedName + ":" + (r.Qualifier?.QualifiedName ?? "-")));
        Assert.All(instruction.Traps, r => Assert.Equal(AccessDirection.Write, r.Direction));
    }

    [Fact]
    public void The_el1_list_is_every_el1_nxs_row_and_the_others_are_el2_and_el3_rows_with_no_el1_trap()
    {
        var nxs = SystemInstructions.All.Where(i => i.Name.EndsWith("NXS", System.StringComparison.Ordinal)).ToList();
        var el1 = El1.Select(row => (string)row[0]).ToHashSet(System.StringComparer.Ordinal);

        Assert.Equal(78, nxs.Count);
        Assert.Equal(el1.Order(System.StringComparer.Ordinal), nxs.Where(i => i.ExceptionLevel == 1).Select(i => i.Name).Order(System.StringComparer.Ordinal));
        Assert.Equal(
            new Dictionary<int, int> { [2] = 33, [3] = 15 },
            nxs.Where(i => i.ExceptionLevel > 1).GroupBy(i => i.ExceptionLevel).ToDictionary(g => g.Key, g => g.Count()));
        Assert.All(nxs.Where(i => i.ExceptionLevel == 3), i => Assert.Empty(i.Traps));

        // An EL2 one (an EL2 regime's, or an EL1 regime's only EL2 may execute) traps at EL1 only under HCR_EL2.NV (D24.2.62).
        Assert.All(nxs.Where(i => i.ExceptionLevel == 2), i => Assert.Equal(["HCR_EL2.NV"], i.Traps.Select(r => r.Control.QualifiedName)));
        Assert.All(nxs, i => Assert.Equal(i.Encoding.Op1 == 4 ? 2 : i.Encoding.Op1 == 6 ? 3 : 1, i.ExceptionLevel));
    }

    [Fact]
    public void Fgtnxs_is_hcrx_el2_bit_4_a_qualifier_of_cpus_with_feat_hcx_and_feat_xs_that_traps_nothing_itself()
    {
        // D24.2.63: "FGTnXS, bit [4]. When FEAT_XS is implemented: 0b0 The fine-grained trap in the HFGITR_EL2 that applies to
        // a TLBI maintenance instruction at EL1 also applies to the corresponding TLBI instruction with the nXS qualifier."
        var fgtnxs = TrapControls.Find("HCRX_EL2.FGTnXS");

        Assert.NotNull(fgtnxs);
        Assert.Equal(("HCRX_EL2", 4, false, true, "FEAT_HCX&FEAT_XS"), (fgtnxs.Register, fgtnxs.Bit, fgtnxs.TrapsWhenSet, fgtnxs.IsQualifier, fgtnxs.Needs));
        Assert.Empty(ArchitecturalTraps.CoveredBy(fgtnxs));
        Assert.True(fgtnxs.IsActive(0));
        Assert.False(fgtnxs.IsActive(1UL << 4));
    }

    [Fact]
    public void Hfgitr_el2_tlbivae1_traps_tlbi_vae1nxs_only_while_fgtnxs_is_0_and_tlbi_vae1_either_way()
    {
        Assert.True(SystemInstructions.TryFind("TLBI VAE1NXS", out var nxs));
        Assert.True(SystemInstructions.TryFind("TLBI VAE1", out var plain));
        var field = FineGrainedTraps.All.Single(c => c.QualifiedName == "HFGITR_EL2.TLBIVAE1");
        var trapping = default(TrapControlRegisters).With("HFGITR_EL2", 1UL << 43);

        Assert.Equal(43, field.Bit);
        Assert.Equal(field, ArchitecturalTraps.TrappingControl(trapping, TrapClasses.Msr, nxs.Encoding.Key, isRead: false));
        Assert.Null(ArchitecturalTraps.TrappingControl(trapping with { Hcrx = 1UL << 4 }, TrapClasses.Msr, nxs.Encoding.Key, isRead: false));
        Assert.Equal(field, ArchitecturalTraps.TrappingControl(trapping with { Hcrx = 1UL << 4 }, TrapClasses.Msr, plain.Encoding.Key, isRead: false));
    }
}
