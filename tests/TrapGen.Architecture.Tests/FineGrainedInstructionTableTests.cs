using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The System instructions that aarch64-instructions.table takes from the Arm ARM alone so that HFGITR_EL2's and
/// HFGITR2_EL2's fields trap something (AT S1E*A, BRB IALL and INJ, COSP RCTX, DC CIVAPS and CIGDVAPS, the DC *OC forms, and
/// the Guarded Control Stack's seven, C5.9, named in one word; GCSPOPM and GCSSS2 are SYSL aliases, writing Xt),
/// against a list written out by hand from their pages (DDI 0487 M.a.a: each one's encoding table, "present only when" and
/// EL1 pseudocode), not derived from the tables.
/// </summary>
public sealed class FineGrainedInstructionTableTests
{
    /// <summary>
    /// full name, Arm ARM section, op1 CRn CRm op2, whether Xt is an operand, el, the feature condition, and the controls that
    /// trap its execution at EL1, in the order its EL1 pseudocode checks them (HCR_EL2.NV is the generator's first rule of an
    /// el 2 row; HCR_EL2.TPCP is trap-controls.table's TPC, bit 23).
    /// </summary>
    public static TheoryData<string, string, int[], bool, int, string, string[]> Rows => new()
    {
        { "AT S1E1A", "C5.4.7", [0, 7, 9, 2], true, 1, "FEAT_ATS1A", ["HCR_EL2.AT", "HFGITR_EL2.ATS1E1A"] },
        { "AT S1E2A", "C5.4.12", [4, 7, 9, 2], true, 2, "FEAT_ATS1A", ["HCR_EL2.NV"] },
        { "AT S1E3A", "C5.4.15", [6, 7, 9, 2], true, 3, "FEAT_ATS1A", [] },
        { "BRB IALL", "C5.7.1", [1, 7, 2, 4], false, 1, "FEAT_BRBE", ["HFGITR_EL2.nBRBIALL"] },
        { "BRB INJ", "C5.7.2", [1, 7, 2, 5], false, 1, "FEAT_BRBE", ["HFGITR_EL2.nBRBINJ"] },
        { "COSP RCTX", "C5.6.2", [3, 7, 3, 6], true, 0, "FEAT_SPECRES2", ["HCR_EL2.NV", "HFGITR_EL2.COSPRCTX"] },
        { "DC CIVAPS", "C5.3.23", [0, 7, 15, 1], true, 1, "FEAT_PoPS", ["HCR_EL2.TPC", "HFGITR2_EL2.nDCCIVAPS"] },
        { "DC CIGDVAPS", "C5.3.15", [0, 7, 15, 5], true, 1, "FEAT_PoPS&FEAT_MTE2", ["HCR_EL2.TPC", "HFGITR2_EL2.nDCCIVAPS"] },
        { "DC CVAOC", "C5.3.27", [3, 7, 11, 0], true, 0, "FEAT_OCCMO", ["HCR_EL2.TPC", "HFGITR_EL2.DCCVAC"] },
        { "DC CGDVAOC", "C5.3.4", [3, 7, 11, 7], true, 0, "FEAT_OCCMO&FEAT_MTE", ["HCR_EL2.TPC", "HFGITR_EL2.DCCVAC"] },
        { "DC CIVAOC", "C5.3.22", [3, 7, 15, 0], true, 0, "FEAT_OCCMO", ["HCR_EL2.TPC", "HFGITR_EL2.DCCIVAC"] },
        { "DC CIGDVAOC", "C5.3.14", [3, 7, 15, 7], true, 0, "FEAT_OCCMO&FEAT_MTE", ["HCR_EL2.TPC", "HFGITR_EL2.DCCIVAC"] },
        { "GCSPOPCX", "C5.9.1", [0, 7, 7, 5], false, 1, "FEAT_GCS", ["HFGITR_EL2.nGCSEPP"] },
        { "GCSPOPM", "C5.9.2", [3, 7, 7, 1], true, 0, "FEAT_GCS", [] },
        { "GCSPOPX", "C5.9.3", [0, 7, 7, 6], false, 1, "FEAT_GCS", [] },
        { "GCSPUSHM", "C5.9.4", [3, 7, 7, 0], true, 0, "FEAT_GCS", ["HFGITR_EL2.nGCSPUSHM_EL1"] },
        { "GCSPUSHX", "C5.9.5", [0, 7, 7, 4], false, 1, "FEAT_GCS", ["HFGITR_EL2.nGCSEPP"] },
        { "GCSSS1", "C5.9.6", [3, 7, 7, 2], true, 0, "FEAT_GCS", [] },
        { "GCSSS2", "C5.9.7", [3, 7, 7, 3], true, 0, "FEAT_GCS", [] },
    };

    [Theory]
    [InlineData("GCSPOPM", true)]
    [InlineData("GCSSS2", true)]
    [InlineData("GCSPUSHM", false)]
    [InlineData("GCSSS1", false)]
    [InlineData("DC CIVAOC", false)]
    public void Only_gcspopm_and_gcsss2_are_sysl_aliases_that_write_xt(string name, bool writes)
    {
        Assert.True(SystemInstructions.TryFind(name, out var instruction));

        Assert.Equal(writes, instruction.WritesRegister);
        Assert.True(instruction.IsEncodedAs(isRead: writes));
        Assert.False(instruction.IsEncodedAs(isRead: !writes));
        Assert.Equal(name.Contains(' ', System.StringComparison.Ordinal), !instruction.IsOneWord);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void An_instruction_of_a_fine_grained_field_is_its_pages_encoding_and_traps_as_its_pseudocode_says(
        string name, string section, int[] encoding, bool takesXt, int el, string condition, string[] traps)
    {
        Assert.True(SystemInstructions.TryFind(name, out var instruction), name + " (" + section + ")");

        Assert.Equal(new Aarch64Encoding(1, encoding[0], encoding[1], encoding[2], encoding[3]), instruction.Encoding);
        Assert.Equal((takesXt, el, "armarm"), (instruction.TakesRegister, instruction.ExceptionLevel, instruction.Source));
        Assert.Equal(condition, Requirements.Of(instruction));
        Assert.Equal(traps, instruction.Traps.Select(r => r.Control.QualifiedName));
        Assert.All(instruction.Traps, r => Assert.Equal(AccessDirection.Write, r.Direction));
        Assert.All(instruction.Traps, r => Assert.Null(r.Qualifier));
    }

    [Fact]
    public void Every_instruction_field_that_traps_nothing_is_a_hint_or_a_gcs_instruction()
    {
        // ERET, SVC_EL1 and SVC_EL0 trap instructions that are no System instruction (trapped-instructions.table's kind):
        // not this table's question.
        var nothing = FineGrainedTraps.All
            .Where(c => c.Register is "HFGITR_EL2" or "HFGITR2_EL2" && c.Name is not ("ERET" or "SVC_EL1" or "SVC_EL0"))
            .Where(c => !ArchitecturalTraps.CoveredBy(c).Any())
            .Select(c => c.QualifiedName)
            .Order(System.StringComparer.Ordinal);

        // PSB CSYNC and TSB CSYNC are hints their field traps as EC 0x0A, and GCSSTR and GCSSTTR stores the field makes take a
        // GCS exception (EC 0x2D): C6.2's instructions, trapped-instructions.table's rows, not System instructions.
        Assert.Equal(
            new[] { "HFGITR2_EL2.TSBCSYNC", "HFGITR_EL2.PSBCSYNC", "HFGITR_EL2.nGCSSTR_EL1" },
            nothing);
    }
}
