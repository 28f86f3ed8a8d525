using System.Globalization;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;

namespace TrapGen.Catalogue.Diagnostics;

/// <summary>
/// One problem found in a catalogue, as plain data: it travels through the incremental pipeline
/// and becomes a Roslyn <c>Diagnostic</c> only when it is reported.
/// </summary>
/// <param name="Rule">The rule that was broken.</param>
/// <param name="Span">Where in the catalogue.</param>
/// <param name="Arguments">The values the rule's message format is filled with.</param>
public sealed record CatalogueDiagnostic(DiagnosticRule Rule, SourceSpan Span, EquatableArray<string> Arguments)
{
    /// <summary>Gets the formatted message.</summary>
    public string Message => Rule.Format([.. Arguments]);

    /// <summary>Gets whether this diagnostic stops code generation.</summary>
    public bool IsError => Rule.Severity == DiagnosticSeverityLevel.Error;

    /// <summary>Formats the diagnostic as the compiler prints it: <c>path(line,col): error TG0003: message</c>.</summary>
    public string ToString(string path) => string.Format(
        CultureInfo.InvariantCulture,
        "{0}{1}: {2} {3}: {4}",
        path,
        Span,
        Rule.Severity.ToString().ToLowerInvariant(),
        Rule.Id,
        Message);
}
