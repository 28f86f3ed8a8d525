using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// A decoded instruction the EL2 ID and SMC controls can trap: MSR/MRS or a System instruction, MCR/MRC or
/// MCRR/MRRC of cp15 or cp14, VMRS of an ID register, or SMC (<see cref="Kind"/>). For AArch32 moves
/// <see cref="Op1"/> is opc1, <see cref="Op2"/> opc2 and <see cref="Op0"/> is 0; MCRR has no CRn or opc2.
/// A VMRS is the MRC view the Arm ARM gives it: opc1 7, CRn the reg field, CRm and opc2 0, a read. An SMC
/// has only its immediate (and <see cref="TrapClass"/> is <see cref="TrapClassKind.Msr"/> for A64,
/// <see cref="TrapClassKind.Mcr"/> for A32 and T32).
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
/// <param name="Kind">Which instruction it is.</param>
/// <param name="Immediate">An SMC's immediate: imm16 in A64, imm4 in A32 and T32.</param>
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
    uint Condition,
    InstructionKind Kind = InstructionKind.SystemRegisterMove,
    uint Immediate = 0)
{
    /// <summary>The AArch32 register number of the PC: as a transfer register it is UNPREDICTABLE, except for MRC to APSR_nzcv.</summary>
    public const uint Pc = 15;

    /// <summary>Gets whether this is an AArch64 System instruction (op0 1: DC, IC, TLBI, AT), not a register move.</summary>
    public bool IsSystemInstruction => Kind == InstructionKind.SystemRegisterMove && TrapClass == TrapClassKind.Msr && Op0 == 1;

    /// <summary>Finds the architecture's System instruction (DC CISW, TLBI VMALLE1) at this access's encoding; false for anything else.</summary>
    public bool TryFindSystemInstruction(out SystemInstruction instruction)
    {
        instruction = null!;
        return IsSystemInstruction && SystemInstructions.TryFind(new Aarch64Encoding((int)Op0, (int)Op1, (int)CRn, (int)CRm, (int)Op2), out instruction);
    }

    /// <summary>Gets the exception class (ESR_EL2.EC) a trap of it reports.</summary>
    public uint ExceptionClass => TrappedInstructionClasses.Of(this).Syndrome.ExceptionClass;

    /// <summary>
    /// Gets whether the Arm ARM makes this form CONSTRAINED UNPREDICTABLE (F5.1 MCR, MCRR, MRRC): r15 as Rt
    /// of MCR, r15 as Rt or Rt2 of MCRR/MRRC, and MRRC with Rt = Rt2. MRC with Rt = 15 is the
    /// APSR_nzcv form, which is defined. The same holds for cp14. VMRS to r15 is the APSR_nzcv form only for
    /// FPSCR: of an ID register it is UNPREDICTABLE (F5.1 VMRS). The emulated CPU makes these UNDEFINED, a behaviour the
    /// architecture permits, rather than move a value it would have to invent or lose.
    /// </summary>
    public bool IsUnpredictable => Kind switch
    {
        InstructionKind.Smc => false,
        InstructionKind.Vmrs => Rt == Pc,
        _ => TrapClass switch
        {
            TrapClassKind.Mcr => !IsRead && Rt == Pc,
            TrapClassKind.Mcrr => Rt == Pc || Rt2 == Pc || (IsRead && Rt == Rt2),
            _ => false,
        },
    };
}
