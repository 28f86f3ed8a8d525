namespace TrapGen.Catalogue.Diagnostics;

/// <summary>
/// A rule's case and the arguments of its message format: what a message helper chooses when the
/// wording depends on the catalogue (a suggestion found or not, a mapping known or not), for the
/// caller to report at its own span.
/// </summary>
internal readonly struct DiagnosticMessage
{
    public DiagnosticMessage(DiagnosticRule rule, params string[] arguments)
    {
        Rule = rule;
        Arguments = arguments;
    }

    /// <summary>Gets the rule, with the message format of the case.</summary>
    public DiagnosticRule Rule { get; }

    /// <summary>Gets the values the message format is filled with.</summary>
    public string[] Arguments { get; }

    /// <summary>
    /// Gets the case <paramref name="suggesting"/> with <paramref name="suggestion"/> as its last argument
    /// when there is one (a name close to the one written), else the case <paramref name="plain"/>.
    /// </summary>
    public static DiagnosticMessage Suggesting(string? suggestion, DiagnosticRule plain, DiagnosticRule suggesting, params string[] arguments) =>
        suggestion is null ? new(plain, arguments) : new(suggesting, [.. arguments, suggestion]);
}
