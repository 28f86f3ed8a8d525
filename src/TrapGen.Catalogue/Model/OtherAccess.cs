using TrapGen.Architecture;

namespace TrapGen.Catalogue.Model;

/// <summary>
/// One register or instruction that a trap group's HCR_EL2 bit traps and the catalogue does not list,
/// handled as the group's <c>others:</c> says.
/// </summary>
/// <param name="Name">A C# identifier for it: the architectural name, with anything else made '_' (DC_CISW).</param>
/// <param name="ArchitecturalName">The architectural name (DC CISW).</param>
/// <param name="TrapClass">The trap class its accesses report.</param>
/// <param name="Key">Its ISS key in that class.</param>
/// <param name="Encoding">Its encoding, as text.</param>
/// <param name="Read">What a trapped read does, or null when no group with others traps reads of it.</param>
/// <param name="Write">What a trapped write does, or null when no group with others traps writes of it.</param>
public sealed record OtherAccess(
    string Name,
    string ArchitecturalName,
    TrapClass TrapClass,
    uint Key,
    string Encoding,
    OthersHandling? Read,
    OthersHandling? Write)
{
    /// <summary>Gets whether the dispatch needs a case for it: some direction is generated, not left unhandled.</summary>
    public bool IsDispatched => IsGenerated(Read) || IsGenerated(Write);

    private static bool IsGenerated(OthersHandling? handling) => handling is OthersHandling.Undefined or OthersHandling.RazWi;
}
