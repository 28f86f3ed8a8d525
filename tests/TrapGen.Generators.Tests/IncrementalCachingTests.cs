using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrapGen.Generators.Pipeline;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>The generator must cost nothing when the catalogue did not change.</summary>
public sealed class IncrementalCachingTests
{
    /// <summary>Every named step: each constant of <see cref="TrackingNames"/>, so that a new step cannot be left out.</summary>
    private static readonly string[] Steps =
    [
        .. typeof(TrackingNames).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!),
    ];

    [Fact]
    public void Every_named_step_is_checked()
    {
        Assert.Contains(TrackingNames.CatalogueSearch, Steps);
        Assert.Contains(TrackingNames.GeneratedSources, Steps);
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(TestFiles.RealCatalogue).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int x; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in Steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), "Step " + step + " did not run");
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " was " + reason));
        }

        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.All(outputs, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Replacing_the_catalogue_with_identical_text_regenerates_nothing()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var original = new InMemoryAdditionalText(GeneratorHarness.CataloguePath, TestFiles.RealCatalogue);
        var driver = GeneratorHarness.CreateDriver(original).RunGenerators(compilation);

        var replaced = driver
            .ReplaceAdditionalText(original, new InMemoryAdditionalText(GeneratorHarness.CataloguePath, TestFiles.RealCatalogue))
            .RunGenerators(compilation)
            .GetRunResult().Results.Single();

        var text = replaced.TrackedSteps[TrackingNames.CatalogueText].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.All(text, reason => Assert.Equal(IncrementalStepRunReason.Unchanged, reason));
        var loaded = replaced.TrackedSteps[TrackingNames.LoadedCatalogue].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.All(loaded, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        var generated = replaced.TrackedSteps[TrackingNames.GeneratedSources].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.All(generated, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    /// <summary>
    /// This class's own catalogue, so that a user's edit of the shipped registers.yaml cannot break the
    /// edits below: a register with a reset value to change, a trap group, a hook and an alias, with
    /// comments and blank lines that carry no fact.
    /// </summary>
    private const string Catalogue = """
        # A catalogue of this test's own.
        version: 1
        trap_groups:
          - name: TVM
            others: unhandled
        hooks:
          - name: UpdateSctlr
        registers:
          # The register whose reset value the edit changes.
          - name: SCTLR_EL1
            description: System Control Register (EL1)
            reset: 0x00C50838   # a Cortex-A57's
            handling: passthrough
            after_write: UpdateSctlr
            traps: { TVM: write }

          - name: VBAR_EL1
            handling: passthrough

        """;

    /// <summary>Edits of a catalogue that change no generated fact: comments, blank lines, a comment's position, the CPU models it is checked against; two of them of the shipped catalogue.</summary>
    public static TheoryData<string, string, string> FactFreeEdits => new()
    {
        { "a comment added", Catalogue, Catalogue.Replace("version: 1\n", "version: 1\n# Reviewed on 2026-12-05: nothing changes below.\n", System.StringComparison.Ordinal) },
        { "blank lines and a trailing comment", Catalogue, Catalogue.Replace("registers:\n", "\n\nregisters:   # the registers\n\n", System.StringComparison.Ordinal) },
        { "every comment removed", Catalogue, string.Join("\n", Catalogue.Split('\n').Where(line => !line.TrimStart().StartsWith('#')).Select(line => line.Split('#')[0].TrimEnd())) },
        { "a comment added to the shipped catalogue", TestFiles.RealCatalogue, "# Reviewed on 2026-12-05: nothing changes below.\n\n" + TestFiles.RealCatalogue },
        { "cpus named (checks only: no generated code changes)", Catalogue, Catalogue.Replace("version: 1\n", "version: 1\ncpus: [cortex-a57, neoverse-n1]\n", System.StringComparison.Ordinal) },
        { "a model added to the shipped catalogue's cpus", TestFiles.RealCatalogue, TestFiles.RealCatalogue.Replace("cpus: [cortex-a57]", "cpus: [cortex-a57, cortex-a72]", System.StringComparison.Ordinal) },
    };

    [Fact]
    public void The_catalogue_of_this_class_is_valid()
    {
        Assert.Empty(GeneratorHarness.CatalogueDiagnostics(Catalogue));
    }

    [Theory]
    [MemberData(nameof(FactFreeEdits))]
    public void A_comment_or_whitespace_edit_of_the_catalogue_leaves_every_emit_step_cached(string edit, string catalogue, string edited)
    {
        Assert.NotEqual(catalogue, edited);
        var compilation = GeneratorHarness.CreateCompilation();
        var original = new InMemoryAdditionalText(GeneratorHarness.CataloguePath, catalogue);
        var driver = GeneratorHarness.CreateDriver(original).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
        Assert.NotEmpty(before);

        var result = driver
            .ReplaceAdditionalText(original, new InMemoryAdditionalText(GeneratorHarness.CataloguePath, edited))
            .RunGenerators(compilation)
            .GetRunResult().Results.Single();

        // The text and its parse change (diagnostics would move); the spec and everything after it do not.
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.CatalogueText));
        Assert.All(Reasons(result, TrackingNames.Spec), reason => Assert.True(reason == IncrementalStepRunReason.Unchanged, edit + ": the spec was " + reason));
        Assert.All(Reasons(result, TrackingNames.GeneratedSources), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, edit + ": emission was " + reason));
        Assert.Equal(before, result.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Editing_the_catalogue_regenerates()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var original = new InMemoryAdditionalText(GeneratorHarness.CataloguePath, Catalogue);
        var driver = GeneratorHarness.CreateDriver(original).RunGenerators(compilation);
        Assert.Contains(driver.GetRunResult().GeneratedTrees, tree => tree.ToString().Contains("0x0000000000C50838UL", System.StringComparison.Ordinal));
        var edited = Catalogue.Replace("    reset: 0x00C50838", "    reset: 0x00C50839", System.StringComparison.Ordinal);

        var result = driver
            .ReplaceAdditionalText(original, new InMemoryAdditionalText(GeneratorHarness.CataloguePath, edited))
            .RunGenerators(compilation)
            .GetRunResult().Results.Single();

        var generated = result.TrackedSteps[TrackingNames.GeneratedSources].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, generated);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("0x0000000000C50839UL", System.StringComparison.Ordinal));
        Assert.DoesNotContain(result.GeneratedSources, s => s.SourceText.ToString().Contains("0x0000000000C50838UL", System.StringComparison.Ordinal));
    }

    private static System.Collections.Generic.IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void No_step_output_holds_symbols_syntax_or_compilations()
    {
        var result = GeneratorHarness.Run(TestFiles.RealCatalogue).Result;

        foreach (var (name, runs) in result.TrackedSteps)
        {
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                Assert.Empty(StepOutputInspector.FindForbidden(output.Value, name));
            }
        }
    }
}
