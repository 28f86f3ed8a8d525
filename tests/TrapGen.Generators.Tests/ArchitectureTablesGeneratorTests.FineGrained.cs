using System.Linq;
using Microsoft.CodeAnalysis;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>fine-grained-traps.table: each row a TrapControl of FineGrainedTraps, its accesses' rules in the pseudocode's place.</summary>
public sealed partial class ArchitectureTablesGeneratorTests
{
    private const string FineGrainedHeader = "# register field bit traps-when needs traps\n";

    private const string DebugAndVmRegisters = Header +
        "SCTLR_EL1  3 0 1 0 0  64 RW 1 -  TVM:w,TRVM:r  -\n" +
        "MDSCR_EL1  2 0 0 2 2  64 RW 1 -  TDA:rw  -\n" +
        "TPIDR2_EL0  3 3 13 0 5  64 RW 0 FEAT_SME  -  -\n";

    private const string Instructions = "TLBI  VAE1  0 8 7 1  Xt  1  -  -\nTLBI  VAE1NXS  0 9 7 1  Xt  1  FEAT_XS  -  armarm\n" +
        "GCSPUSHM  -  3 7 7 0  Xt  0  FEAT_GCS  -  armarm\nGCSPOPM  -  3 7 7 1  result  0  FEAT_GCS  -  armarm\n";

