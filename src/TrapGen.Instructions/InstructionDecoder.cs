using TrapGen.Architecture;
using A32 = TrapGen.Architecture.Layouts.A32RegisterMove;
using A32Memory = TrapGen.Architecture.Layouts.A32CoprocessorLoadStore;
using A32Pair = TrapGen.Architecture.Layouts.A32RegisterPairMove;
using A64 = TrapGen.Architecture.Layouts.A64SystemMove;
using A64Pair = TrapGen.Architecture.Layouts.A64SystemPairMove;

namespace TrapGen.Instructions;

/// <summary>
/// Recognises the instructions the EL2 trap controls reach in instruction words, using the architectural
/// instruction layouts: system-register moves and System instructions, MCR/MRC and MCRR/MRRC of every
/// coprocessor a trap class has, VMRS of an ID register, LDC/STC of the debug data transfer register, SMC, the
/// wait instructions (WFI, WFE, WFIT, WFET; T32's 32-bit forms), A64's SVC, ERET, ERETAA, ERETAB, GCSSTR and GCSSTTR, and the SIMD and
/// floating-point instructions as a group.
/// The word's form and coprocessor pick the class (<see cref="TrapClasses.Of"/>). Any word is accepted:
/// anything else is simply not such an access.
/// </summary>
public static class InstructionDecoder
{
    /// <summary>
    /// Decodes <paramref name="word"/>; false when it is none of the instructions above. A VMRS of another
    /// register (FPSCR, FPEXC), VMSR, and an LDC or STC of another coprocessor register are not decoded.
    /// </summary>
    public static bool TryDecode(uint word, InstructionSet instructionSet, out SystemRegisterAccess access)
    {
        access = default;
        return instructionSet == InstructionSet.A64 ? TryDecodeA64(word, out access) : TryDecodeA32(word, instructionSet, out access);
    }

    private static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (Layouts.A64Smc.Fixed.Extract(word) == Layouts.A64Smc.FixedValue && Layouts.A64Smc.Opc.Extract(word) == Layouts.A64Smc.OpcValue)
        {
            access = Smc(TrapClasses.Smc64, InstructionSet.A64, Aarch32Constants.ConditionAlways, (uint)Layouts.A64Smc.Imm16.Extract(word));
            return true;
        }

        // ERETAA and ERETAB before the pointer authentication group, whose branch space holds them: their trap to EL2 is
        // their own (EC 0x1A), and HCR_EL2.API's comes after it.
        if (SvcInstruction.TryDecodeA64(word, out access) || ExceptionReturnInstructions.TryDecodeA64(word, out access)
            || WaitInstructions.TryDecodeA64(word, out access) || GcsStoreInstructions.TryDecodeA64(word, out access) || InstructionGroups.TryDecodeA64(word, out access))
        {
            return true;
        }

        if (TryDecodePairMove(word, out access))
        {
            return true;
        }

        var op0 = (uint)A64.Op0.Extract(word);
        if (A64.Fixed.Extract(word) != Layouts.A64SystemMove.FixedValue || op0 < 1)
        {
            return false;
        }

