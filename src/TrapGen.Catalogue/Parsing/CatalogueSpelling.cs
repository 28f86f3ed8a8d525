using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Parsing;

/// <summary>
/// How registers.yaml spells each enumerated value (<c>raz-wi</c>, <c>zero-extend</c>, <c>ro</c>):
/// the inverse of the parser's vocabulary, for tools that print a catalogue back.
/// </summary>
public static class CatalogueSpelling
{
    /// <summary>Gets the spelling of a handling.</summary>
    public static string Of(RegisterHandling handling) => Find(CatalogueKeys.Handling, handling);

    /// <summary>Gets the spelling of an instruction's handling.</summary>
    public static string Of(InstructionHandling handling) => Find(CatalogueKeys.InstructionHandling, handling);

    /// <summary>Gets the spelling of a trap group's others handling.</summary>
    public static string Of(OthersHandling others) => Find(CatalogueKeys.Others, others);

    /// <summary>Gets the spelling of an access.</summary>
    public static string Of(RegisterAccess access) => Find(CatalogueKeys.Access, access);

    /// <summary>Gets the spelling of a view.</summary>
    public static string Of(RegisterView view) => Find(CatalogueKeys.View, view);

    /// <summary>Gets the spelling of a trap direction.</summary>
    public static string Of(AccessDirection direction) => Find(CatalogueKeys.Direction, direction);

    /// <summary>
    /// Gets the name of an access form in registers.yaml and the tools' output, its instruction in lower case:
    /// <c>msr</c>, <c>mcr</c>, <c>mcrr</c> (the keys an AArch32 alias's encoding is declared under) or <c>ldc</c>.
    /// </summary>
    public static string Of(AccessForm form) => form == AccessForm.LdcStc ? "ldc" : form.ToString().ToLowerInvariant();

    private static string Find<T>(IReadOnlyDictionary<string, T> vocabulary, T value) =>
        vocabulary.First(pair => EqualityComparer<T>.Default.Equals(pair.Value, value)).Key;
}
