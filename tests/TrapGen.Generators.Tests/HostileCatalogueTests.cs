using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// Catalogues built to crash the compiler, through a real <see cref="CSharpGeneratorDriver"/>: tens of
/// thousands of nested collections (a stack overflow brings down the whole build and IDE), alias
/// amplification, and sheer size. Each must end in one TG0025, never an exception.
/// </summary>
public sealed class HostileCatalogueTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "30,000 nested flow sequences", "registers: " + new string('[', 30_000) + new string(']', 30_000) + "\n" },
        { "20,000 nested flow mappings", "registers: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "b" + new string('}', 20_000) + "\n" },
        { "25,000 nested block sequences", "registers:\n" + string.Concat(Enumerable.Range(1, 25_000).Select(i => new string(' ', i) + "-\n")) },
        { "300 anchors of ten aliases each", string.Concat(Enumerable.Range(0, 300).Select(i => "a" + i + ": &a" + i + " [" + (i == 0 ? "x" : string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 10))) + "]\n")) + "registers: []\n" },
        { "4 MiB and one character", "registers: []\n#" + new string('x', 4 * 1024 * 1024) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ends_in_one_limit_diagnostic_and_no_exception(string what, string catalogue)
    {
        var diagnostics = GeneratorHarness.CatalogueDiagnostics(catalogue);

        var limit = Assert.Single(diagnostics);
        Assert.True(limit.Id == "TG0025", what + ": " + limit);
        Assert.Contains("raise it with <TrapGenMax", limit.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_msbuild_property_raises_a_limit()
    {
        var catalogue = "version: 1\nregisters: " + new string('[', 70) + new string(']', 70) + "\n";
        var driver = CSharpGeneratorDriver.Create(
            [new RegisterCatalogueGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText(GeneratorHarness.CataloguePath, catalogue)],
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.TrapGenMaxCatalogueDepth"] = "100" }));

        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "TG0025");
        Assert.Contains(GeneratorHarness.CatalogueDiagnostics(catalogue), d => d.Id == "TG0025");
    }
}
