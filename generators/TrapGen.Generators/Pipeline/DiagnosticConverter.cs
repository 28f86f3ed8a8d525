using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Generators.Pipeline;

/// <summary>Turns catalogue diagnostics (plain data) into Roslyn diagnostics located in registers.yaml.</summary>
internal static class DiagnosticConverter
{
    /// <summary>One descriptor per wording: the cases of a rule share its ID but each has its message format.</summary>
    private static readonly ConcurrentDictionary<DiagnosticRule, DiagnosticDescriptor> Descriptors = new();

    public static Diagnostic ToDiagnostic(CatalogueDiagnostic diagnostic, string path)
    {
        var span = diagnostic.Span;
        var location = Location.Create(
            path,
            new TextSpan(span.StartOffset, span.EndOffset - span.StartOffset),
            new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
        return Diagnostic.Create(DescriptorOf(diagnostic.Rule), location, diagnostic.Arguments.Cast<object>().ToArray());
    }

    public static DiagnosticDescriptor DescriptorOf(DiagnosticRule rule) => Descriptors.GetOrAdd(rule, _ => new DiagnosticDescriptor(
        rule.Id,
        rule.Title,
        rule.MessageFormat,
        DiagnosticRule.Category,
        rule.Severity switch
        {
            DiagnosticSeverityLevel.Error => DiagnosticSeverity.Error,
            DiagnosticSeverityLevel.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        },
        isEnabledByDefault: true,
        helpLinkUri: rule.HelpLink));
}
