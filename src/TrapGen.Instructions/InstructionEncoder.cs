using TrapGen.Architecture;
using A32 = TrapGen.Architecture.Layouts.A32RegisterMove;
using A32Memory = TrapGen.Architecture.Layouts.A32CoprocessorLoadStore;
using A32Pair = TrapGen.Architecture.Layouts.A32RegisterPairMove;
using A64 = TrapGen.Architecture.Layouts.A64SystemMove;
using A64Pair = TrapGen.Architecture.Layouts.A64SystemPairMove;

namespace TrapGen.Instructions;

/// <summary>Encodes a decoded instruction as an instruction word: the inverse of <see cref="InstructionDecoder"/>, by the form of its class.</summary>
public static class InstructionEncoder
{
    /// <summary>Encodes <paramref name="access"/>. T32 words hold the first halfword in bits [31:16].</summary>
    public static uint Encode(in SystemRegisterAccess access)
    {
        var read = access.IsRead ? 1UL : 0UL;
        var coprocessor = (ulong)access.Class.Coprocessor;
        var cond = access.InstructionSet == InstructionSet.T32 ? Aarch32Constants.ConditionAlways : access.Condition;
        ulong word;
        switch (access.Class.Form)
        {
            case null when access.Class == TrapClasses.Wfx:
                return WaitInstructions.Encode(access);
            case null when access.Class == TrapClasses.Eret:
                return ExceptionReturnInstructions.Encode(access);
            case null when access.Class == TrapClasses.Svc64:
                return SvcInstruction.Encode(access);
            case null when access.Class == TrapClasses.GcsStore:
                return GcsStoreInstructions.Encode(access);
            case null when InstructionGroups.Contains(access.Class):
                return access.Immediate; // the word itself: the group has no fields TrapGen spells
            case null:
                return EncodeSmc(access);
            case AccessForm.Msr:
                word = A64.Fixed.Insert(0, Layouts.A64SystemMove.FixedValue);
                word = A64.L.Insert(word, read);
                word = A64.Op0.Insert(word, access.Op0);
                word = A64.Op1.Insert(word, access.Op1);
                word = A64.CRn.Insert(word, access.CRn);
                word = A64.CRm.Insert(word, access.CRm);
                word = A64.Op2.Insert(word, access.Op2);
                return (uint)A64.Rt.Insert(word, access.Rt);
            case AccessForm.Msrr:
                word = A64Pair.Fixed.Insert(0, Layouts.A64SystemPairMove.FixedValue);
                word = A64Pair.L.Insert(word, read);
                word = A64Pair.Op0.Insert(word, access.Op0);
                word = A64Pair.Op1.Insert(word, access.Op1);
                word = A64Pair.CRn.Insert(word, access.CRn);
                word = A64Pair.CRm.Insert(word, access.CRm);
                word = A64Pair.Op2.Insert(word, access.Op2);
                return (uint)A64Pair.Rt.Insert(word, access.Rt);
            case AccessForm.Mcr:
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
            case AccessForm.Mcrr:
                word = A32Pair.Cond.Insert(0, cond);
                word = A32Pair.Fixed.Insert(word, Layouts.A32RegisterPairMove.FixedValue);
                word = A32Pair.L.Insert(word, read);
                word = A32Pair.Rt2.Insert(word, access.Rt2);
                word = A32Pair.Rt.Insert(word, access.Rt);
                word = A32Pair.Coproc.Insert(word, coprocessor);
                word = A32Pair.Opc1.Insert(word, access.Op1);
                return (uint)A32Pair.CRm.Insert(word, access.CRm);
            default:
                // LDC (L = 1) writes the register from memory: an STC reads it. AM[1:0] are P and W.
                word = A32Memory.Cond.Insert(0, cond);
                word = A32Memory.Fixed.Insert(word, Layouts.A32CoprocessorLoadStore.FixedValue);
                word = A32Memory.P.Insert(word, (access.AddressingMode >> 1) & 1);
                word = A32Memory.U.Insert(word, access.AddOffset ? 1UL : 0UL);
                word = A32Memory.W.Insert(word, access.AddressingMode & 1);
                word = A32Memory.L.Insert(word, access.IsRead ? 0UL : 1UL);
                word = A32Memory.Rn.Insert(word, LdcStcIss.IsLiteral(LdcStcIss.WithAM(0, access.AddressingMode)) ? SystemRegisterAccess.Pc : access.Rn);
                word = A32Memory.CRd.Insert(word, access.CRn);
                word = A32Memory.Coproc.Insert(word, coprocessor);
                return (uint)A32Memory.Imm8.Insert(word, access.Immediate);
        }
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
