using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// A decoded system-register move: MSR/MRS, MCR/MRC or MCRR/MRRC. For cp15 accesses <see cref="Op1"/>
/// is opc1, <see cref="Op2"/> opc2 and <see cref="Op0"/> is 0; MCRR has no CRn or opc2.
/// </summary>
/// <param name="InstructionSet">A64, A32 or T32.</param>
/// <param name="TrapClass">The trap class an access of this kind reports.</param>
/// <param name="IsRead">True for MRS, MRC and MRRC.</param>
/// <param name="Op0">op0 (A64 only).</param>
/// <param name="Op1">op1 / opc1.</param>
/// <param name="CRn">CRn.</param>
/// <param name="CRm">CRm.</param>
/// <param name="Op2">op2 / opc2.</param>
/// <param name="Rt">The transfer register.</param>
/// <param name="Rt2">The second transfer register (MCRR/MRRC).</param>
/// <param name="Condition">The A32 condition; 0b1110 (always) for A64 and T32.</param>
public readonly record struct SystemRegisterAccess(
    InstructionSet InstructionSet,
    TrapClassKind TrapClass,
    bool IsRead,
    uint Op0,
    uint Op1,
    uint CRn,
    uint CRm,
    uint Op2,
    uint Rt,
    uint Rt2,
    uint Condition)
{
    /// <summary>The AArch32 register number of the PC: as a transfer register it is UNPREDICTABLE, except for MRC to APSR_nzcv.</summary>
    public const uint Pc = 15;

    /// <summary>Gets whether this is an AArch64 System instruction (op0 1: DC, IC, TLBI, AT), not a register move.</summary>
    public bool IsSystemInstruction => TrapClass == TrapClassKind.Aarch64 && Op0 == 1;

    /// <summary>
    /// Gets whether the Arm ARM makes this form CONSTRAINED UNPREDICTABLE (F5.1 MCR, MCRR, MRRC): r15 as Rt
    /// of MCR, r15 as Rt or Rt2 of MCRR/MRRC, and MRRC with Rt = Rt2. MRC with Rt = 15 is the
    /// APSR_nzcv form, which is defined. The emulated CPU makes these UNDEFINED, a behaviour the
    /// architecture permits, rather than move a value it would have to invent or lose.
    /// </summary>
    public bool IsUnpredictable => TrapClass switch
    {
        TrapClassKind.Cp15Register32 => !IsRead && Rt == Pc,
        TrapClassKind.Cp15Register64 => Rt == Pc || Rt2 == Pc || (IsRead && Rt == Rt2),
        _ => false,
    };
}
