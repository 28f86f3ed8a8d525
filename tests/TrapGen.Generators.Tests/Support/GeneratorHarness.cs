using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests.Support;

/// <summary>Runs the generator in-process, as the compiler would, over a catalogue held in memory.</summary>
internal static class GeneratorHarness
{
    public const string CataloguePath = "/repo/registers.yaml";
    public const string TestNamespace = "TrapGen.Tests.Generated";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "TrapGen.Tests.Consumer",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source" + i + ".cs")),
        [.. Basic.Reference.Assemblies.Net100.References.All, FixedTypes.Reference],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(string catalogueText) => CreateDriver(new InMemoryAdditionalText(CataloguePath, catalogueText));

    public static GeneratorDriver CreateDriver(AdditionalText catalogue) =>
        CSharpGeneratorDriver.Create(
            [new RegisterCatalogueGenerator().AsSourceGenerator()],
            [catalogue],
            ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string> { ["build_property.RootNamespace"] = TestNamespace }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once; fails if the generator threw (which the compiler would only show as CS8785).</summary>
    public static (GeneratorDriver Driver, GeneratorRunResult Result, Compilation Output) Run(string catalogueText, params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(catalogueText).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return (driver, result, output);
    }

    public static ImmutableArray<Diagnostic> CatalogueDiagnostics(string catalogueText) => Run(catalogueText).Result.Diagnostics;
}
