using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
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

    // Not enumerated at discovery: the test runner would serialize every case into the test list, and the
    // nested block sequences alone are 312 million characters (discovery took a minute and 14 GB).
    [Theory]
    [MemberData(nameof(Cases), DisableDiscoveryEnumeration = true)]
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

    /// <summary>
    /// The compiler reads a file that is not UTF-8 in a fallback code page, one character a byte: the
    /// generator must still see the bad byte, where it is, rather than take the file in another encoding.
    /// </summary>
    [Fact]
    public void A_catalogue_the_compiler_read_in_a_fallback_code_page_is_reported_at_its_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("version: 1\nregisters:\n  - name: FAR_EL1\n    description: caf")
            .Append((byte)0xFF)
            .Concat(Encoding.UTF8.GetBytes(" \u00e9t\u00e9\n    handling: passthrough\n"))
            .ToArray();
        var asTheCompilerReadIt = new InMemoryAdditionalText(GeneratorHarness.CataloguePath, Encoding.Latin1.GetString(bytes), Encoding.Latin1);

        var result = GeneratorHarness.CreateDriver(asTheCompilerReadIt).RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        var notUtf8 = Assert.Single(result.Diagnostics);
        Assert.Equal("TG0027", notUtf8.Id);
        Assert.Equal(new LinePosition(3, 20), notUtf8.Location.GetLineSpan().StartLinePosition);
    }
}
