using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;

namespace TrapGen.Runtime.Guests;

/// <summary>What one instruction of a guest program did.</summary>
/// <param name="Pc">The address it ran at.</param>
/// <param name="Word">The instruction word.</param>
/// <param name="Syntax">Its assembler text, or null for a word that is neither a system access, a barrier nor a T32 IT.</param>
/// <param name="Execution">What the emulated CPU and the hypervisor did with it.</param>
/// <param name="Register">The register or System instruction it reached (<see cref="TrapReport.DisplayName"/>), or null.</param>
/// <param name="Moved">The value it moved, or null when it moved none (not executed, UNDEFINED, or a System instruction that takes no register).</param>
public readonly record struct ExecutedInstruction(ulong Pc, uint Word, string? Syntax, ExecutionResult Execution, string? Register, MovedValue? Moved)
{
    /// <summary>Gets whether it trapped and no catalogue entry handled it.</summary>
    public bool IsUnhandled => Execution.Outcome is TrapOutcome.UnhandledUndefined or TrapOutcome.UnhandledCrash;
}
