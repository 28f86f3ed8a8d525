using TrapGen.Architecture;
using A32 = TrapGen.Architecture.Layouts.A32RegisterMove;
using A32Pair = TrapGen.Architecture.Layouts.A32RegisterPairMove;
using A64 = TrapGen.Architecture.Layouts.A64SystemMove;

namespace TrapGen.Runtime.Instructions;

/// <summary>Encodes a decoded instruction as an instruction word: the inverse of <see cref="InstructionDecoder"/>.</summary>
public static class InstructionEncoder
{
    /// <summary>Encodes <paramref name="access"/>. T32 words hold the first halfword in bits [31:16].</summary>
    public static uint Encode(in SystemRegisterAccess access)
    {
        if (access.Kind == InstructionKind.Smc)
        {
            return EncodeSmc(access);
        }

        var read = access.IsRead ? 1UL : 0UL;
        var coprocessor = access.Kind switch
        {
            InstructionKind.Cp14Move => Aarch32Constants.Cp14,
            InstructionKind.Vmrs => Aarch32Constants.Cp10,
            _ => Aarch32Constants.Cp15,
        };
        ulong word;
        if (access.TrapClass == TrapClassKind.Msr)
        {
            word = A64.Fixed.Insert(0, Layouts.A64SystemMove.FixedValue);
            word = A64.L.Insert(word, read);
            word = A64.Op0.Insert(word, access.Op0);
            word = A64.Op1.Insert(word, access.Op1);
            word = A64.CRn.Insert(word, access.CRn);
            word = A64.CRm.Insert(word, access.CRm);
            word = A64.Op2.Insert(word, access.Op2);
            return (uint)A64.Rt.Insert(word, access.Rt);
        }

        var cond = access.InstructionSet == InstructionSet.T32 ? Aarch32Constants.ConditionAlways : access.Condition;
        if (access.TrapClass == TrapClassKind.Mcr)
        {
            word = A32.Cond.Insert(0, cond);
            word = A32.Fixed.Insert(word, Layouts.A32RegisterMove.FixedValue);
            word = A32.Opc1.Insert(word, access.Op1);
            word = A32.L.Insert(word, read);
            word = A32.CRn.Insert(word, access.CRn);
            word = A32.Rt.Insert(word, access.Rt);
            word = A32.Coproc.Insert(word, coprocessor);
            word = A32.Opc2.Insert(word, access.Op2);
            word = A32.One.Insert(word, 1);
            return (uint)A32.CRm.Insert(word, access.CRm);
        }

        word = A32Pair.Cond.Insert(0, cond);
        word = A32Pair.Fixed.Insert(word, Layouts.A32RegisterPairMove.FixedValue);
        word = A32Pair.L.Insert(word, read);
        word = A32Pair.Rt2.Insert(word, access.Rt2);
        word = A32Pair.Rt.Insert(word, access.Rt);
        word = A32Pair.Coproc.Insert(word, coprocessor);
        word = A32Pair.Opc1.Insert(word, access.Op1);
        return (uint)A32Pair.CRm.Insert(word, access.CRm);
    }

    private static uint EncodeSmc(in SystemRegisterAccess access)
    {
        switch (access.InstructionSet)
        {
            case InstructionSet.A64:
                var a64 = Layouts.A64Smc.Fixed.Insert(0, Layouts.A64Smc.FixedValue);
                a64 = Layouts.A64Smc.Imm16.Insert(a64, access.Immediate);
                return (uint)Layouts.A64Smc.Opc.Insert(a64, Layouts.A64Smc.OpcValue);
            case InstructionSet.T32:
                var t32 = Layouts.T32Smc.Fixed.Insert(0, Layouts.T32Smc.FixedValue);
                t32 = Layouts.T32Smc.Imm4.Insert(t32, access.Immediate);
                return (uint)Layouts.T32Smc.Second.Insert(t32, Layouts.T32Smc.SecondValue);
            default:
                var a32 = Layouts.A32Smc.Cond.Insert(0, access.Condition);
                a32 = Layouts.A32Smc.Fixed.Insert(a32, Layouts.A32Smc.FixedValue);
                return (uint)Layouts.A32Smc.Imm4.Insert(a32, access.Immediate);
        }
    }
}
