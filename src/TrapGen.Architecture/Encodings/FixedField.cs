namespace TrapGen.Architecture;

/// <summary>A syndrome field the Arm ARM fixes for an exception class: a trapped VMRS reports opc1 0b111, for example.</summary>
/// <param name="Field">The field.</param>
/// <param name="Value">The value it always holds.</param>
public sealed record FixedField(BitField Field, uint Value);
