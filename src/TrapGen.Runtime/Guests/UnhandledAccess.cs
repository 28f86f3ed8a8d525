namespace TrapGen.Runtime.Guests;

/// <summary>A trapped access no catalogue entry handled (the seed logs it with <see cref="Traps.TrapReport.LogLine"/>).</summary>
/// <param name="Esr">The syndrome it reported.</param>
/// <param name="Pc">The address of the instruction.</param>
public readonly record struct UnhandledAccess(uint Esr, ulong Pc);
