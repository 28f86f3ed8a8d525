using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>
/// An AArch32 form of a catalogued register: a cp15, cp14 or cp10 register that is a view of an AArch64
/// register, or the one form of a register AArch32 alone has.
/// </summary>
/// <param name="Name">The AArch32 name, such as <c>DFAR</c>.</param>
/// <param name="OtherNames">Other architectural names of the same encoding (PRRR for MAIR0).</param>
/// <param name="Encoding">Its coprocessor, form and coordinates: declared, or the architecture's.</param>
/// <param name="View">Which bits of the AArch64 register it accesses: declared, or the architecture's.</param>
/// <param name="Traps">The trap groups that trap it, per direction.</param>
/// <param name="Span">The alias's name (or the register's, for an alias the architecture supplies).</param>
/// <param name="EncodingSpan">The encoding node, or the name.</param>
/// <param name="ViewSpan">The view node, or the name when the view is implicit.</param>
public sealed record AliasDefinition(
    string Name,
    EquatableArray<string> OtherNames,
    Aarch32Encoding Encoding,
    RegisterView View,
    EquatableArray<TrapMembership> Traps,
    SourceSpan Span,
    SourceSpan EncodingSpan,
    SourceSpan ViewSpan)
{
    /// <summary>Gets the class its trapped accesses report.</summary>
    public TrapClass Class => Encoding.Class;
}
