using System.Collections.Generic;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// A decoded instruction an EL2 trap control can trap, in the terms of its trap class (<see cref="Class"/>,
/// a TrapGen.Architecture <see cref="TrapClass"/>): MSR/MRS or a System instruction, MCR/MRC or MCRR/MRRC of
/// cp15 or cp14, LDC/STC of the debug data transfer register, VMRS of a floating-point ID register, or SMC.
/// For AArch32 moves <see cref="Op1"/> is opc1, <see cref="Op2"/> opc2 and <see cref="Op0"/> is 0; MCRR has no
/// CRn or opc2. A VMRS is the MRC view the Arm ARM gives it: opc1 7, CRn the reg field, CRm and opc2 0, a read.
/// An LDC or STC has its coprocessor register in <see cref="CRn"/> (CRd, c5), its base register in
/// <see cref="Rn"/>, its word offset in <see cref="Immediate"/>, and is a read of the register for STC.
/// An SMC has only its immediate. An instruction that accesses no register and is not an SMC (WFI, WFE, WFIT, WFET)
/// is <see cref="Instruction"/>, with WFIT's and WFET's register in <see cref="Rt"/>.
/// </summary>
/// <param name="Class">The trap class a trap of it reports.</param>
/// <param name="InstructionSet">A64, A32 or T32.</param>
/// <param name="IsRead">True when it reads the register: MRS, SYSL, MRC, MRRC, VMRS, STC.</param>
/// <param name="Op0">op0 (A64 only).</param>
/// <param name="Op1">op1 / opc1.</param>
/// <param name="CRn">CRn (CRd for LDC/STC).</param>
/// <param name="CRm">CRm.</param>
/// <param name="Op2">op2 / opc2.</param>
/// <param name="Rt">The transfer register.</param>
/// <param name="Rt2">The second transfer register (MCRR/MRRC; MRRS/MSRR: Rt + 1).</param>
/// <param name="Condition">The A32 condition; 0b1110 (always) for A64 and T32.</param>
/// <param name="Immediate">An SMC's immediate (imm16 in A64, imm4 in A32 and T32), or an LDC/STC's imm8.</param>
/// <param name="Rn">An LDC/STC's base register (15, the PC, for the literal forms).</param>
/// <param name="AddressingMode">An LDC/STC's AM: TrapGen.Abstractions' <c>LdcStcIss.PostIndexed</c> and the others.</param>
/// <param name="AddOffset">Whether an LDC/STC adds its offset (U); false subtracts it.</param>
/// <param name="Instruction">The instruction, when it accesses no register (WFI, SMC: trapped-instructions.table's rows); null for a register access.</param>
public readonly record struct SystemRegisterAccess(
    TrapClass Class,
    InstructionSet InstructionSet,
    bool IsRead,
    uint Op0,
    uint Op1,
    uint CRn,
    uint CRm,
    uint Op2,
    uint Rt,
    uint Rt2,
    uint Condition,
    uint Immediate = 0,
    uint Rn = 0,
    uint AddressingMode = 0,
    bool AddOffset = true,
    TrappedInstruction? Instruction = null)
{
    /// <summary>The AArch32 register number of the PC: as a transfer register it is UNPREDICTABLE, except for MRC to APSR_nzcv.</summary>
    public const uint Pc = 15;

    /// <summary>Gets the form of the access, or null for an instruction that accesses no register (SMC, WFI).</summary>
    public AccessForm? Form => Class.Form;

    /// <summary>Gets whether this is an AArch64 System instruction (op0 1: DC, IC, TLBI, AT; SYSP's TLBIP), not a register move.</summary>
    public bool IsSystemInstruction => Class.IsAarch64 && Class.Form is not null && Op0 == 1;

    /// <summary>Finds the architecture's System instruction (DC CISW, TLBI VMALLE1) at this access's encoding; false for anything else (a SYSP too).</summary>
    public bool TryFindSystemInstruction(out SystemInstruction instruction)
    {
        instruction = null!;
        return IsSystemInstruction && Class == TrapClasses.Msr && SystemInstructions.TryFind(new Aarch64Encoding((int)Op0, (int)Op1, (int)CRn, (int)CRm, (int)Op2), out instruction);
    }

    /// <summary>Gets the exception class (ESR_EL2.EC) a trap of it reports.</summary>
    public uint ExceptionClass => Class.ExceptionClass;

    /// <summary>Gets the values of its class's key fields, in their order (none for LDC/STC and SMC; a WFI's are its <see cref="Instruction"/>'s).</summary>
    public IReadOnlyList<int> KeyValues => Class.Form switch
    {
        AccessForm.Msr or AccessForm.Msrr => [(int)Op0, (int)Op1, (int)CRn, (int)CRm, (int)Op2],
        AccessForm.Mcr => [(int)Op1, (int)CRn, (int)CRm, (int)Op2],
        AccessForm.Mcrr => [(int)Op1, (int)CRm],
        AccessForm.LdcStc => [],
        _ => Instruction?.KeyValues ?? [],
    };

    /// <summary>The <paramref name="index"/>th of <see cref="KeyValues"/>.</summary>
    private uint KeyValue(int index) => Class.Form switch
    {
        AccessForm.Msr or AccessForm.Msrr => index switch { 0 => Op0, 1 => Op1, 2 => CRn, 3 => CRm, _ => Op2 },
        AccessForm.Mcr => index switch { 0 => Op1, 1 => CRn, 2 => CRm, _ => Op2 },
        AccessForm.Mcrr => index == 0 ? Op1 : CRm,
        _ => 0,
    };

    /// <summary>
    /// Gets its register key in its class: the ISS masked to the fields that identify the register, as
    /// <see cref="TrapClass.Key"/> places <see cref="KeyValues"/>, without building their list (a trap allocates nothing);
    /// an instruction that accesses no register has its <see cref="Instruction"/>'s.
    /// </summary>
    public uint Key
    {
        get
        {
            if (Class.Form is null)
            {
                return Instruction?.Key ?? 0;
            }

            var fields = Class.KeyFields;
            ulong key = 0;
            for (var i = 0; i < fields.Count; i++)
            {
                key |= fields[i].Insert(0, KeyValue(i));
            }

            return (uint)key;
        }
    }

    /// <summary>
    /// Gets whether the Arm ARM makes this form CONSTRAINED UNPREDICTABLE (F5.1 MCR, MCRR, MRRC, LDC, STC): r15
    /// as Rt of MCR, as Rt or Rt2 of MCRR/MRRC, MRRC with Rt = Rt2, the PC as a written-back base of LDC/STC or
    /// as STC's base in T32; MRC to r15 is the APSR_nzcv form, which is defined. The same holds for cp14. VMRS
    /// to r15 is the APSR_nzcv form only for FPSCR: of an ID register it is UNPREDICTABLE (F5.1 VMRS). The
    /// emulated CPU makes these UNDEFINED, a behaviour the architecture permits, rather than move a value it
    /// would have to invent or lose.
    /// </summary>
    public bool IsUnpredictable => Class.Form switch
    {
        AccessForm.Mcr when Class.ReadWhen == ReadWhen.Always => Rt == Pc,
        AccessForm.Mcr => !IsRead && Rt == Pc,
        AccessForm.Mcrr => Rt == Pc || Rt2 == Pc || (IsRead && Rt == Rt2),
        AccessForm.LdcStc => Rn == Pc && (WritesBack || (IsRead && InstructionSet == InstructionSet.T32)),
        _ => false,
    };

    /// <summary>Gets whether an LDC/STC writes its moved base back to Rn (pre- and post-indexed).</summary>
    public bool WritesBack => Class.Form == AccessForm.LdcStc && LdcStcIss.WritesBack(LdcStcIss.WithAM(0, AddressingMode));
}
