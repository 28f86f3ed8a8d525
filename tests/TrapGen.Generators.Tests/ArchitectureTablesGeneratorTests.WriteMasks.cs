using System.Linq;
using Microsoft.CodeAnalysis;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>register-write-masks.table: each field of a register with what makes it exist and what it reads as without it.</summary>
public sealed partial class ArchitectureTablesGeneratorTests
{
    private const string MasksHeader = "# register field lsb width condition absent\nCTR_EL0  IminLine  0  4  -  -\n";

    [Fact]
    public void Write_mask_rows_become_fields_with_their_condition_and_absent_value()
    {
        var result = RunMasks(MasksHeader + "CTR_EL0  IDC  28  1  FEAT_X|FEAT_Y  RES1\nID_AA64PFR0_EL1  SVE  32  4  NEVER  RES0\n");

        var masks = Generated(result, "WriteMasks.");
        Assert.Contains("new(\"CTR_EL0\", new BitField(\"IminLine\", 0, 4), null, FieldAbsence.None)", masks, System.StringComparison.Ordinal);
        Assert.Contains("new(\"CTR_EL0\", new BitField(\"IDC\", 28, 1), \"FEAT_X|FEAT_Y\", FieldAbsence.Res1)", masks, System.StringComparison.Ordinal);
        Assert.Contains("new(\"ID_AA64PFR0_EL1\", new BitField(\"SVE\", 32, 4), \"NEVER\", FieldAbsence.Res0)", masks, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("‸CTR_EL0  IDC  28  1  -", "expected 6 columns (register field lsb width condition absent), found 5")]
    [InlineData("CTR_EL0  IDC  28  1  ‸FEAT_X||FEAT_Y  RES0", "is not a condition")]
    [InlineData("CTR_EL0  IDC  28  1  FEAT_X  ‸-", "'-' must be RES0 or RES1")]
    [InlineData("CTR_EL0  IDC  28  1  FEAT_X  ‸RESERVED", "'RESERVED' must be RES0 or RES1")]
    [InlineData("CTR_EL0  IDC  28  1  -  ‸RES0", "'RES0' must be '-': a field every CPU has is never absent")]
    [InlineData("CTR_EL0  ‸Iminline  8  4  -  -", "CTR_EL0 already has a field IminLine [3:0]")]
    [InlineData("CTR_EL0  IDC  ‸2  4  -  -", "CTR_EL0.IDC [5:2] overlaps IminLine [3:0]")]
    [InlineData("CTR_EL0  IDC  60  ‸8  -  -", "8 bits from bit 60 end at bit 67, beyond bit 63")]
    [InlineData("‸SCTLR_EL1  M  0  1  -  -", "'SCTLR_EL1' is not a register of aarch64-registers.table")]
    public void A_malformed_write_mask_row_is_reported_at_its_cell_and_left_out(string row, string message)
    {
        var marked = MarkedCatalogue.Parse(MasksHeader + row + "\n");

        AssertReportedAndLeftOut(RunMasks(marked.Text), marked, "register-write-masks.table", "WriteMasks.", message);
    }

    /// <summary>Runs the generator on a register-write-masks.table beside an aarch64-registers.table of ID_AA64PFR0_EL1 and CTR_EL0.</summary>
    private static GeneratorRunResult RunMasks(string masks) =>
        Run(masks, "register-write-masks.table", extra: [new InMemoryAdditionalText("/tables/aarch64-registers.table", IdRegisters)]);
}
