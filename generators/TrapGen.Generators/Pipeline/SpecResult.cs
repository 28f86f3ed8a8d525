using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Generators.Spec;

namespace TrapGen.Generators.Pipeline;

/// <summary>The output of the spec step: what the emitters will format, or the internal error that stopped it.</summary>
/// <param name="Path">The catalogue's path.</param>
/// <param name="Spec">The spec, or null when the catalogue's errors leave nothing to generate.</param>
/// <param name="InternalErrors">A TG9999 diagnostic when deciding the spec itself failed.</param>
internal sealed record SpecResult(string Path, EmitSpec? Spec, EquatableArray<CatalogueDiagnostic> InternalErrors);
