using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrapGen.Architecture.Tables;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// The build step that turns TrapGen.Architecture's tables into C#: a malformed row is TGA0001 at its
/// line and column in the table, and nothing throws.
/// </summary>
public sealed partial class ArchitectureTablesGeneratorTests
{
    private const string Controls = "HCR_EL2  TVM  26  set  -  -  -  Trap Virtual Memory controls.\nHCR_EL2  TRVM  30  set  -  -  -  Trap Reads of Virtual Memory controls.\n" +
        "MDCR_EL2  TDA  9  set  8  -  -  Trap Debug Access.\n" +
        "HCRX_EL2  FGTnXS  4  qualifies-clear  -  FEAT_HCX&FEAT_XS  -  Fine-grained traps for the nXS TLBIs.\n" +
        "MDCR_EL2  HPMN  4:0  index-at-or-above  -  FEAT_PMUv3  -  Hypervisor counter number.\n";

    private const string Header = "# name  op0 op1 crn crm op2 width access el feature traps other_names\n";

    private const string IdRegisters = Header + "ID_AA64PFR0_EL1  3 0 0 4 0  64 RO 1 -  -  -\nCTR_EL0  3 3 0 0 1  64 RO 0 -  -  -\n";

    private const string FieldsHeader = "# register field lsb width\nID_AA64PFR0_EL1  EL0  0  4\n";

