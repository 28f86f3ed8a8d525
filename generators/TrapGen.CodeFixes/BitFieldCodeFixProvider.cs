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
using Microsoft.CodeAnalysis.Simplification;

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
    private const string GeneratedMaskKey = "GeneratedMask";
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
                    if (diagnostic.Properties.TryGetValue(GeneratedMaskKey, out var generated) && generated is not null
                        && await FindGeneratedConstantAsync(context.Document, generated, mask, context.CancellationToken).ConfigureAwait(false) is { } constant)
                    {
                        var reference = SyntaxFactory.ParseExpression(constant.Qualified).WithAdditionalAnnotations(Simplifier.Annotation).WithTriviaFrom(literal);
                        Register(context, diagnostic, "Use " + constant.Short, root, literal, reference);
                    }
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

    /// <summary>
    /// Finds TrapGen's constant for the field (<c>TrapGen.MsrIss.CRnMask</c>, from TrapGen.Abstractions)
    /// in the document's compilation, when it is referenced and holds <paramref name="mask"/>; returns its
    /// fully qualified name and its short one (<c>MsrIss.CRnMask</c>).
    /// </summary>
    private static async Task<(string Qualified, string Short)?> FindGeneratedConstantAsync(Document document, string generated, string mask, CancellationToken cancellationToken)
    {
        var dot = generated.LastIndexOf('.');
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (dot < 0 || compilation is null
            || !ulong.TryParse(mask.Substring(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var (typeName, memberName) = (generated.Substring(0, dot), generated.Substring(dot + 1));
        var field = compilation.GetTypeByMetadataName(typeName)?.GetMembers(memberName).OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && f.ConstantValue is uint or ulong or int && System.Convert.ToUInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture) == value);
        return field is null ? null : (field.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + field.Name, field.ContainingType.Name + "." + field.Name);
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
