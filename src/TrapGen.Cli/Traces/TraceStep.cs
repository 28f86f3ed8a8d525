using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Instructions;

namespace TrapGen.Cli.Traces;

/// <summary>One line of a trace that does something.</summary>
/// <param name="Line">The 1-based line number, for messages.</param>
internal abstract record TraceStep(int Line);

/// <summary><c>guest aarch64</c>, <c>guest aarch32</c> or <c>guest aarch32 thumb</c>: declares the next vCPU.</summary>
internal sealed record GuestStep(int Line, ExecutionState State, bool Thumb) : TraceStep(Line);

/// <summary><c>vcpu 1</c>: a context switch.</summary>
internal sealed record SwitchStep(int Line, int Vcpu) : TraceStep(Line);

/// <summary><c>flags zc</c>: sets NZCV (<c>flags -</c> clears them).</summary>
internal sealed record FlagsStep(int Line, ConditionFlags Flags) : TraceStep(Line);

/// <summary><c>timer +100</c>: advances the running vCPU's counter.</summary>
internal sealed record TimerStep(int Line, ulong Ticks) : TraceStep(Line);

/// <summary>An instruction, from assembler text or a word, with the value a write moves.</summary>
/// <param name="Line">The line number.</param>
/// <param name="Word">The instruction word.</param>
/// <param name="Value">The value to put in the source register(s) first, or null.</param>
/// <param name="WrittenAs">The instruction set its assembler text is (A64 for msr/mrs), or null for a word.</param>
internal sealed record InstructionStep(int Line, uint Word, ulong? Value, InstructionSet? WrittenAs) : TraceStep(Line);

/// <summary><c>hcr +TACR -TVM</c>: sets and clears HCR_EL2 trap bits the architecture facts know.</summary>
/// <param name="Line">The trace line.</param>
/// <param name="Set">The bits to set.</param>
/// <param name="Clear">The bits to clear.</param>
internal sealed record HcrStep(int Line, ulong Set, ulong Clear) : TraceStep(Line);
