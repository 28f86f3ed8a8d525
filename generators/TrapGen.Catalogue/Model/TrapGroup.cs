using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>A trap control, typically one HCR_EL2 bit, such as TVM.</summary>
/// <param name="Name">The group's name, such as <c>TVM</c>.</param>
/// <param name="HcrBit">The HCR_EL2 bit that enables it.</param>
/// <param name="Description">What it traps.</param>
/// <param name="Span">Where it is declared (its name).</param>
/// <param name="HcrBitSpan">Its hcr_bit value.</param>
public sealed record TrapGroup(string Name, int HcrBit, string Description, SourceSpan Span, SourceSpan HcrBitSpan);
