using System;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Parsing;
using TrapGen.Catalogue.Validation;

namespace TrapGen.Catalogue;

/// <summary>Parses and validates registers.yaml. The one entry point the generator and the CLI share.</summary>
public static class CatalogueLoader
{
    /// <summary>The character a reader puts where the bytes were not UTF-8.</summary>
    private const char ReplacementCharacter = '\uFFFD';

    /// <summary>
    /// Loads a catalogue from its text within <paramref name="limits"/> (<see cref="CatalogueLimits.Default"/>
    /// when null). Never throws: malformed input becomes diagnostics, input over a limit one TG0025, and a
    /// bug in TrapGen itself one TG9999 error.
    /// </summary>
    public static CatalogueLoadResult Load(string text, CatalogueLimits? limits = null)
    {
        limits ??= CatalogueLimits.Default;
        text ??= string.Empty;
        var diagnostics = new DiagnosticBag(limits.MaxDiagnostics, SourceSpan.EndOf(text));
        try
        {
            ReportInvalidUtf8(text, diagnostics);
            if (!new YamlShapeCheck(diagnostics, limits).Accepts(text))
            {
                return new CatalogueLoadResult(null, diagnostics.ToEquatableArray());
            }

            var catalogue = new CatalogueParser(diagnostics).Parse(text);
            if (catalogue is null)
            {
                return new CatalogueLoadResult(null, diagnostics.ToEquatableArray());
            }

            new CatalogueValidator(diagnostics).Validate(catalogue, parsedCompletely: !diagnostics.HasErrors);
            var generatable = diagnostics.HasErrors ? GeneratableCatalogue.Of(catalogue) : catalogue;
            return new CatalogueLoadResult(catalogue, diagnostics.ToEquatableArray(), generatable);
        }
#pragma warning disable CA1031 // The generator must never throw: any failure is reported as TG9999.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var internalError = new CatalogueDiagnostic(
                CatalogueRules.InternalError,
                SourceSpan.FileStart,
                new EquatableArray<string>([exception.GetType().Name, exception.Message]));
            return new CatalogueLoadResult(null, new EquatableArray<CatalogueDiagnostic>([internalError]));
        }
    }

    /// <summary>Reports the first U+FFFD on each line: where the file's bytes were not UTF-8.</summary>
    private static void ReportInvalidUtf8(string text, DiagnosticBag diagnostics)
    {
        var line = 0;
        var lineStart = 0;
        var reportedLine = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (text[i] == ReplacementCharacter && reportedLine != line)
            {
                reportedLine = line;
                diagnostics.Report(CatalogueRules.NotUtf8, new SourceSpan(i, i + 1, line, i - lineStart, line, i - lineStart + 1));
            }
        }
    }
}
