using System.Linq;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;

namespace TrapGen.Generators.Pipeline;

/// <summary>
/// What the emitters format: the generatable catalogue with every source position taken out. Positions
/// only place diagnostics, which leave the pipeline on their own output; without them, an edit of
/// registers.yaml that changes no fact (a comment, blank lines, indentation, the order of a mapping's
/// keys) gives an equal spec, and every emit step after it stays cached.
/// </summary>
/// <param name="Path">The catalogue's path.</param>
/// <param name="Catalogue">The catalogue without positions, or null when its errors leave nothing to generate.</param>
internal sealed record CatalogueSpec(string Path, RegisterCatalogue? Catalogue)
{
    /// <summary>Gets the spec of a loaded catalogue.</summary>
    public static CatalogueSpec Of(LoadedCatalogue loaded) =>
        new(loaded.Path, loaded.Result.Generatable is { } catalogue ? WithoutPositions(catalogue) : null);

    private static RegisterCatalogue WithoutPositions(RegisterCatalogue catalogue) => new(
        catalogue.Syndrome with
        {
            EsrFieldSpans = Blank(catalogue.Syndrome.EsrFieldSpans),
            Classes = catalogue.Syndrome.Classes.Select(c => c with { FieldSpans = Blank(c.FieldSpans), Span = default }).ToEquatableArray(),
        },
        catalogue.TrapGroups.Select(g => g with { Span = default, HcrBitSpan = default, OthersSpan = default }).ToEquatableArray(),
        catalogue.Hooks.Select(h => h with { Span = default }).ToEquatableArray(),
        catalogue.Emulators.Select(e => e with { Span = default }).ToEquatableArray(),
        catalogue.Registers.Select(Register).ToEquatableArray())
    {
        Instructions = catalogue.Instructions.Select(i => i with { Span = default, HandlingSpan = default, HookSpan = default, Traps = Traps(i.Traps) }).ToEquatableArray(),
        LeftOut = catalogue.LeftOut.Select(Register).ToEquatableArray(),
    };

    private static RegisterDefinition Register(RegisterDefinition register) => register with
    {
        Traps = Traps(register.Traps),
        Aliases = register.Aliases.Select(a => a with { Span = default, EncodingSpan = default, ViewSpan = default, Traps = Traps(a.Traps) }).ToEquatableArray(),
        Fields = register.Fields.Select(f => f with { Span = default, ValueSpan = default }).ToEquatableArray(),
        Span = default,
        EncodingSpan = default,
        WidthSpan = default,
        AccessSpan = default,
        OtherNamesSpan = default,
        HandlingSpan = default,
        EmulatorSpan = default,
        AfterWriteSpan = default,
        ValueSpan = default,
        FieldsSpan = default,
    };

    private static EquatableArray<TrapMembership> Traps(EquatableArray<TrapMembership> traps) => traps.Select(t => t with { Span = default }).ToEquatableArray();

    private static EquatableArray<SourceSpan> Blank(EquatableArray<SourceSpan> spans) => spans.Select(_ => default(SourceSpan)).ToEquatableArray();
}
