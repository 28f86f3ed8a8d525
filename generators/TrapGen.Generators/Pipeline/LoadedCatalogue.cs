using TrapGen.Catalogue;

namespace TrapGen.Generators.Pipeline;

/// <summary>A catalogue after parsing and validation, with the path its diagnostics point into.</summary>
/// <param name="Path">The catalogue's path.</param>
/// <param name="Result">The model and diagnostics.</param>
internal sealed record LoadedCatalogue(string Path, CatalogueLoadResult Result);
