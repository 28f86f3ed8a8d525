using System.Linq;
using Microsoft.CodeAnalysis;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// trapped-instructions.table's traps column with a fine-grained field (HFGITR_EL2.ERET): its rule where the row puts it, and
/// the row and fine-grained-traps.table held to each other both ways.
/// </summary>
public sealed partial class ArchitectureTablesGeneratorTests
{
    private const string TrappedHeader = "# class name key operand needs traps\n";

    [Fact]
    public void A_fine_grained_field_in_a_trapped_instruction_row_is_its_rule_in_the_rows_order()
    {
        var result = RunTrapped(TrappedHeader + "Eret  ERET  ERET=0,ERETA=0  -  -  HFGITR_EL2.ERET,TVM\n", "HFGITR_EL2  ERET  51  set  FEAT_FGT  ERET\n");

        Assert.Empty(result.Diagnostics);
        Assert.Contains(
            "new(TrapClasses.Eret, \"ERET\", [(\"ERET\", 0), (\"ERETA\", 0)], false, false, null, [new(FineGrainedTraps.HFGITR_EL2_ERET, AccessDirection.ReadWrite), new(TrapControls.TVM, AccessDirection.ReadWrite)])",
            Source(result, "TrappedInstructions."),
            System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Xt,Xn|SP", "true, true")]
    [InlineData("Xt", "true, false")]
    [InlineData("-", "false, false")]
    public void The_operand_says_whether_the_row_names_its_register_and_its_address_base(string operand, string takes)
    {
        var result = RunTrapped(TrappedHeader + "GcsStore  GCSSTR  ExType=2  " + operand + "  FEAT_GCS  HFGITR_EL2.nGCSSTR_EL1\n", "HFGITR_EL2  nGCSSTR_EL1  58  clear  FEAT_FGT&FEAT_GCS  GCSSTR\n");

        Assert.Empty(result.Diagnostics);
        Assert.Contains("new(TrapClasses.GcsStore, \"GCSSTR\", [(\"ExType\", 2)], " + takes + ", \"FEAT_GCS\", ", Source(result, "TrappedInstructions."), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Eret  ERET  -  -  -  ‸HFGITR_EL2.ERET,TVM", "HFGITR_EL2  ERET  51  set  FEAT_FGT  -", "'HFGITR_EL2.ERET': fine-grained-traps.table does not list it as trapping ERET")]
    [InlineData("Eret  ERET  -  -  -  ‸TVM", "HFGITR_EL2  ERET  51  set  FEAT_FGT  ERET", "fine-grained-traps.table's HFGITR_EL2_ERET traps this instruction: name it (REGISTER.FIELD) where its pseudocode checks it")]
    public void A_row_and_fine_grained_traps_table_that_disagree_are_reported_at_the_traps_cell(string row, string field, string message)
    {
        var marked = MarkedCatalogue.Parse(TrappedHeader + row + "\n");

        var diagnostic = Assert.Single(RunTrapped(marked.Text, field + "\n").Diagnostics);

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("/tables/trapped-instructions.table", marked.Line, marked.Column), (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    /// <summary>Runs the generator on a trapped-instructions.table beside a fine-grained-traps.table of <paramref name="fields"/>.</summary>
    private static GeneratorRunResult RunTrapped(string table, string fields) =>
        Run(table, "trapped-instructions.table", extra: [new InMemoryAdditionalText("/tables/fine-grained-traps.table", FineGrainedHeader + fields)]);
}
