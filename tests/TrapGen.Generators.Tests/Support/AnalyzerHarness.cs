using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TrapGen.CodeFixes;
using TrapGen.Generators.Analyzers;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests.Support;

/// <summary>
/// Runs the bit-field analyzers and their code fixes in process, as the compiler and the IDE do.
/// Sources mark the expected diagnostic's span with <c>[|</c> and <c>|]</c>.
/// </summary>
internal static class AnalyzerHarness
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new MaskDeclarationAnalyzer(), new SyndromeExpressionAnalyzer(), new HalfCompositionAnalyzer()];

    public static (string Source, TextSpan? Span) Markup(string markup)
    {
        var start = markup.IndexOf("[|", System.StringComparison.Ordinal);
        if (start < 0)
        {
            return (markup, null);
        }

        var end = markup.IndexOf("|]", start, System.StringComparison.Ordinal);
        var source = markup.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }

    public static ImmutableArray<Diagnostic> Diagnostics(string source, params string[] moreSources)
    {
        var compilation = CSharpCompilation.Create(
            "Analyzed",
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, "Test.cs"), .. moreSources.Select((s, i) => CSharpSyntaxTree.ParseText(s, GeneratorHarness.ParseOptions, "More" + i + ".cs"))],
            [.. Basic.Reference.Assemblies.Net100.References.All, FixedTypes.Reference],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the test source does not compile: " + string.Join("; ", errors));
        return compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>Applies the first code fix offered for the one diagnostic in <paramref name="source"/>.</summary>
    public static Task<string> FixAsync(string source, params string[] moreSources) => FixAsync(source, null, moreSources);

    /// <summary>Applies the code fix titled <paramref name="title"/> (or the first) for the one diagnostic in <paramref name="source"/>.</summary>
    public static async Task<string> FixAsync(string source, string? title, params string[] moreSources)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Fixed", LanguageNames.CSharp)
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(Basic.Reference.Assemblies.Net100.References.All);
        for (var i = 0; i < moreSources.Length; i++)
        {
            project = project.AddDocument("More" + i + ".cs", moreSources[i]).Project;
        }

        var document = project.AddDocument("Test.cs", source);
        var diagnostic = Assert.Single(Diagnostics(source, moreSources));
        var located = Diagnostic.Create(
            diagnostic.Descriptor,
            Location.Create((await document.GetSyntaxTreeAsync())!, diagnostic.Location.SourceSpan),
            diagnostic.Properties,
            []);
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, located, (action, _) => actions.Add(action), CancellationToken.None);
        await new BitFieldCodeFixProvider().RegisterCodeFixesAsync(context);
        var action = title is null ? actions[0] : Assert.Single(actions, a => a.Title == title);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync()).ToString();
    }
}
