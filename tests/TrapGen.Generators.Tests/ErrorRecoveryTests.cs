using System.Linq;
using Microsoft.CodeAnalysis;
using TrapGen.Catalogue;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// Errors don't cascade: an entry with an error is left out of the generated code and everything else
/// is generated, so the build shows the catalogue's own errors and no C# errors after them; an entry
/// the parser had to drop brings no "declared but not used" after it.
/// </summary>
public sealed class ErrorRecoveryTests
{
    private const string Catalogue = """
        version: 1
        hooks:
          - name: UpdateSctlr
        registers:
          - name: SCTLR_EL1
            handling: passthrough
            after_write: UpdateSctlr
          - name: FAR_EL1
            width: 32
            handling: passthrough
          - name: CONTEXTIDR_EL1
            handling: passthrough
        """;

    [Fact]
    public void An_entry_with_an_error_is_left_out_and_the_rest_compiles_with_no_follow_on_errors()
    {
        // The user's half was written for the catalogue as meant: FAR_EL1 with its architectural width.
        var intended = CatalogueLoader.Load(Catalogue.Replace("    width: 32\n", string.Empty, System.StringComparison.Ordinal)).ValidCatalogue!;

        var (_, result, output) = GeneratorHarness.Run(Catalogue, StubImplementation.For(intended, GeneratorHarness.TestNamespace));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("TG0023", error.Id);
        Assert.NotEmpty(result.GeneratedSources);
        var keys = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Keys.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public const uint SCTLR_EL1 =", keys, System.StringComparison.Ordinal);
        Assert.Contains("public const uint CONTEXTIDR_EL1 =", keys, System.StringComparison.Ordinal);
        Assert.DoesNotContain("FAR_EL1", keys, System.StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void An_emulated_register_left_out_keeps_its_emulator_methods_declared_for_the_code_that_implements_them()
    {
        const string Emulated = """
            version: 1
            emulators:
              - name: Cntpct
            registers:
              - name: CNTPCT_EL0
                width: 32
                handling: emulated
                emulator: Cntpct
              - name: CONTEXTIDR_EL1
                handling: passthrough
            """;
        var intended = CatalogueLoader.Load(Emulated.Replace("    width: 32\n", string.Empty, System.StringComparison.Ordinal)).ValidCatalogue!;

        var (_, result, output) = GeneratorHarness.Run(Emulated, StubImplementation.For(intended, GeneratorHarness.TestNamespace));

        Assert.Equal(["TG0023"], result.Diagnostics.Select(d => d.Id));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_value_the_parser_rejects_drops_its_register_and_nothing_else_is_reported()
    {
        // op0: 9 drops WIDGET_EL1 at parse time; its hook must not then look unused (TG0019).
        const string Broken = """
            version: 1
            hooks:
              - name: OnWidgetWrite
            registers:
              - name: WIDGET_EL1
                implementation_defined: true
                encoding: { op0: 9, op1: 0, crn: 15, crm: 0, op2: 0 }
                width: 64
                handling: passthrough
                after_write: OnWidgetWrite
              - name: CONTEXTIDR_EL1
                handling: passthrough
            """;

        var (_, result, _) = GeneratorHarness.Run(Broken);

        Assert.Equal(["TG0005"], result.Diagnostics.Select(d => d.Id));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("CONTEXTIDR_EL1", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_hook_with_an_error_takes_the_registers_that_name_it_with_it()
    {
        var broken = Catalogue.Replace("  - name: UpdateSctlr", "  - name: Update-Sctlr", System.StringComparison.Ordinal)
            .Replace("after_write: UpdateSctlr", "after_write: Update-Sctlr", System.StringComparison.Ordinal)
            .Replace("    width: 32\n", string.Empty, System.StringComparison.Ordinal);

        var result = CatalogueLoader.Load(broken);

        Assert.Contains(result.Diagnostics, d => d.Rule.Id == "TG0008");
        Assert.Equal(["FAR_EL1", "CONTEXTIDR_EL1"], result.Generatable!.Registers.Select(r => r.Name));
        Assert.Empty(result.Generatable.Hooks);
    }

    [Fact]
    public void The_generator_itself_survives_garbage_and_reports_it()
    {
        var (_, result, _) = GeneratorHarness.Run("registers: [\n  - name: x\n");
        Assert.Empty(result.GeneratedSources);
        Assert.Contains(result.Diagnostics, d => d.Id == CatalogueRules.MalformedYaml.Id);
    }

    [Theory]
    [InlineData("cpus: [cortex-a75]", "TG0034")]
    [InlineData("cpus: []", "TG0034")]
    [InlineData("cpus: [cortex-a57, cortex-a57]", "TG0034")]
    [InlineData("cpus: cortex-a57", "TG0004")]
    [InlineData("cpus: [[cortex-a57], { name: max }, \"\"]", "TG0004")]
    [InlineData("cpus: { cortex-a57: true }", "TG0004")]
    public void A_malformed_cpus_list_is_reported_and_everything_is_still_generated(string cpus, string id)
    {
        const string Registers = "registers:\n  - name: CONTEXTIDR_EL1\n    handling: passthrough\n";
        var intended = CatalogueLoader.Load("version: 1\n" + Registers).ValidCatalogue!;

        var (_, result, output) = GeneratorHarness.Run("version: 1\n" + cpus + "\n" + Registers, StubImplementation.For(intended, GeneratorHarness.TestNamespace));

        Assert.All(result.Diagnostics, d => Assert.Equal(id, d.Id));
        Assert.NotEmpty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("CONTEXTIDR_EL1", System.StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_sanitised_register_that_advertises_more_than_its_cpu_is_left_out_and_the_rest_is_generated()
    {
        const string Text = "version: 1\ncpus: [cortex-a57]\nregisters:\n  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: 1 }\n"
            + "  - name: CONTEXTIDR_EL1\n    handling: passthrough\n  - name: CCSIDR2_EL1\n    handling: raz-wi\n";

        var (_, result, _) = GeneratorHarness.Run(Text);

        Assert.Equal(["TG0035", "TG0036"], result.Diagnostics.Select(d => d.Id).Order());
        var keys = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Keys.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("public const uint CONTEXTIDR_EL1 =", keys, System.StringComparison.Ordinal);
        Assert.Contains("public const uint CCSIDR2_EL1 =", keys, System.StringComparison.Ordinal);
        Assert.DoesNotContain("ID_AA64PFR0_EL1", keys, System.StringComparison.Ordinal);
    }
}
