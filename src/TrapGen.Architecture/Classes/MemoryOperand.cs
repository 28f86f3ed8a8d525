namespace TrapGen.Architecture;

/// <summary>
/// The ISS fields of an LDC or STC that say where its word of memory is (trap-classes.table's <c>transfer</c>
/// column of the ldc form): the base register, the 8-bit offset counted in words, whether it is added, and the
/// addressing mode. What the modes mean, and the address they give, is TrapGen.Abstractions'
/// <c>LdcStcIss.Address</c>: the generated dispatch and the emulated CPU both compute it there.
/// </summary>
/// <param name="BaseRegister">Rn, in its AArch64 view; UNKNOWN in the literal forms, whose base is the PC.</param>
/// <param name="Offset">imm8: the offset in words.</param>
/// <param name="Add">Offset (the instruction's U bit): 1 adds the offset, 0 subtracts it.</param>
/// <param name="Mode">AM.</param>
public sealed record MemoryOperand(BitField BaseRegister, BitField Offset, BitField Add, BitField Mode);
