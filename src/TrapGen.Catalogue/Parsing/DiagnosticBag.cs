using System.Collections.Generic;
using System.Linq;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Parsing;

/// <summary>
/// Collects diagnostics while a catalogue is parsed and validated. Keeps at most <paramref name="limit"/>
/// errors and as many other diagnostics, and counts the rest: they become one TG0026 at the end, so no
/// catalogue can make the compiler print millions of lines. A span past <paramref name="endOfText"/> (the
/// YAML reader puts an error at end of input on the line after the last) is moved to the end of the text.
/// </summary>
internal sealed class DiagnosticBag(int limit, SourceSpan endOfText)
{
    private readonly List<CatalogueDiagnostic> errors = [];
    private readonly List<CatalogueDiagnostic> others = [];
    private int droppedErrors;
    private int droppedOthers;

    /// <summary>Arguments are messages and names; a longer one is text a catalogue smuggled in.</summary>
    private const int MaxArgumentLength = 400;

    public bool HasErrors => errors.Count > 0;

    /// <summary>Reports the case a message helper chose, at <paramref name="span"/>.</summary>
    public void Report(SourceSpan span, DiagnosticMessage message) => Report(message.Rule, span, message.Arguments);

    public void Report(DiagnosticRule rule, SourceSpan span, params string[] arguments)
    {
        var isError = rule.Severity == DiagnosticSeverityLevel.Error;
        var kept = isError ? errors : others;
        if (kept.Count < limit)
        {
            // Arguments echo the catalogue's own text: keep them printable and short.
            kept.Add(new CatalogueDiagnostic(rule, span.StartOffset > endOfText.StartOffset || span.StartLine > endOfText.StartLine ? endOfText : span, new EquatableArray<string>(System.Array.ConvertAll(arguments, a => PrintableText.Of(a, MaxArgumentLength)))));
        }
        else if (isError)
        {
            droppedErrors++;
        }
        else
        {
            droppedOthers++;
        }
    }

    /// <summary>The diagnostics to report, in the order found, errors first when over the limit, then the count of those left out.</summary>
    public EquatableArray<CatalogueDiagnostic> ToEquatableArray()
    {
        if (errors.Count + others.Count <= limit && droppedErrors + droppedOthers == 0)
        {
            return errors.Concat(others).OrderBy(d => d.Span.StartOffset).ToEquatableArray();
        }

        var shownOthers = limit - errors.Count;
        var leftOut = droppedErrors + droppedOthers + (others.Count - shownOthers);
        var summary = new CatalogueDiagnostic(
            CatalogueRules.MoreDiagnostics,
            SourceSpan.FileStart,
            new EquatableArray<string>([
                MessageArgument.Decimal(leftOut),
                MessageArgument.Decimal(droppedErrors),
                CatalogueLimits.HowToRaise(CatalogueLimits.MaxDiagnosticsProperty)]));
        return errors.Concat(others.Take(shownOthers)).OrderBy(d => d.Span.StartOffset).Append(summary).ToEquatableArray();
    }
}
