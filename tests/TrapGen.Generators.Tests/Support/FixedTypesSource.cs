using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrapGen.Architecture.Tables;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests.Support;

/// <summary>
/// TrapGen.Abstractions' fixed types as its build produces them: the tables generator run, in process, on the
/// repository's layouts.table and trap-classes.table with <c>TrapGenTablesOutput=FixedTypes</c>, as the
/// Abstractions project runs it. For tests that need the text, which the compiled assembly does not keep.
/// </summary>
internal static class FixedTypesSource
{
    private static readonly System.Lazy<string> Generated = new(Generate);

    /// <summary>Gets the generated FixedTypes source.</summary>
    public static string Text => Generated.Value;

    /// <summary>Gets the hand-written parts of TrapGen.Abstractions' partial fixed types (LDC/STC addressing), which the generated code calls too.</summary>
    public static string HandWritten => File.ReadAllText(Path.Combine(TestFiles.ProjectDirectory(), "..", "..", "src", "TrapGen.Abstractions", "LdcStcAddressing.cs"));

    private static string Generate()
    {
        var tables = Path.Combine(TestFiles.ProjectDirectory(), "..", "..", "src", "TrapGen.Architecture", "Tables");
        AdditionalText[] texts =
        [
            new InMemoryAdditionalText("/tables/layouts.table", File.ReadAllText(Path.Combine(tables, "layouts.table"))),
            new InMemoryAdditionalText("/tables/trap-classes.table", File.ReadAllText(Path.Combine(tables, "trap-classes.table"))),
        ];
        var driver = CSharpGeneratorDriver.Create(
            [new ArchitectureTablesGenerator().AsSourceGenerator()],
            texts,
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(new System.Collections.Generic.Dictionary<string, string>
            {
                ["build_property.projectdir"] = "/",
                ["build_property.TrapGenTablesOutput"] = "FixedTypes",
            }));
        var result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        return result.GeneratedSources.Single().SourceText.ToString();
    }
}
