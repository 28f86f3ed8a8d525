using TrapGen.Architecture;
using A32 = TrapGen.Architecture.Layouts.A32RegisterMove;
using A32Pair = TrapGen.Architecture.Layouts.A32RegisterPairMove;
using A64 = TrapGen.Architecture.Layouts.A64SystemMove;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// Recognises system-register moves in instruction words, using the architectural instruction
/// layouts. Any word is accepted: anything else is simply not a system-register access.
/// </summary>
public static class InstructionDecoder
{
    /// <summary>
    /// Decodes <paramref name="word"/>; false when it is neither a System instruction (op0 1: DC, IC, TLBI, AT,
    /// as SYS or SYSL), a system-register move (op0 2–3) nor a cp15 move.
    /// </summary>
    public static bool TryDecode(uint word, InstructionSet instructionSet, out SystemRegisterAccess access)
    {
        access = default;
        return instructionSet == InstructionSet.A64 ? TryDecodeA64(word, out access) : TryDecodeA32(word, instructionSet, out access);
    }

    private static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        var op0 = (uint)A64.Op0.Extract(word);
        if (A64.Fixed.Extract(word) != Layouts.A64SystemMove.FixedValue || op0 < 1)
        {
            return false;
        }

        access = new SystemRegisterAccess(
            InstructionSet.A64,
            TrapClassKind.Aarch64,
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

        // 0b1111 in the condition field is the unconditional space (MCR2, MCRR2); T32 coprocessor
        // moves to cp15 always carry 0b1110 there and take their condition from the IT block.
        var validCondition = instructionSet == InstructionSet.T32 ? cond == Aarch32Constants.ConditionAlways : cond != 0b1111;
        if (!validCondition)
        {
            return false;
        }

        var condition = instructionSet == InstructionSet.T32 ? Aarch32Constants.ConditionAlways : cond;
        if (A32.Fixed.Extract(word) == Layouts.A32RegisterMove.FixedValue && A32.One.Extract(word) == 1 && A32.Coproc.Extract(word) == Aarch32Constants.Cp15)
        {
            access = new SystemRegisterAccess(
                instructionSet,
                TrapClassKind.Cp15Register32,
                IsRead: A32.L.Extract(word) != 0,
                Op0: 0,
                (uint)A32.Opc1.Extract(word),
                (uint)A32.CRn.Extract(word),
                (uint)A32.CRm.Extract(word),
                (uint)A32.Opc2.Extract(word),
                (uint)A32.Rt.Extract(word),
                Rt2: 0,
                condition);
            return true;
        }

        if (A32Pair.Fixed.Extract(word) == Layouts.A32RegisterPairMove.FixedValue && A32Pair.Coproc.Extract(word) == Aarch32Constants.Cp15)
        {
            access = new SystemRegisterAccess(
                instructionSet,
                TrapClassKind.Cp15Register64,
                IsRead: A32Pair.L.Extract(word) != 0,
                Op0: 0,
                (uint)A32Pair.Opc1.Extract(word),
                CRn: 0,
                (uint)A32Pair.CRm.Extract(word),
                Op2: 0,
                (uint)A32Pair.Rt.Extract(word),
                (uint)A32Pair.Rt2.Extract(word),
                condition);
            return true;
        }

        return false;
    }
}