    [Fact]
    public void Well_formed_tables_become_compilable_csharp()
    {
        var result = Run(Header + "SCTLR_EL1  3 0 1 0 0  64 RW 1 -  TVM:w,TRVM:r  -\n");

        var registers = Generated(result, "Aarch64Registers.");
        Assert.Contains("new(\"SCTLR_EL1\", new(3, 0, 1, 0, 0), 64, RegisterAccess.ReadWrite, 1, null, [new(TrapControls.TVM, AccessDirection.Write), new(TrapControls.TRVM, AccessDirection.Read)], [], null)", registers, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_of_a_later_source_carries_its_source_and_a_dash_is_the_sweeps()
    {
        var result = Run(Header + "SCTLR_EL1  3 0 1 0 0  64 RW 1 -  -  -  -\nSCTLR2_EL1  3 0 1 0 3  64 RW 1 FEAT_SCTLR2  TVM:w  -  linux,binutils\n");

        var registers = Generated(result, "Aarch64Registers.");
        Assert.Contains("new(\"SCTLR_EL1\", new(3, 0, 1, 0, 0), 64, RegisterAccess.ReadWrite, 1, null, [], [], null)", registers, System.StringComparison.Ordinal);
        Assert.Contains("new(\"SCTLR2_EL1\", new(3, 0, 1, 0, 3), 64, RegisterAccess.ReadWrite, 1, \"FEAT_SCTLR2\", [new(TrapControls.TVM, AccessDirection.Write)], [], \"linux,binutils\")", registers, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_needs_nv2_comes_first_with_its_condition()
    {
        var result = Run(Header + "TFSR_EL2  3 4 5 6 0  64 RW 1 -  TVM@1x1:rw,TRVM:r  -\n");

        var registers = Generated(result, "Aarch64Registers.");
        Assert.Contains("[new(TrapControls.TVM, AccessDirection.ReadWrite) { Nvx = NvxCondition.Nvx1x1 }, new(TrapControls.TRVM, AccessDirection.Read)]", registers, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SCTLR_EL1  3 0 1 0 0  64 RW 1 -  ‸TVM@110:rw  -", "'TVM@110:rw': CONTROL@NVX traps only under an HCR_EL2.<NV2,NV1,NV> of 111, 101, 1x1")]
    [InlineData("SCTLR_EL1  3 0 1 0 0  64 RW 1 -  ‸TRVM:r,TVM@101:w  -", "and comes before the row's other rules")]
    [InlineData("SCTLR_EL1  ‸9 0 1 0 0  64 RW 1 -  -  -", "'9' must be a number from 2 to 3")]
    [InlineData("SCTLR_EL1  3 0 1 0 0  64 ‸RX 1 -  -  -", "'RX' must be one of: RW, RO, WO")]
    [InlineData("SCTLR_EL1  3 0 1 0 0  64 RW 1 -  ‸TVN:w  -", "'TVN' is not a trap control of trap-controls.table (TVM, TRVM, TDA, HPMN)")]
    [InlineData("SCTLR_EL1  3 0 1 0 0  64 RW 1 -  ‸TVM:x  -", "'TVM:x' must be CONTROL:r, CONTROL:w or CONTROL:rw")]
    [InlineData("‸SCTLR_EL1  3 0 1 0 0  64 RW 1 -  -", "expected 12 or 13 columns")]
    [InlineData("‸SCTLR_EL1  3 0 1 0 0  64 RW 1 -  -  -  linux  extra", "expected 12 or 13 columns")]
    [InlineData("‸sctlr_el1  3 0 1 0 0  64 RW 1 -  -  -", "is not a register name")]
    public void A_malformed_row_is_reported_at_its_cell(string row, string message)
    {
        var marked = MarkedCatalogue.Parse(Header + row + "\n");

        var result = Run(marked.Text);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TGA0001", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/tables/aarch64-registers.table", span.Path);
        Assert.Equal((marked.Line, marked.Column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Register_fields_become_bit_fields_of_their_register_marked_signed_or_not()
    {
        var result = RunFields(FieldsHeader + "ID_AA64PFR0_EL1  FP  16  4  signed\nID_AA64PFR0_EL1  SVE  32  4\nCTR_EL0  DminLine  0x10  4\nCTR_EL0  IDC  28  1\n");

        var fields = Generated(result, "RegisterFields.");
        Assert.Contains("(\"ID_AA64PFR0_EL1\", new BitField(\"EL0\", 0, 4), false)", fields, System.StringComparison.Ordinal);
        Assert.Contains("(\"ID_AA64PFR0_EL1\", new BitField(\"FP\", 16, 4), true)", fields, System.StringComparison.Ordinal);
        Assert.Contains("(\"ID_AA64PFR0_EL1\", new BitField(\"SVE\", 32, 4), false)", fields, System.StringComparison.Ordinal);
        Assert.Contains("(\"CTR_EL0\", new BitField(\"DminLine\", 16, 4), false)", fields, System.StringComparison.Ordinal);
        Assert.Contains("(\"CTR_EL0\", new BitField(\"IDC\", 28, 1), false)", fields, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("‸ID_AA64PFR0_EL1  SVE  32", "expected 4 columns (register field lsb width [signed]), found 3")]
    [InlineData("ID_AA64PFR0_EL1  SVE  32  4  ‸extra", "'extra' must be 'signed' or left out")]
    [InlineData("‸ID_AA64PFR0_EL1  SVE  32  4  signed  extra", "expected 4 columns (register field lsb width [signed]), found 6")]
    [InlineData("ID_AA64PFR0_EL1  SVE  ‸x32  4", "'x32' must be a number from 0 to 63")]
    [InlineData("ID_AA64PFR0_EL1  SVE  32  ‸four", "'four' must be a number from 1 to 64")]
    [InlineData("ID_AA64PFR0_EL1  SVE  ‸64  1", "'64' must be a number from 0 to 63")]
    [InlineData("ID_AA64PFR0_EL1  CSV3  62  ‸4", "4 bits from bit 62 end at bit 65, beyond bit 63")]
    [InlineData("ID_AA64PFR0_EL1  SVE  32  ‸0", "'0' must be a number from 1 to 64")]
    [InlineData("ID_AA64PFR0_EL1  SVE  ‸2  4", "ID_AA64PFR0_EL1.SVE [5:2] overlaps EL0 [3:0]")]
    [InlineData("ID_AA64PFR0_EL1  ‸el0  8  4", "ID_AA64PFR0_EL1 already has a field EL0 [3:0]")]
    [InlineData("‸ID_AA64PFR9_EL1  SVE  32  4", "'ID_AA64PFR9_EL1' is not a register of aarch64-registers.table")]
    [InlineData("‸id_aa64pfr0_el1  SVE  32  4", "is not a register name")]
    [InlineData("ID_AA64PFR0_EL1  ‸S-VE  32  4", "'S-VE' is not a field name")]
    public void A_malformed_register_field_row_is_reported_at_its_cell_and_left_out(string row, string message)
    {
        var marked = MarkedCatalogue.Parse(FieldsHeader + row + "\n");

        AssertReportedAndLeftOut(RunFields(marked.Text), marked, "register-fields.table", "RegisterFields.", message);
    }

    /// <summary>Asserts that <paramref name="result"/> has one TGA0001, at the marked cell of <paramref name="table"/>, saying <paramref name="message"/>, and that the generated <paramref name="hintPrefix"/> file kept only the header's one field.</summary>
    private static void AssertReportedAndLeftOut(GeneratorRunResult result, MarkedCatalogue marked, string table, string hintPrefix, string message)
    {
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TGA0001", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/tables/" + table, span.Path);
        Assert.Equal((marked.Line, marked.Column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        var generated = result.GeneratedSources.Single(s => s.HintName.StartsWith(hintPrefix, System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Single(generated.Split('\n'), line => line.Contains("new BitField(", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_cpu_model_becomes_a_cpu_model_with_its_values_caches_and_stored_bits()
    {
        var result = RunModels("m1  model  A test CPU\nm1  ID_AA64PFR0_EL1  0x1111\nm1  CCSIDR:L1D  0x701FE00A\nm1  STORES:ID_AA64PFR0_EL1  0xFFFFFFFFFFFFFFE0  note\n");

        var models = Generated(result, "CpuModels.");
        Assert.Contains("[(\"ID_AA64PFR0_EL1\", 0x1111UL)]", models, System.StringComparison.Ordinal);
        Assert.Contains("new CacheSizeId(1, CacheKind.Data, 0x701FE00AUL)", models, System.StringComparison.Ordinal);
        Assert.Contains("[(\"ID_AA64PFR0_EL1\", 0xFFFFFFFFFFFFFFE0UL)]", models, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m1  ‸STORES:SCTLR_EL9  0xFF", "'SCTLR_EL9' is not a register of aarch64-registers.table: write STORES:<register>")]
    [InlineData("m1  STORES:CTR_EL0  ‸0xZZ", "'0xZZ' is not a 64-bit hexadecimal value")]
    [InlineData("m1  ‸CCSIDR:L9  0x1", "'CCSIDR:L9' is not a cache")]
    [InlineData("m1  ‸ZZZ_EL1  0x1", "'ZZZ_EL1' is not a register of aarch64-registers.table (nor model, IMPDEF, CCSIDR:<cache> or STORES:<register>)")]
    [InlineData("m1  IMPDEF  ‸S3_0_C1_C0_0  X", "'S3_0_C1_C0_0' is not an IMPLEMENTATION DEFINED encoding")]
    [InlineData("‸m2  ID_AA64PFR0_EL1  0x1", "'m2' has no 'model' row before it")]
    public void A_malformed_cpu_model_row_is_reported_at_its_cell(string row, string message)
    {
        var marked = MarkedCatalogue.Parse("m1  model  A test CPU\n" + row + "\n");

        var diagnostic = Assert.Single(RunModels(marked.Text).Diagnostics);

        Assert.Equal("TGA0001", diagnostic.Id);
        Assert.Equal((marked.Line, marked.Column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    /// <summary>
    /// A trap control's columns reach its generated field, and a bad cell is reported where it is: the bit that forces
    /// it (MDCR_EL2.TDE), the feature it needs (a condition of register-requirements.table's grammar) and whether
    /// HCR_EL2.E2H moves it.
    /// </summary>
    [Theory]
    [InlineData(
        "MDCR_EL2  TDA  9  set  8  -  -  Trap Debug Access.",
        "TDA = new(\"MDCR_EL2\", \"TDA\", 9, true, 8, null, false, \"Trap Debug Access.\")",
        "MDCR_EL2  TDA  9  set  ‸TDE  -  -  Trap Debug Access.",
        "'TDE' must be a number from 0 to 63")]
    [InlineData(
        "HCR_EL2  EnSCXT  53  clear  -  FEAT_HCX&FEAT_CSV2_2|FEAT_CSV2_1p2  -  Enable access to SCXTNUM.",
        "EnSCXT = new(\"HCR_EL2\", \"EnSCXT\", 53, false, null, \"FEAT_HCX&FEAT_CSV2_2|FEAT_CSV2_1p2\", false, ",
        "HCR_EL2  TID4  49  set  -  ‸FEAT_EVT|&FEAT_Y  -  Trap ID group 4.",
        "is not a condition")]
    [InlineData(
        "HCR_EL2  NV1  43  set  &42!45  FEAT_NV  -  Nested Virtualization.",
        "NV1 = new(\"HCR_EL2\", \"NV1\", 43, true, null, \"FEAT_NV\", false, \"Nested Virtualization.\") { Requires = new(42, 45) }",
        "HCR_EL2  NV1  43  set  ‸&42!NV2  FEAT_NV  -  Nested Virtualization.",
        "&N!M one that must also be clear")]
    [InlineData(
        "CNTHCTL_EL2  EL1PCEN  1  clear  -  -  0  Timer.",
        "EL1PCEN = new(\"CNTHCTL_EL2\", \"EL1PCEN\", 1, false, null, null, true, ",
        "CNTHCTL_EL2  ‸1PCEN  1  clear  -  -  0  Timer.",
        "'1PCEN' is not a field name")]
    public void A_control_row_becomes_its_field_and_a_bad_cell_is_reported_where_it_is(string row, string field, string markedRow, string message)
    {
        var good = Run(row + "\n", "trap-controls.table");
        var marked = MarkedCatalogue.Parse(markedRow + "\n");
        var bad = Run(marked.Text, "trap-controls.table");

        Assert.Empty(good.Diagnostics);
        var controls = good.GeneratedSources.Single(s => s.HintName.StartsWith("TrapControls.", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains(field, controls, System.StringComparison.Ordinal);
        var diagnostic = Assert.Single(bad.Diagnostics);
        Assert.Equal((marked.Line, marked.Column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Any_text_at_all_gives_diagnostics_never_an_exception()
    {
        var random = new System.Random(20261130);
        for (var i = 0; i < 200; i++)
        {
            const string Alphabet = "ab9_ :,-#[]=\n\t0xRW";
            var noise = new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
            foreach (var table in new[] { "aarch64-registers.table", "aarch32-registers.table", "aarch64-instructions.table", "layouts.table", "exception-classes.table", "trap-controls.table", "fine-grained-traps.table", "register-fields.table", "register-write-masks.table", "cpu-models.table" })
            {
                Run(noise, table);
            }
        }
    }

    [Fact]
    public void Generated_file_names_do_not_depend_on_the_directory_the_project_is_built_in()
    {
        static string[] HintNames(string projectDirectory) =>
            Run(Header + "SCTLR_EL1  3 0 1 0 0  64 RW 1 -  -  -\n", projectDirectory: projectDirectory)
                .GeneratedSources.Select(s => s.HintName).Order(System.StringComparer.Ordinal).ToArray();

        var here = HintNames("/work/a/");
        Assert.Equal(2, here.Length);
        Assert.Equal(here, HintNames("/tmp/a-much-longer-clone/"));
    }

    /// <summary>Asserts that <paramref name="result"/> reports nothing, and gets the generated file whose name starts with <paramref name="hintPrefix"/>.</summary>
    private static string Generated(GeneratorRunResult result, string hintPrefix)
    {
        Assert.Empty(result.Diagnostics);
        return result.GeneratedSources.Single(s => s.HintName.StartsWith(hintPrefix, System.StringComparison.Ordinal)).SourceText.ToString();
    }

    /// <summary>Runs the generator on a cpu-models.table beside an aarch64-registers.table of ID_AA64PFR0_EL1 and CTR_EL0.</summary>
    private static GeneratorRunResult RunModels(string models) =>
        Run(models, "cpu-models.table", extra: [new InMemoryAdditionalText("/tables/aarch64-registers.table", IdRegisters)]);

    /// <summary>Runs the generator on a register-fields.table beside an aarch64-registers.table of ID_AA64PFR0_EL1 and CTR_EL0.</summary>
    private static GeneratorRunResult RunFields(string fields) =>
        Run(fields, "register-fields.table", extra: [new InMemoryAdditionalText("/tables/aarch64-registers.table", IdRegisters)]);

    private static GeneratorRunResult Run(string table, string name = "aarch64-registers.table", string projectDirectory = "/", AdditionalText[]? extra = null)
    {
        var tables = projectDirectory + "tables/";
        AdditionalText[] texts = name == "trap-controls.table"
            ? [new InMemoryAdditionalText(tables + name, table)]
            : [new InMemoryAdditionalText(tables + "trap-controls.table", Controls), new InMemoryAdditionalText(tables + name, table)];
        var driver = CSharpGeneratorDriver.Create(
            [new ArchitectureTablesGenerator().AsSourceGenerator()],
            [.. texts, .. extra ?? []],
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(new System.Collections.Generic.Dictionary<string, string> { ["build_property.projectdir"] = projectDirectory }));
        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }
}
