using TrapGen.Catalogue.Collections;
using TrapGen.Generators.Spec;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Formats a catalogue's <see cref="EmitSpec"/> as the generated sources, one file per concept. The types that
/// do not depend on the catalogue are not among them: they are TrapGen.Abstractions'.
/// </summary>
internal static class CatalogueEmitter
{
    /// <summary>Emits every file; hint names start with the catalogue's file name.</summary>
    public static EquatableArray<GeneratedFile> Emit(EmitSpec spec) => new(
    [
        new(spec.Stem + ".Keys.g.cs", KeysEmitter.Emit(spec)),
        new(spec.Stem + ".Registry.g.cs", RegistryEmitter.Emit(spec)),
        new(spec.Stem + ".RegisterFile.g.cs", RegisterFileEmitter.Emit(spec)),
        new(spec.Stem + ".Dispatch.g.cs", DispatchEmitter.Emit(spec)),
    ]);
}
