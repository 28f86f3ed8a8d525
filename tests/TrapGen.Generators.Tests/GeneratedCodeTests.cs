using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrapGen.Catalogue;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>Snapshots of the generated sources, and proof that they compile cleanly against a runtime.</summary>
public sealed class GeneratedCodeTests
{
    private static readonly string[] CompilingFixtures = ["registers.yaml", "handling.registers.yaml", "hostile-text.registers.yaml", "others.registers.yaml"];

    public static TheoryData<string> Catalogues() => new(CompilingFixtures);

    /// <summary>
    /// A net8.0 project compiles at C# 12 by default (net9.0 at C# 13): the generated code, and the
    /// partial class a user writes beside it, need nothing newer, with nullable annotations on or off.
    /// </summary>
    [Theory]
    [InlineData(LanguageVersion.CSharp12, NullableContextOptions.Enable)]
    [InlineData(LanguageVersion.CSharp12, NullableContextOptions.Disable)]
    [InlineData(LanguageVersion.CSharp13, NullableContextOptions.Enable)]
    public void Generated_code_compiles_for_net8_at_its_default_language_version(LanguageVersion version, NullableContextOptions nullable)
    {
        foreach (var fixture in CompilingFixtures)
        {
            var text = TestFiles.Fixture(fixture);
            var catalogue = CatalogueLoader.Load(text).ValidCatalogue!;
            var options = new CSharpParseOptions(version);
            var compilation = CSharpCompilation.Create(
                "Net8Consumer",
                [CSharpSyntaxTree.ParseText(StubImplementation.For(catalogue, GeneratorHarness.TestNamespace), options)],
                [.. Basic.Reference.Assemblies.Net80.References.All, FixedTypes.Reference],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));
            var driver = CSharpGeneratorDriver.Create(
                [new RegisterCatalogueGenerator().AsSourceGenerator()],
                [new InMemoryAdditionalText(GeneratorHarness.CataloguePath, text)],
                options,
                new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace }));

            driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

            var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, fixture + " at " + version + ", nullable " + nullable + ":\n" + string.Join("\n", problems));
        }
    }

    [Fact]
    public void Text_from_the_catalogue_never_becomes_code()
    {
        var text = TestFiles.Fixture("hostile-text.registers.yaml");
        var catalogue = CatalogueLoader.Load(text).ValidCatalogue;
        Assert.NotNull(catalogue);

        var (_, _, output) = GeneratorHarness.Run(text, StubImplementation.For(catalogue, GeneratorHarness.TestNamespace));

        Assert.Empty(output.GetSymbolsWithName(name => name.Contains("Evil", System.StringComparison.Ordinal), SymbolFilter.All));
        Assert.Contains("EvilInAString", output.SyntaxTrees.Select(tree => tree.ToString()).First(source => source.Contains("SystemRegisters", System.StringComparison.Ordinal)), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Real_catalogue() => MatchSnapshots(nameof(Real_catalogue), TestFiles.RealCatalogue);

    [Fact]
    public void Handling_fixture() => MatchSnapshots(nameof(Handling_fixture), TestFiles.Fixture("handling.registers.yaml"));

    [Fact]
    public void Others_fixture() => MatchSnapshots(nameof(Others_fixture), TestFiles.Fixture("others.registers.yaml"));

    [Theory]
    [MemberData(nameof(Catalogues))]
    public void Generated_code_compiles_without_warnings(string fixture)
    {
        var text = TestFiles.Fixture(fixture);
        var catalogue = CatalogueLoader.Load(text).ValidCatalogue;
        Assert.NotNull(catalogue);

        var (_, result, output) = GeneratorHarness.Run(text, StubImplementation.For(catalogue, GeneratorHarness.TestNamespace));

        Assert.Equal(4, result.GeneratedSources.Length);
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_name_only_catalogue_generates_the_same_code_as_the_catalogue_written_out_in_full()
    {
        var nameOnly = TestFiles.Fixture("name-only.registers.yaml");
        var full = TestFiles.Fixture("full.registers.yaml");
        Assert.DoesNotContain("encoding:", nameOnly, System.StringComparison.Ordinal);
        Assert.Contains("encoding:", full, System.StringComparison.Ordinal);

        var fromNames = GeneratorHarness.Run(nameOnly).Result;
        var fromFull = GeneratorHarness.Run(full).Result;

        Assert.Empty(fromNames.Diagnostics);
        Assert.Empty(fromFull.Diagnostics);
        Assert.Equal(4, fromNames.GeneratedSources.Length);
        Assert.Equal(
            fromFull.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            fromNames.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Generated_files_start_with_the_auto_generated_banner_and_are_deterministic()
    {
        var first = GeneratorHarness.Run(TestFiles.RealCatalogue).Result.GeneratedSources;
        var second = GeneratorHarness.Run(TestFiles.RealCatalogue).Result.GeneratedSources;

        Assert.Equal(
            ["registers.Dispatch.g.cs", "registers.Keys.g.cs", "registers.RegisterFile.g.cs", "registers.Registry.g.cs"],
            first.Select(s => s.HintName).Order());
        Assert.All(first, source => Assert.StartsWith("// <auto-generated/>\n", source.SourceText.ToString(), System.StringComparison.Ordinal));
        Assert.All(first, source => Assert.DoesNotContain("\r", source.SourceText.ToString(), System.StringComparison.Ordinal));
        Assert.Equal(first.Select(s => s.SourceText.ToString()), second.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void The_namespace_follows_TrapGenNamespace_then_RootNamespace()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [new RegisterCatalogueGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText(GeneratorHarness.CataloguePath, TestFiles.RealCatalogue)],
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(new System.Collections.Generic.Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = "Ignored.Root",
                ["build_property.TrapGenNamespace"] = "My.Hypervisor",
            }));

        var sources = driver.RunGenerators(compilation).GetRunResult().Results.Single().GeneratedSources;

        Assert.All(sources, s => Assert.Contains("\nnamespace My.Hypervisor;\n", s.SourceText.ToString(), System.StringComparison.Ordinal));
    }

    private static void MatchSnapshots(string test, string catalogue)
    {
        var sources = GeneratorHarness.Run(catalogue).Result.GeneratedSources;
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Snapshot.Match(
                Path.Combine(TestFiles.ProjectDirectory(), "Snapshots"),
                nameof(GeneratedCodeTests),
                test,
                source.HintName,
                source.SourceText.ToString(),
                text => text.Replace("\"TrapGen\", \"" + RegisterCatalogueGenerator.Version + "\"", "\"TrapGen\", \"{version}\"", System.StringComparison.Ordinal));
        }
    }
}
