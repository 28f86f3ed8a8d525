namespace TrapGen;

/// <summary>
/// A key the generated dispatch handles that no register or alias holds: a catalogued System instruction,
/// or an access a trap group's <c>others:</c> handles (<c>SystemRegisters.InstructionsAndOthers</c>).
/// </summary>
/// <param name="Name">The architectural name: <c>DC CISW</c>, <c>DCCISW</c>, <c>ID_AA64MMFR1_EL1</c>.</param>
/// <param name="ExceptionClass">The exception class its traps report (0x18, 0x03 or 0x04).</param>
/// <param name="Key">Its key in that class.</param>
/// <param name="IsInstruction">True for a catalogued System instruction, false for a trap group's others.</param>
/// <param name="Handling">How a trap is handled, in words: <c>hook SetWayFlush</c>, <c>others: reads as zero, writes ignored</c>.</param>
public sealed record DispatchedAccessInfo(string Name, int ExceptionClass, uint Key, bool IsInstruction, string Handling);
