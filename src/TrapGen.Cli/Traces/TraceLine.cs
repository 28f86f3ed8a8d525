using TrapGen.Architecture;
using TrapGen.Runtime.Guests;

namespace TrapGen.Cli.Traces;

/// <summary>One line of a trace that does something.</summary>
/// <param name="Number">The 1-based line number, for messages.</param>
internal abstract record TraceLine(int Number);

/// <summary><c>guest aarch64</c>, <c>guest aarch32</c> or <c>guest aarch32 thumb</c>, optionally with <c>cpu &lt;model&gt;</c>: declares the next vCPU.</summary>
/// <param name="Number">The line number.</param>
/// <param name="Vcpu">The vCPU it declares.</param>
/// <param name="Model">The CPU model it names, or null.</param>
internal sealed record GuestLine(int Number, GuestVcpu Vcpu, CpuModel? Model) : TraceLine(Number);

/// <summary>A line the machine runs: <c>vcpu 1</c>, <c>flags zc</c>, <c>timer +100</c>, <c>hcr +TACR -TVM</c> or an instruction.</summary>
/// <param name="Number">The line number.</param>
/// <param name="Step">The step it is.</param>
internal sealed record StepLine(int Number, GuestStep Step) : TraceLine(Number);
