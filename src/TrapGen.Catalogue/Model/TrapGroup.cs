using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>
/// A trap control, typically one HCR_EL2 bit, such as TVM. A group is identified by its bit, not its
/// name: <c>{ name: VirtualMemory, hcr_bit: 26 }</c> is HCR_EL2.TVM and is checked as TVM.
/// </summary>
/// <param name="Name">The group's name, such as <c>TVM</c>: the name of its generated flag.</param>
/// <param name="HcrBit">The HCR_EL2 bit that enables it.</param>
/// <param name="Description">What it traps.</param>
/// <param name="Control">
/// The architectural HCR_EL2 trap control the group is (by its name, or else by its bit), or null for a
/// bit TrapGen's architecture table has no trap control for.
/// </param>
/// <param name="Others">
/// What happens to the accesses the control traps that the catalogue does not list, or null when the
/// catalogue must list them all.
/// </param>
/// <param name="Span">Where it is declared (its name).</param>
/// <param name="HcrBitSpan">Its hcr_bit value, or the name when the bit comes from the architecture.</param>
/// <param name="OthersSpan">Its others value, or the name when there is none.</param>
public sealed record TrapGroup(
    string Name,
    int HcrBit,
    string Description,
    TrapControl? Control,
    OthersHandling? Others,
    SourceSpan Span,
    SourceSpan HcrBitSpan,
    SourceSpan OthersSpan);
