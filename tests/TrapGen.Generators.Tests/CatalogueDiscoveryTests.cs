using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// Which AdditionalFiles the generator takes as catalogues: registers.yaml and *.registers.yaml by name,
/// any file marked by the TrapGenCatalogue item, TG0028 when there is none and TG0029 for a second.
/// </summary>
public sealed class CatalogueDiscoveryTests
{
    [Theory]
    [InlineData("/repo/registers.yaml")]
    [InlineData("/repo/Registers.YAML")]
    [InlineData("/repo/cp15.registers.yaml")]
    public void A_file_named_as_a_catalogue_is_one(string path)
    {
        var result = Run([(path, TestFiles.RealCatalogue, null)]);

        Assert.Equal(4, result.GeneratedSources.Length);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0028");
    }

    [Fact]
    public void A_file_of_any_name_is_a_catalogue_when_the_trap_gen_catalogue_item_marks_it()
    {
        var result = Run([("/repo/hypervisor/cp15.yaml", TestFiles.RealCatalogue, "true")]);

        Assert.Equal(4, result.GeneratedSources.Length);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0028");
    }

    [Fact]
    public void No_catalogue_is_one_warning_that_says_how_to_add_one_and_names_the_yaml_files_found()
    {
        var result = Run([("/repo/cp15.yaml", TestFiles.RealCatalogue, null), ("/repo/notes.txt", "x", null)]);

        Assert.Empty(result.GeneratedSources);
        var missing = Assert.Single(result.Diagnostics);
        Assert.Equal(("TG0028", DiagnosticSeverity.Warning, Location.None), (missing.Id, missing.Severity, missing.Location));
        var message = missing.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("(cp15.yaml is YAML, but not named as a catalogue)", message, System.StringComparison.Ordinal);
        Assert.Contains("<TrapGenCatalogue Include=", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void No_additional_files_at_all_is_the_same_warning_without_a_list()
    {
        var missing = Assert.Single(Run([]).Diagnostics);

        Assert.Equal("TG0028", missing.Id);
        Assert.StartsWith("TrapGen found no catalogue in this project; add", missing.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_catalogue_is_one_error_at_it_and_code_comes_from_the_first_alone()
    {
        var result = Run([("/repo/b.registers.yaml", TestFiles.RealCatalogue, null), ("/repo/a.registers.yaml", TestFiles.RealCatalogue, null)]);

        Assert.Equal(4, result.GeneratedSources.Length);
        Assert.All(result.GeneratedSources, source => Assert.StartsWith("a.registers.", source.HintName, System.StringComparison.Ordinal));
        var second = Assert.Single(result.Diagnostics);
        Assert.Equal(("TG0029", DiagnosticSeverity.Error, "/repo/b.registers.yaml"), (second.Id, second.Severity, second.Location.GetLineSpan().Path));
        Assert.StartsWith("b.registers.yaml is a second catalogue in this project (the first is a.registers.yaml)", second.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_catalogues_in_one_project_build_with_only_the_error_never_duplicate_types()
    {
        var first = TestFiles.Fixture("handling.registers.yaml");
        var stub = StubImplementation.For(TrapGen.Catalogue.CatalogueLoader.Load(first).ValidCatalogue!, GeneratorHarness.TestNamespace);

        var (result, output) = RunAndCompile([("/repo/a.registers.yaml", first, null), ("/repo/b.registers.yaml", TestFiles.RealCatalogue, null)], stub);

        Assert.Equal("TG0029", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    private static GeneratorRunResult Run(IReadOnlyList<(string Path, string Text, string? Metadata)> files) => RunAndCompile(files).Result;

    private static (GeneratorRunResult Result, Compilation Output) RunAndCompile(IReadOnlyList<(string Path, string Text, string? Metadata)> files, params string[] sources)
    {
        var perFile = files.Where(f => f.Metadata is not null).ToDictionary(
            f => f.Path,
            f => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [CatalogueFiles.MetadataKey] = f.Metadata! });
        var driver = CSharpGeneratorDriver.Create(
            [new RegisterCatalogueGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = GeneratorHarness.TestNamespace }, perFile));
        var result = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(sources), out var output, out _).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return (result, output);
    }
}
