using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrapGen.Catalogue;
using TrapGen.Cli;
using TrapGen.Generators;
using TrapGen.Soak.Mutation;
using TrapGen.Soak.Reporting;
using TrapGen.Testing.Generators;

namespace TrapGen.Soak.Phases;

/// <summary>
/// Catalogue mutants through a real <see cref="CSharpGeneratorDriver"/>, as the compiler runs the
/// generator, and every few through <c>trapgen check</c>. Promises checked for each: no exception and
/// no TG9999; every diagnostic has a position inside registers.yaml and no raw control characters; at
/// most the diagnostic limit and one "N more"; <c>check</c> exits 0 or 1, agreeing with the generator
/// on whether there are errors; and a catalogue the generator accepts compiles.
/// </summary>
internal sealed class CatalogueSoak(CatalogueMutator mutator, FindingLog findings, TextWriter progress)
{
    private const string Phase = "catalogue";
    private const string CataloguePath = "/soak/registers.yaml";
    private const string Namespace = "TrapGen.Soak.Generated";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly CSharpCompilation EmptyCompilation = CSharpCompilation.Create(
        "TrapGen.Soak.Consumer",
        [],
        [.. Basic.Reference.Assemblies.Net100.References.All, FixedTypes.Reference],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static readonly TestOptionsProvider Options = new(new Dictionary<string, string> { ["build_property.RootNamespace"] = Namespace });

    private long generated;
    private long rejected;
    private long checkedByCli;
    private long compiled;
    private long slowestTicks;
    private int slowestSeed;

    /// <summary>How often a mutant also goes through <c>trapgen check</c> (every n-th).</summary>
    public int CheckEvery { get; init; } = 10;

    /// <summary>How often a mutant the generator accepts is also compiled (every n-th).</summary>
    public int CompileEvery { get; init; } = 10;

    public PhaseFigures Run(int count, int firstSeed, int parallelism)
    {
        var recorder = new PhaseRecorder(Phase, findings);
        var done = 0;
        using var scratch = new ScratchFiles();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, index =>
        {
            var seed = firstSeed + index;
            var (text, how) = mutator.Mutate(seed);
            var started = Stopwatch.GetTimestamp();
            var hasErrors = ThroughGenerator(seed, text, how, compile: index % CompileEvery == 0);
            if (hasErrors is { } errors && index % CheckEvery == 0)
            {
                ThroughCheck(seed, text, how, errors, scratch.PathFor(Environment.CurrentManagedThreadId));
            }

            NoteTime(seed, Stopwatch.GetTimestamp() - started);
            var finished = Interlocked.Increment(ref done);
            if (finished % 500 == 0)
            {
                recorder.Memory.Sample();
            }

            if (finished % 10_000 == 0)
            {
                lock (progress)
                {
                    progress.WriteLine("  catalogue: " + finished + " of " + count + " mutants, " + recorder.Elapsed.TotalSeconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " s");
                }
            }
        });

        var slowest = TimeSpan.FromTicks(slowestTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        return recorder.Finish(
            count,
            generated + " generated code, " + rejected + " rejected with diagnostics, " + checkedByCli + " also through `trapgen check`, "
                + compiled + " generated sources compiled; slowest mutant " + slowest.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " ms (seed " + slowestSeed + ")");
    }

    /// <summary>Runs the generator as the compiler would; whether it reported errors, or null when it crashed.</summary>
    private bool? ThroughGenerator(int seed, string text, string how, bool compile)
    {
        var compilation = EmptyCompilation;
        // Whatever is generated must compile, from an error-free catalogue or from what of a broken one is left.
        if (compile && CatalogueLoader.Load(text).Generatable is { } catalogue)
        {
            compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(StubImplementation.For(catalogue, Namespace), ParseOptions, path: "Runtime.cs"));
        }
        else
        {
            compile = false;
        }

        GeneratorRunResult result;
        Compilation output;
        try
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create([new RegisterCatalogueGenerator().AsSourceGenerator()], [new InMemoryAdditionalText(CataloguePath, text)], ParseOptions, Options);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
            result = driver.GetRunResult().Results.Single();
        }
#pragma warning disable CA1031 // Any exception is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            findings.Crash(Phase, seed, how + ": the driver threw " + e.GetType().Name + ": " + e.Message, text);
            return null;
        }

        if (result.Exception is { } exception)
        {
            findings.Crash(Phase, seed, how + ": the generator threw " + exception.GetType().Name + ": " + exception.Message, text);
            return null;
        }

        if (result.Diagnostics.FirstOrDefault(d => d.Id == "TG9999") is { } internalError)
        {
            findings.Crash(Phase, seed, how + ": " + internalError.GetMessage(System.Globalization.CultureInfo.InvariantCulture), text);
            return null;
        }

        CheckDiagnostics(seed, text, how, result.Diagnostics);
        var errors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        Interlocked.Increment(ref errors ? ref rejected : ref generated);
        if (compile)
        {
            Interlocked.Increment(ref compiled);
            if (output.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", StringComparison.Ordinal)) is { } error)
            {
                findings.Failure(Phase, seed, how + ": the generated code does not compile: " + error, text);
            }
        }

        return errors;
    }

    private void CheckDiagnostics(int seed, string text, string how, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count > CatalogueLimits.Default.MaxDiagnostics + 1)
        {
            findings.Failure(Phase, seed, how + ": " + diagnostics.Count + " diagnostics, over the limit of " + CatalogueLimits.Default.MaxDiagnostics + " and one more", text);
        }

        var lines = text.Count(c => c == '\n') + 1;
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            if (diagnostic.Location.Kind != LocationKind.ExternalFile || span.Path != CataloguePath || span.StartLinePosition.Line >= lines)
            {
                findings.Failure(Phase, seed, how + ": " + diagnostic.Id + " is not positioned in the catalogue (" + diagnostic.Location + "): " + message, text);
                return;
            }

            if (message.Any(char.IsControl))
            {
                findings.Failure(Phase, seed, how + ": " + diagnostic.Id + "'s message holds a raw control character: " + message, text);
                return;
            }
        }
    }

    private void ThroughCheck(int seed, string text, string how, bool generatorFoundErrors, string path)
    {
        Interlocked.Increment(ref checkedByCli);

        // What the compiler was given as U+FFFD, the file holds as the invalid byte itself.
        File.WriteAllBytes(path, InvalidUtf8.Encode(text));
        var output = new StringWriter();
        var error = new StringWriter();
        int exit;
        try
        {
            exit = CliApplication.Run(["check", path], output, error);
        }
#pragma warning disable CA1031 // Any exception is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            findings.Crash(Phase, seed, how + ": trapgen check threw " + e.GetType().Name + ": " + e.Message, text);
            return;
        }

        var printed = output + error.ToString();
        if (exit == CliApplication.InternalError || printed.Contains("internal error", StringComparison.Ordinal))
        {
            findings.Crash(Phase, seed, how + ": trapgen check: " + printed, text);
        }
        else if (exit is not (0 or CliApplication.InputError))
        {
            findings.Failure(Phase, seed, how + ": trapgen check exited " + exit, text);
        }
        else if (printed.Any(c => char.IsControl(c) && c != '\n' && c != '\r'))
        {
            findings.Failure(Phase, seed, how + ": trapgen check printed a raw control character", text);
        }
        else if ((exit != 0) != generatorFoundErrors)
        {
            findings.Failure(Phase, seed, how + ": trapgen check exited " + exit + " but the generator " + (generatorFoundErrors ? "found" : "found no") + " errors: " + printed, text);
        }
    }

    private void NoteTime(int seed, long ticks)
    {
        lock (findings)
        {
            if (ticks > slowestTicks)
            {
                slowestTicks = ticks;
                slowestSeed = seed;
            }
        }
    }
}