    [Fact]
    public void A_field_becomes_a_trap_control_and_joins_its_accesses_after_the_hcr_controls_and_before_the_mdcr_ones()
    {
        var result = RunFineGrained(FineGrainedHeader +
            "HFGWTR_EL2  SCTLR_EL1  29  set  FEAT_FGT  SCTLR_EL1\n" +
            "HDFGWTR_EL2  MDSCR_EL1  4  set  FEAT_FGT  MDSCR_EL1\n" +
            "HFGRTR_EL2  nTPIDR2_EL0  55  clear  FEAT_FGT&FEAT_SME  TPIDR2_EL0\n" +
            "HFGITR_EL2  TLBIVAE1  43  set  FEAT_FGT  TLBI VAE1\n");

        Assert.Empty(result.Diagnostics);
        var fields = Source(result, "FineGrainedTraps.");
        var registers = Source(result, "Aarch64Registers.");
        var instructions = Source(result, "SystemInstructions.");
        Assert.Contains("HFGRTR_EL2_nTPIDR2_EL0 = new(\"HFGRTR_EL2\", \"nTPIDR2_EL0\", 55, false, null, \"FEAT_FGT&FEAT_SME\", false, \"Traps MRS reads of TPIDR2_EL0 at EL1.\")", fields, System.StringComparison.Ordinal);
        Assert.Contains("All { get; } = [HFGWTR_EL2_SCTLR_EL1, HDFGWTR_EL2_MDSCR_EL1, HFGRTR_EL2_nTPIDR2_EL0, HFGITR_EL2_TLBIVAE1]", fields, System.StringComparison.Ordinal);
        Assert.Contains("[new(TrapControls.TVM, AccessDirection.Write), new(TrapControls.TRVM, AccessDirection.Read), new(FineGrainedTraps.HFGWTR_EL2_SCTLR_EL1, AccessDirection.Write)]", registers, System.StringComparison.Ordinal);
        Assert.Contains("[new(FineGrainedTraps.HDFGWTR_EL2_MDSCR_EL1, AccessDirection.Write), new(TrapControls.TDA, AccessDirection.ReadWrite)]", registers, System.StringComparison.Ordinal);
        Assert.Contains("[new(FineGrainedTraps.HFGRTR_EL2_nTPIDR2_EL0, AccessDirection.Read)]", registers, System.StringComparison.Ordinal);
        Assert.Contains("[new(FineGrainedTraps.HFGITR_EL2_TLBIVAE1, AccessDirection.Write)]", instructions, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("‸HCR_EL2  TVM  26  set  -  SCTLR_EL1", "'HCR_EL2' is not a fine-grained trap register")]
    [InlineData("HFGWTR_EL2  SCTLR_EL1  29  set  FEAT_FGT  ‸SCTLR_EL2", "'SCTLR_EL2' is in none of aarch64-registers.table, aarch64-instructions.table")]
    [InlineData("HFGWTR_EL2  SCTLR_EL1  ‸64  set  FEAT_FGT  SCTLR_EL1", "'64' must be a number from 0 to 63")]
    [InlineData("HFGWTR_EL2  SCTLR_EL1  29  ‸high  FEAT_FGT  SCTLR_EL1", "'high' must be one of: set, clear")]
    [InlineData("HFGWTR_EL2  SCTLR_EL1  29  set  ‸FEAT_FGT&  SCTLR_EL1", "is not a condition")]
    [InlineData("‸HFGWTR_EL2  SCTLR_EL1  29", "expected: register field bit set|clear needs traps")]
    public void A_malformed_fine_grained_row_is_reported_at_its_cell(string row, string message)
    {
        var marked = MarkedCatalogue.Parse(FineGrainedHeader + row + "\n");

        var diagnostic = Assert.Single(RunFineGrained(marked.Text).Diagnostics);

        Assert.Equal("TGA0001", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("/tables/fine-grained-traps.table", marked.Line, marked.Column), (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_access_under_a_qualifier_gets_the_fields_rule_with_that_qualifier_and_the_qualifier_is_no_rule_of_its_own()
    {
        var result = RunFineGrained(FineGrainedHeader + "HFGITR_EL2  TLBIVAE1  43  set  FEAT_FGT  TLBI VAE1, TLBI VAE1NXS [HCRX_EL2.FGTnXS]\n");

        Assert.Empty(result.Diagnostics);
        var instructions = Source(result, "SystemInstructions.");
        Assert.Contains("new(\"TLBI\", \"VAE1\", new(1, 0, 8, 7, 1), true, 1, null, [new(FineGrainedTraps.HFGITR_EL2_TLBIVAE1, AccessDirection.Write)], null, WritesRegister: false)", instructions, System.StringComparison.Ordinal);
        Assert.Contains(
            "new(\"TLBI\", \"VAE1NXS\", new(1, 0, 9, 7, 1), true, 1, \"FEAT_XS\", [new(FineGrainedTraps.HFGITR_EL2_TLBIVAE1, AccessDirection.Write) { Qualifier = TrapControls.FGTnXS }], \"armarm\", WritesRegister: false)",
            instructions,
            System.StringComparison.Ordinal);
        Assert.Contains("FGTnXS = new(\"HCRX_EL2\", \"FGTnXS\", 4, false, null, \"FEAT_HCX&FEAT_XS\", false, \"Fine-grained traps for the nXS TLBIs.\") { IsQualifier = true };", Source(result, "TrapControls."), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_bracketed_qualifier_that_is_no_qualifier_is_reported()
    {
        var marked = MarkedCatalogue.Parse(FineGrainedHeader + "HFGITR_EL2  TLBIVAE1  43  set  FEAT_FGT  ‸TLBI VAE1NXS [HCR_EL2.TVM]\n");

        var diagnostic = Assert.Single(RunFineGrained(marked.Text).Diagnostics);

        Assert.Contains("'TLBI VAE1NXS [HCR_EL2.TVM]': a qualifier is written [REGISTER.FIELD], a qualifies-clear control of trap-controls.table (HCRX_EL2.FGTnXS)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_qualifier_is_no_trap_rule_of_a_traps_column()
    {
        var diagnostic = Assert.Single(Run(Header + "SCTLR_EL1  3 0 1 0 0  64 RW 1 -  FGTnXS:w  -\n").Diagnostics);

        Assert.Contains("'FGTnXS' is not a trap control of trap-controls.table (TVM, TRVM, TDA, HPMN)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_with_two_rows_is_reported_once()
    {
        var marked = MarkedCatalogue.Parse(FineGrainedHeader + "HFGWTR_EL2  SCTLR_EL1  29  set  FEAT_FGT  SCTLR_EL1\nHFGWTR_EL2  ‸SCTLR_EL1  28  set  FEAT_FGT  SCTLR_EL1\n");

        var diagnostic = Assert.Single(RunFineGrained(marked.Text).Diagnostics);

        Assert.Equal((marked.Line, marked.Column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains("HFGWTR_EL2.SCTLR_EL1 has two rows", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    private static string Source(GeneratorRunResult result, string hintPrefix) =>
        result.GeneratedSources.Single(s => s.HintName.StartsWith(hintPrefix, System.StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Runs the generator on a fine-grained-traps.table beside registers (SCTLR_EL1, MDSCR_EL1, TPIDR2_EL0) and TLBI VAE1.</summary>
    [Fact]
    public void A_one_word_instruction_is_named_by_its_op_and_a_sysl_alias_writes_its_register()
    {
        // GCSPUSHM and GCSPOPM (C5.9): "-" in the name column, the field names them in one word; "result" makes WritesRegister.
        var result = RunFineGrained(FineGrainedHeader + "HFGITR_EL2  nGCSPUSHM_EL1  57  clear  FEAT_FGT&FEAT_GCS  GCSPUSHM\n");

        Assert.Empty(result.Diagnostics);
        var instructions = Source(result, "SystemInstructions.");
        Assert.Contains("new(\"GCSPUSHM\", \"\", new(1, 3, 7, 7, 0), true, 0, \"FEAT_GCS\", [new(FineGrainedTraps.HFGITR_EL2_nGCSPUSHM_EL1, AccessDirection.Write)], \"armarm\", WritesRegister: false)", instructions, System.StringComparison.Ordinal);
        Assert.Contains("new(\"GCSPOPM\", \"\", new(1, 3, 7, 7, 1), true, 0, \"FEAT_GCS\", [], \"armarm\", WritesRegister: true)", instructions, System.StringComparison.Ordinal);
    }

    private static GeneratorRunResult RunFineGrained(string table) =>
        Run(table, "fine-grained-traps.table", extra:
        [
            new InMemoryAdditionalText("/tables/aarch64-registers.table", DebugAndVmRegisters),
            new InMemoryAdditionalText("/tables/aarch64-instructions.table", Instructions),
        ]);
}
