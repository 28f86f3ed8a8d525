namespace TrapGen.Runtime.Guests;

/// <summary>The value an access moved between a general-purpose register (or pair) and a system register.</summary>
/// <param name="IsRead">True for a read (MRS, MRC, MRRC), false for a write.</param>
/// <param name="Width">The access width in bits: 32 for MCR/MRC, 64 otherwise.</param>
/// <param name="Value">The value, read back from the transfer register(s) after the access.</param>
public readonly record struct MovedValue(bool IsRead, int Width, ulong Value);
