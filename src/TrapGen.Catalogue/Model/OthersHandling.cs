namespace TrapGen.Catalogue.Model;

/// <summary>
/// A trap group's <c>others:</c>, what happens to the accesses its HCR_EL2 bit traps that the catalogue
/// does not list: the way to say that a partial catalogue is deliberate.
/// </summary>
public enum OthersHandling
{
    /// <summary>The dispatch returns Undefined and the runtime injects UNDEF, as KVM does for a register it does not emulate.</summary>
    Undefined,

    /// <summary>Reads as zero, writes ignored: the dispatch moves 0 to the transfer registers and drops writes.</summary>
    RazWi,

    /// <summary>
    /// Acknowledged but not generated: the dispatch reports them as Unhandled and the runtime's policy
    /// decides (log and UNDEF, or crash the domain).
    /// </summary>
    Unhandled,
}