        access = new SystemRegisterAccess(
            TrapClasses.Msr,
            InstructionSet.A64,
            IsRead: A64.L.Extract(word) != 0,
            op0,
            (uint)A64.Op1.Extract(word),
            (uint)A64.CRn.Extract(word),
            (uint)A64.CRm.Extract(word),
            (uint)A64.Op2.Extract(word),
            (uint)A64.Rt.Extract(word),
            Rt2: 0,
            Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>
    /// MRRS and MSRR (FEAT_SYSREG128): a 128-bit System register moved through X[Rt] and X[Rt + 1]; SYSP (FEAT_SYSINSTR128,
    /// TLBIP): a 128-bit System instruction's operand from them. An odd Rt decodes here and is UNDEFINED where it runs
    /// (<see cref="PairedAccess.Decodes"/>), so that the instruction can still be named.
    /// </summary>
    private static bool TryDecodePairMove(uint word, out SystemRegisterAccess access)
    {
        access = default;
        var op0 = (uint)A64Pair.Op0.Extract(word);
        var isRead = A64Pair.L.Extract(word) != 0;
        // op0 2 and 3: MRRS (L 1) and MSRR (L 0); op0 1 with L 0: SYSP. op0 0, and op0 1 with L 1, are unallocated.
        if (A64Pair.Fixed.Extract(word) != Layouts.A64SystemPairMove.FixedValue || op0 == 0 || (op0 == PairedAccess.SystemInstructionOp0 && isRead))
        {
            return false;
        }

        var rt = (uint)A64Pair.Rt.Extract(word);
        access = new SystemRegisterAccess(
            TrapClasses.Sys128,
            InstructionSet.A64,
            isRead,
            op0,
            (uint)A64Pair.Op1.Extract(word),
            (uint)A64Pair.CRn.Extract(word),
            (uint)A64Pair.CRm.Extract(word),
            (uint)A64Pair.Op2.Extract(word),
            rt,
            Rt2: PairedAccess.SecondOf(rt),
            Aarch32Constants.ConditionAlways);
        return true;
    }

    private static bool TryDecodeA32(uint word, InstructionSet instructionSet, out SystemRegisterAccess access)
    {
        access = default;
        var cond = (uint)A32.Cond.Extract(word);
        if (IsSmc(word, instructionSet, cond))
        {
            var immediate = instructionSet == InstructionSet.T32 ? Layouts.T32Smc.Imm4.Extract(word) : Layouts.A32Smc.Imm4.Extract(word);
            access = Smc(TrapClasses.Smc32, instructionSet, instructionSet == InstructionSet.T32 ? Aarch32Constants.ConditionAlways : cond, (uint)immediate);
            return true;
        }

        if (WaitInstructions.TryDecodeA32(word, instructionSet, out access))
        {
            return true;
        }

        // 0b1111 in the condition field is the unconditional space (MCR2, MCRR2, LDC2); T32 coprocessor
        // instructions always carry 0b1110 there and take their condition from the IT block.
        var validCondition = instructionSet == InstructionSet.T32 ? cond == Aarch32Constants.ConditionAlways : cond != Aarch32Constants.ConditionUnconditionalSpace;
        if (!validCondition)
        {
            // The unconditional space also holds the Advanced SIMD instructions (A32 0b1111001x, T32 0b111x1111).
            return FloatingPointInstructions.TryDecodeA32(word, instructionSet, out access);
        }

        var condition = instructionSet == InstructionSet.T32 ? Aarch32Constants.ConditionAlways : cond;
        if (A32.Fixed.Extract(word) == Layouts.A32RegisterMove.FixedValue && A32.One.Extract(word) == 1)
        {
            access = new SystemRegisterAccess(
                TrapClasses.Msr,
                instructionSet,
                IsRead: A32.L.Extract(word) != 0,
                Op0: 0,
                (uint)A32.Opc1.Extract(word),
                (uint)A32.CRn.Extract(word),
                (uint)A32.CRm.Extract(word),
                (uint)A32.Opc2.Extract(word),
                (uint)A32.Rt.Extract(word),
                Rt2: 0,
                condition);
            if (InClass((int)A32.Coproc.Extract(word), AccessForm.Mcr, ref access))
            {
                return true;
            }
        }

        if (A32Pair.Fixed.Extract(word) == Layouts.A32RegisterPairMove.FixedValue)
        {
            access = new SystemRegisterAccess(
                TrapClasses.Msr,
                instructionSet,
                IsRead: A32Pair.L.Extract(word) != 0,
                Op0: 0,
                (uint)A32Pair.Opc1.Extract(word),
                CRn: 0,
                (uint)A32Pair.CRm.Extract(word),
                Op2: 0,
                (uint)A32Pair.Rt.Extract(word),
                (uint)A32Pair.Rt2.Extract(word),
                condition);
            if (InClass((int)A32Pair.Coproc.Extract(word), AccessForm.Mcrr, ref access))
            {
                return true;
            }
        }

        if (A32Memory.Fixed.Extract(word) == Layouts.A32CoprocessorLoadStore.FixedValue && A32Memory.D.Extract(word) == Layouts.A32CoprocessorLoadStore.DValue
            && A32Memory.CRd.Extract(word) == Aarch32Constants.DebugDataTransferRegister && IsLoadStore(word))
        {
            var literal = A32Memory.Rn.Extract(word) == SystemRegisterAccess.Pc && A32Memory.L.Extract(word) != 0;
            var mode = (literal ? LdcStcIss.LiteralUnindexed : 0u) | ((uint)A32Memory.P.Extract(word) << 1) | (uint)A32Memory.W.Extract(word);
            access = new SystemRegisterAccess(
                TrapClasses.Msr,
                instructionSet,
                IsRead: A32Memory.L.Extract(word) == 0,
                Op0: 0,
                Op1: 0,
                Aarch32Constants.DebugDataTransferRegister,
                CRm: 0,
                Op2: 0,
                Rt: 0,
                Rt2: 0,
                condition,
                (uint)A32Memory.Imm8.Extract(word),
                (uint)A32Memory.Rn.Extract(word),
                mode,
                A32Memory.U.Extract(word) != 0);
            if (InClass((int)A32Memory.Coproc.Extract(word), AccessForm.LdcStc, ref access))
            {
                return true;
            }
        }

        // Anything else of cp10 and cp11 (VMRS of FPSCR, VMOV, VADD, VLDR), and Advanced SIMD: the SIMD and floating-point instructions.
        return FloatingPointInstructions.TryDecodeA32(word, instructionSet, out access);
    }

    /// <summary>
    /// Puts the access in the class of its coprocessor and form, if any has one; a class that covers only
    /// the registers its table lists (VMRS of the ID registers) takes only those, with its fixed fields.
    /// </summary>
    private static bool InClass(int coprocessor, AccessForm form, ref SystemRegisterAccess access)
    {
        if (TrapClasses.Of(coprocessor, form) is not { } trapClass)
        {
            return false;
        }

        access = access with { Class = trapClass };

        // VMRS of an ID register: a read (VMSR writes no ID register) of a register the tables list, whose key
        // holds the fields the Arm ARM fixes (opc1 0b111, CRm and opc2 0).
        return !trapClass.CoversListedRowsOnly
            || ((trapClass.ReadWhen != ReadWhen.Always || access.IsRead) && RegistersByKey.TryFindAarch32(trapClass, access.Key, out _));
    }

    /// <summary>LDC and STC, not the MCRR/MRRC space they share bits with: P, U and W are not all 0 (Arm ARM F4.1.19).</summary>
    private static bool IsLoadStore(uint word) => A32Memory.P.Extract(word) != 0 || A32Memory.U.Extract(word) != 0 || A32Memory.W.Extract(word) != 0;

    /// <summary>An A32 SMC (any condition but the unconditional space) or a T32 one.</summary>
    private static bool IsSmc(uint word, InstructionSet instructionSet, uint cond) => instructionSet == InstructionSet.T32
        ? Layouts.T32Smc.Fixed.Extract(word) == Layouts.T32Smc.FixedValue && Layouts.T32Smc.Second.Extract(word) == Layouts.T32Smc.SecondValue
        : Layouts.A32Smc.Fixed.Extract(word) == Layouts.A32Smc.FixedValue && cond != Aarch32Constants.ConditionUnconditionalSpace;

    private static SystemRegisterAccess Smc(TrapClass trapClass, InstructionSet instructionSet, uint condition, uint immediate) =>
        new(trapClass, instructionSet, IsRead: false, 0, 0, 0, 0, 0, 0, 0, condition, immediate);
}
