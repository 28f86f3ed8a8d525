using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TrapGen.CodeFixes;

/// <summary>
/// Fixes the bit-field rules where the right code is certain: the correct mask literal (TG1001, TG1002,
/// TG1003), a <c>(ulong)</c> widening or a <c>(uint)</c> low word (TG1004), and the LO view's property
/// for a truncated register write (TG1004).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BitFieldCodeFixProvider))]
[Shared]
public sealed class BitFieldCodeFixProvider : CodeFixProvider
{
    // The analyzers' property keys; the analyzers live in TrapGen.Generators, which this assembly does not load.
    private const string CorrectMaskKey = "CorrectMask";
    private const string FixKey = "Fix";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["TG1001", "TG1002", "TG1003", "TG1004"];

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Properties.TryGetValue(CorrectMaskKey, out var mask) && mask is not null)
            {
                var literal = diagnostic.Id == "TG1001" ? MaskInitializer(node) : node as LiteralExpressionSyntax ?? node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault();
                if (literal is not null && literal.IsKind(SyntaxKind.NumericLiteralExpression))
                {
                    Register(context, diagnostic, "Use " + mask, root, literal, SyntaxFactory.ParseExpression(mask).WithTriviaFrom(literal));
                }
            }
            else if (diagnostic.Properties.TryGetValue(FixKey, out var fix) && fix is not null)
            {
                RegisterHalfFix(context, diagnostic, root, node, fix);
            }
        }
    }

    private static void RegisterHalfFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SyntaxNode node, string fix)
    {
        switch (fix)
        {
            case "widen" when node is BinaryExpressionSyntax shift:
                var widened = SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.ULongKeyword)), Parenthesize(shift.Left));
                Register(context, diagnostic, "Widen to ulong before shifting", root, shift.Left, widened.WithTriviaFrom(shift.Left));
                break;
            case "unsigned" when node is ExpressionSyntax low:
                var unsigned = SyntaxFactory.CastExpression(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.UIntKeyword)), Parenthesize(low));
                Register(context, diagnostic, "Convert the low word to uint", root, low, unsigned.WithTriviaFrom(low));
                break;
            default:
                if (node is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax target } assignment)
                {
                    var lo = target.WithName(SyntaxFactory.IdentifierName(fix));
                    Register(context, diagnostic, "Assign " + fix, root, assignment.Left, lo.WithTriviaFrom(assignment.Left));
                }

                break;
        }
    }

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            ? expression.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());

    private static LiteralExpressionSyntax? MaskInitializer(SyntaxNode node) =>
        node.AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault()?.Initializer?.Value as LiteralExpressionSyntax;

    private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, SyntaxNode root, SyntaxNode old, SyntaxNode replacement) =>
        context.RegisterCodeFix(
            CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(old, replacement))), equivalenceKey: diagnostic.Id + title),
            diagnostic);
}
