using System;
using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Catalogue.Diagnostics;

/// <summary>
/// The definition of one catalogue diagnostic: stable ID, title, message format and severity.
/// Roslyn-free so that the CLI reports exactly what the generator reports.
/// </summary>
/// <param name="Id">The stable identifier, such as <c>TG0003</c>.</param>
/// <param name="Title">A short title.</param>
/// <param name="MessageFormat">A composite format string filled with the diagnostic's arguments.</param>
/// <param name="Severity">The default severity.</param>
public sealed record DiagnosticRule(string Id, string Title, string MessageFormat, DiagnosticSeverityLevel Severity)
{
    /// <summary>The category every catalogue diagnostic shares.</summary>
    public const string Category = "TrapGen.Catalogue";

    /// <summary>Gets the documentation page that explains this rule.</summary>
    public string HelpLink => "https://github.com/trapgen/trapgen/blob/main/docs/diagnostics.md#" + Id.ToLowerInvariant();

    /// <summary>
    /// Gets this rule (the same ID, title and severity) with another message format: a rule whose cases
    /// each word their message declares every wording with it, and reports the case's.
    /// </summary>
    public DiagnosticRule WithMessage(string messageFormat) => this with { MessageFormat = messageFormat };

    /// <summary>Fills the message format with <paramref name="arguments"/>, invariantly.</summary>
    public string Format(params string[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, MessageFormat, Array.ConvertAll(arguments, a => (object)a));
}
