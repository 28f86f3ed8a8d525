using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrapGen.Architecture;
using TrapGen.Generators;

namespace TrapGen.Benchmarks.Generator;

/// <summary>
/// What the generator costs a build and an IDE: parse + validate + emit for the real catalogue and the
/// large one, cold (a new driver, as a command-line build runs it) and after an unrelated C# edit (the
/// IDE's case, which must be cached and near zero). The baseline is compiling and emitting
/// TrapGen.Runtime itself, so each ratio is the generator's cost as a share of that compile.
/// </summary>
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private string realCatalogue = string.Empty;
    private string largeCatalogue = string.Empty;
    private CSharpCompilation consumer = null!;
    private CSharpCompilation editedConsumer = null!;
    private GeneratorDriver warmReal = null!;
    private GeneratorDriver warmLarge = null!;
    private bool edited;
    private CSharpCompilation runtime = null!;

    /// <summary>Reads the catalogues and the runtime's sources, and warms the incremental drivers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        realCatalogue = RepositoryFiles.Read("registers.yaml");
        largeCatalogue = RepositoryFiles.Read("tests", "TrapGen.Benchmarks", "Catalogues", "large.registers.yaml");
        consumer = Compilation("Consumer", [CSharpSyntaxTree.ParseText("namespace Consumer; public static class Code { public static int Answer => 41; }", ParseOptions, "Code.cs")]);
        editedConsumer = consumer.ReplaceSyntaxTree(
            consumer.SyntaxTrees[0],
            CSharpSyntaxTree.ParseText("namespace Consumer; public static class Code { public static int Answer => 42; }", ParseOptions, "Code.cs"));
        warmReal = Driver(realCatalogue).RunGenerators(consumer);
        warmLarge = Driver(largeCatalogue).RunGenerators(consumer);

        // The runtime as the build compiles it: its own sources plus what the generator emits for registers.yaml.
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "TrapGen.Runtime"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path));
        var withoutGenerated = Compilation("TrapGen.Runtime", sources);
        var generated = Driver(realCatalogue, "TrapGen.Runtime").RunGenerators(withoutGenerated).GetRunResult();
        if (generated.Results.Single().Exception is { } exception)
        {
            throw new InvalidOperationException("The generator failed in the benchmark setup.", exception);
        }

        runtime = withoutGenerated.AddSyntaxTrees(generated.GeneratedTrees);
    }

    /// <summary>Compiling and emitting TrapGen.Runtime with its generated code: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public long CompileRuntime()
    {
        using var stream = new MemoryStream();
        var result = runtime.Emit(stream);
        return result.Success ? stream.Length : throw new InvalidOperationException(string.Join('\n', result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }

    /// <summary>The generator on the real catalogue, cold.</summary>
    [Benchmark]
    public int Cold_RealCatalogue() => Driver(realCatalogue).RunGenerators(consumer).GetRunResult().GeneratedTrees.Length;

    /// <summary>The generator on the large catalogue (729 registers and their AArch32 views), cold.</summary>
    [Benchmark]
    public int Cold_LargeCatalogue() => Driver(largeCatalogue).RunGenerators(consumer).GetRunResult().GeneratedTrees.Length;

    /// <summary>The generator on the real catalogue after an unrelated C# edit: every step cached.</summary>
    [Benchmark]
    public int UnrelatedEdit_RealCatalogue()
    {
        warmReal = warmReal.RunGenerators(Next());
        return warmReal.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>The generator on the large catalogue after an unrelated C# edit.</summary>
    [Benchmark]
    public int UnrelatedEdit_LargeCatalogue()
    {
        warmLarge = warmLarge.RunGenerators(Next());
        return warmLarge.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>Alternates between two versions of the consumer, so each run sees an edit.</summary>
    private CSharpCompilation Next()
    {
        edited = !edited;
        return edited ? editedConsumer : consumer;
    }

    private static CSharpCompilation Compilation(string name, System.Collections.Generic.IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        name,
        trees,
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(TrapGen.Architecture.Layouts).Assembly.Location), MetadataReference.CreateFromFile(typeof(TrapGen.RegisterHalves).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));

    private static CSharpGeneratorDriver Driver(string catalogue, string rootNamespace = "Consumer") => CSharpGeneratorDriver.Create(
        [new RegisterCatalogueGenerator().AsSourceGenerator()],
        [new InMemoryAdditionalText("/repo/registers.yaml", catalogue)],
        ParseOptions,
        new BuildProperties(rootNamespace));
}
