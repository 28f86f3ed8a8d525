using System;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Parsing;
using TrapGen.Catalogue.Validation;

namespace TrapGen.Catalogue;

/// <summary>Parses and validates registers.yaml. The one entry point the generator and the CLI share.</summary>
public static class CatalogueLoader
{
    /// <summary>
    /// Loads a catalogue from its text. Never throws: malformed input becomes diagnostics, and a bug in
    /// TrapGen itself becomes one TG9999 error.
    /// </summary>
    public static CatalogueLoadResult Load(string text)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            var catalogue = new CatalogueParser(diagnostics).Parse(text ?? string.Empty);
            if (catalogue is not null)
            {
                new CatalogueValidator(diagnostics).Validate(catalogue, parsedCompletely: !diagnostics.HasErrors);
            }

            return new CatalogueLoadResult(catalogue, diagnostics.ToEquatableArray());
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
}
