using TrapGen.Architecture;
using A32 = TrapGen.Architecture.Layouts.A32RegisterMove;
using A32Pair = TrapGen.Architecture.Layouts.A32RegisterPairMove;
using A64 = TrapGen.Architecture.Layouts.A64SystemMove;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// Recognises the instructions the EL2 ID and SMC trap controls reach in instruction words, using the
/// architectural instruction layouts: system-register moves and System instructions, cp15 and cp14 moves,
/// VMRS of an ID register, and SMC. Any word is accepted: anything else is simply not such an access.
/// </summary>
public static class InstructionDecoder
{
    /// <summary>
    /// Decodes <paramref name="word"/>; false when it is neither a System instruction (op0 1: DC, IC, TLBI, AT,
    /// as SYS or SYSL), a system-register move (op0 2–3), a cp15 or cp14 move, a VMRS of FPSID, MVFR0,
    /// MVFR1 or MVFR2, nor an SMC. VMRS of another register (FPSCR, FPEXC) and VMSR are not decoded.
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
            access = Smc(InstructionSet.A64, TrapClassKind.Msr, Aarch32Constants.ConditionAlways, (uint)Layouts.A64Smc.Imm16.Extract(word));
            return true;
        }

        var op0 = (uint)A64.Op0.Extract(word);
        if (A64.Fixed.Extract(word) != Layouts.A64SystemMove.FixedValue || op0 < 1)
        {
            return false;
        }

        access = new SystemRegisterAccess(
            InstructionSet.A64,
            TrapClassKind.Msr,
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

    private static bool TryDecodeA32(uint word, InstructionSet instructionSet, out SystemRegisterAccess access)
    {
        access = default;
        var cond = (uint)A32.Cond.Extract(word);
        if (IsSmc(word, instructionSet, cond))
        {
            var immediate = instructionSet == InstructionSet.T32 ? Layouts.T32Smc.Imm4.Extract(word) : Layouts.A32Smc.Imm4.Extract(word);
            access = Smc(instructionSet, TrapClassKind.Mcr, instructionSet == InstructionSet.T32 ? Aarch32Constants.ConditionAlways : cond, (uint)immediate);
            return true;
        }


        // 0b1111 in the condition field is the unconditional space (MCR2, MCRR2); T32 coprocessor
        // moves to cp15 always carry 0b1110 there and take their condition from the IT block.
        var validCondition = instructionSet == InstructionSet.T32 ? cond == Aarch32Constants.ConditionAlways : cond != 0b1111;
        if (!validCondition)
        {
            return false;
        }

        var condition = instructionSet == InstructionSet.T32 ? Aarch32Constants.ConditionAlways : cond;
        if (A32.Fixed.Extract(word) == Layouts.A32RegisterMove.FixedValue && A32.One.Extract(word) == 1)
        {
            var coprocessor = (uint)A32.Coproc.Extract(word);
            var kind = coprocessor == Aarch32Constants.Cp15 ? InstructionKind.SystemRegisterMove
                : coprocessor == Aarch32Constants.Cp14 ? InstructionKind.Cp14Move
                : IsVmrsOfIdRegister(word, coprocessor) ? InstructionKind.Vmrs
                : (InstructionKind?)null;
            if (kind is not { } found)
            {
                return false;
            }

            access = new SystemRegisterAccess(
                instructionSet,
                TrapClassKind.Mcr,
                IsRead: A32.L.Extract(word) != 0,
                Op0: 0,
                (uint)A32.Opc1.Extract(word),
                (uint)A32.CRn.Extract(word),
                (uint)A32.CRm.Extract(word),
                (uint)A32.Opc2.Extract(word),
                (uint)A32.Rt.Extract(word),
                Rt2: 0,
                condition,
                found);
            return true;
        }

        var pairCoprocessor = (uint)A32Pair.Coproc.Extract(word);
        if (A32Pair.Fixed.Extract(word) == Layouts.A32RegisterPairMove.FixedValue && pairCoprocessor is Aarch32Constants.Cp15 or Aarch32Constants.Cp14)
        {
            access = new SystemRegisterAccess(
                instructionSet,
                TrapClassKind.Mcrr,
                IsRead: A32Pair.L.Extract(word) != 0,
                Op0: 0,
                (uint)A32Pair.Opc1.Extract(word),
                CRn: 0,
                (uint)A32Pair.CRm.Extract(word),
                Op2: 0,
                (uint)A32Pair.Rt.Extract(word),
                (uint)A32Pair.Rt2.Extract(word),
                condition,
                pairCoprocessor == Aarch32Constants.Cp15 ? InstructionKind.SystemRegisterMove : InstructionKind.Cp14Move);
            return true;
        }

        return false;
    }

    /// <summary>An A32 SMC (any condition but the unconditional space) or a T32 one.</summary>
    private static bool IsSmc(uint word, InstructionSet instructionSet, uint cond) => instructionSet == InstructionSet.T32
        ? Layouts.T32Smc.Fixed.Extract(word) == Layouts.T32Smc.FixedValue && Layouts.T32Smc.Second.Extract(word) == Layouts.T32Smc.SecondValue
        : Layouts.A32Smc.Fixed.Extract(word) == Layouts.A32Smc.FixedValue && cond != Aarch32Constants.ConditionUnconditionalSpace;

    /// <summary>VMRS (the cp10 MRC with opc1 0b111, CRm and opc2 0) of a register an ID group traps.</summary>
    private static bool IsVmrsOfIdRegister(uint word, uint coprocessor) =>
        coprocessor == Aarch32Constants.Cp10
        && A32.L.Extract(word) != 0
        && A32.Opc1.Extract(word) == Layouts.VmrsIss.Opc1Value
        && A32.CRm.Extract(word) == Layouts.VmrsIss.CRmValue
        && A32.Opc2.Extract(word) == Layouts.VmrsIss.Opc2Value
        && VmrsIdRegisters.Find((uint)A32.CRn.Extract(word)) is not null;

    private static SystemRegisterAccess Smc(InstructionSet instructionSet, TrapClassKind trapClass, uint condition, uint immediate) =>
        new(instructionSet, trapClass, IsRead: false, 0, 0, 0, 0, 0, 0, 0, condition, InstructionKind.Smc, immediate);
}
