using System.IO;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Emit;

/// <summary>
/// Turns a validated catalogue into the generated sources, one file per concept. The types that do not
/// depend on the catalogue are not among them: they are TrapGen.Abstractions' (<see cref="FixedTypesEmitter"/>).
/// </summary>
public static class CatalogueEmitter
{
    /// <summary>The generated code names the catalogue file in comments: printable, and this long at most.</summary>
    private const int MaxFileNameLength = 200;

    /// <summary>Emits every file for <paramref name="catalogue"/>; hint names start with the catalogue's file name.</summary>
    /// <param name="catalogue">A catalogue without errors, or what of it can be generated.</param>
    /// <param name="catalogueFileName">The catalogue's file name, such as <c>registers.yaml</c>.</param>
    /// <param name="targetNamespace">The namespace of the generated types.</param>
    /// <param name="version">TrapGen's version, for <c>[GeneratedCode]</c>.</param>
    public static EquatableArray<GeneratedFile> Emit(RegisterCatalogue catalogue, string catalogueFileName, string targetNamespace, string version)
    {
        var context = new EmitContext(catalogue, PrintableText.Of(Path.GetFileName(catalogueFileName), MaxFileNameLength), targetNamespace, version);
        var stem = Path.GetFileNameWithoutExtension(catalogueFileName);
        return new EquatableArray<GeneratedFile>(
        [
            new(stem + ".Keys.g.cs", KeysEmitter.Emit(context)),
            new(stem + ".Registry.g.cs", RegistryEmitter.Emit(context)),
            new(stem + ".RegisterFile.g.cs", RegisterFileEmitter.Emit(context)),
            new(stem + ".Dispatch.g.cs", DispatchEmitter.Emit(context)),
        ]);
    }
}
