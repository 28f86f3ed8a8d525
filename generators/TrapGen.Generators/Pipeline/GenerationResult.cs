using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Generators.Emit;

namespace TrapGen.Generators.Pipeline;

/// <summary>The output of the emit step: files, or the internal error that stopped them.</summary>
/// <param name="Path">The catalogue's path.</param>
/// <param name="Files">The generated files (empty when the catalogue has errors).</param>
/// <param name="InternalErrors">A TG9999 diagnostic when emission itself failed.</param>
internal sealed record GenerationResult(string Path, EquatableArray<GeneratedFile> Files, EquatableArray<CatalogueDiagnostic> InternalErrors);
