using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue;

/// <summary>What loading a catalogue produced: the model (when it could be read) and every diagnostic.</summary>
/// <param name="Catalogue">The model; partial when there are errors, null when the text could not be read at all.</param>
/// <param name="Diagnostics">Every problem found, in the order found.</param>
/// <param name="Generatable">
/// What code can be generated from: the catalogue when it is error-free; with errors, the catalogue less
/// every entry an error points into, so that the build shows only the catalogue's own errors; null when
/// an error belongs to no entry or the text could not be read.
/// </param>
public sealed record CatalogueLoadResult(RegisterCatalogue? Catalogue, EquatableArray<CatalogueDiagnostic> Diagnostics, RegisterCatalogue? Generatable = null)
{
    /// <summary>Gets whether any diagnostic is an error; code is only generated from an error-free catalogue.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Gets the catalogue when it is complete and error-free, otherwise null.</summary>
    public RegisterCatalogue? ValidCatalogue => HasErrors ? null : Catalogue;
}
