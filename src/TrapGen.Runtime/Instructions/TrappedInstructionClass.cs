using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// What a trap of one exception class is to the runtime: the architecture's <see cref="TrapClassDescriptor"/>,
/// which <see cref="InstructionKind"/> it reports and the trap class a <see cref="SystemRegisterAccess"/> of
/// it is described in (cp14 moves and VMRS in cp15's, an A32 SMC as AArch32).
/// </summary>
/// <param name="Syndrome">The exception class's descriptor: its EC, ISS layout and fields.</param>
/// <param name="Kind">Which instruction it reports.</param>
/// <param name="TrapClass">The <see cref="SystemRegisterAccess.TrapClass"/> of its accesses.</param>
/// <param name="IsRecoverable">Whether the syndrome reports the whole instruction (an A32 SMC's does not report its immediate).</param>
public sealed record TrappedInstructionClass(TrapClassDescriptor Syndrome, InstructionKind Kind, TrapClassKind TrapClass, bool IsRecoverable = true)
{
    /// <summary>Gets the instruction set an access of this class is decoded in: A64, or A32 for AArch32 (T32 reports the same syndrome).</summary>
    public InstructionSet InstructionSet => Syndrome.IsAarch64 ? InstructionSet.A64 : InstructionSet.A32;
}
