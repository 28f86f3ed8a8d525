namespace TrapGen.Architecture;

/// <summary>What one value of a syndrome field means: DFSC 0b000110 is "Translation fault, level 2".</summary>
/// <param name="Field">The field.</param>
/// <param name="Value">The value, right-aligned.</param>
/// <param name="Text">Its meaning, in the Arm ARM's words.</param>
public sealed record FieldMeaning(BitField Field, ulong Value, string Text);
