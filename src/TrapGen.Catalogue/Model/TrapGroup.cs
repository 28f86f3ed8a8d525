using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>
/// A trap control: an HCR_EL2 bit such as TVM, or any control of the architecture's table by its name (MDCR_EL2.TDA,
/// CPTR_EL2.TCPAC). A group is identified by its register and bit, not its name: <c>{ name: VirtualMemory, hcr_bit:
/// 26 }</c> is HCR_EL2.TVM and is checked as TVM.
/// </summary>
/// <param name="Name">The group's name, such as <c>TVM</c>: the name of its generated flag.</param>
/// <param name="Bit">The bit of <see cref="Register"/> that enables it.</param>
/// <param name="Description">What it traps.</param>
/// <param name="Control">
/// The architectural trap control the group is (by its name, or else by its HCR_EL2 bit), or null for an
/// HCR_EL2 bit TrapGen's architecture table has no trap control for.
/// </param>
/// <param name="Others">
/// What happens to the accesses the control traps that the catalogue does not list, or null when the
/// catalogue must list them all.
/// </param>
/// <param name="Span">Where it is declared (its name).</param>
/// <param name="BitSpan">Its hcr_bit value, or the name when the bit comes from the architecture.</param>
/// <param name="OthersSpan">Its others value, or the name when there is none.</param>
public sealed record TrapGroup(
    string Name,
    int Bit,
    string Description,
    TrapControl? Control,
    OthersHandling? Others,
    SourceSpan Span,
    SourceSpan BitSpan,
    SourceSpan OthersSpan)
{
    /// <summary>
    /// Gets a value indicating whether the hypervisor sets the group's control only on CPUs that implement it (the
    /// catalogue's <c>if_implemented: true</c>), as KVM sets its fine-grained traps only with FEAT_FGT: a model under
    /// <c>cpus:</c> without the control is then not TG0035, and on it nothing reaches the group.
    /// </summary>
    public bool IfImplemented { get; init; }

    /// <summary>Gets the EL2 register that holds the group's bit: its control's, or HCR_EL2 for a group declared by hcr_bit.</summary>
    public string Register => Control?.Register ?? HcrEl2.Name;
}
