using System;
using System.Globalization;
using TrapGen.Architecture;
using Ls64 = TrapGen.Architecture.Layouts.A64Ls64;

namespace TrapGen.Instructions;

/// <summary>
/// The assembler syntax of the single-copy atomic 64-byte loads and stores as GNU as writes them (A64 only):
/// <c>ld64b x0, [x1]</c> and <c>st64b x0, [x1]</c>, <c>st64bv x2, x0, [x1]</c> and <c>st64bv0 x2, x0, [sp]</c> (the status
/// register first), each with an optional <c>, #0</c> offset, as GNU as 2.40 takes it. As GNU as does, it refuses an Rt the instruction's Decode makes
/// UNDEFINED (odd, or x24 and above); such a word is written <c>.inst</c>.
/// </summary>
internal static class SingleCopyAtomic64Syntax
{
    /// <summary>Gets whether <paramref name="mnemonic"/> (lower case) is one of the syntax's.</summary>
    public static bool IsMnemonic(string mnemonic) => mnemonic is "ld64b" or "st64b" or "st64bv" or "st64bv0";

    /// <summary>Parses <paramref name="mnemonic"/> with its operands, split at commas with the brackets kept.</summary>
    public static bool TryParse(string mnemonic, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var row = RowOf(mnemonic);
        var withStatus = row == SingleCopyAtomic64Instructions.StoreWithStatus || row == SingleCopyAtomic64Instructions.StoreAccData;
        var expected = "expected '" + mnemonic + (withStatus ? " x<s>, x<t>, [x<n>|sp]'" : " x<t>, [x<n>|sp]'");
        var registers = withStatus ? 2 : 1;
        // The address: [xn], or [xn, #0] (split at its comma), which GNU as takes for all four.
        var address = operands.Length == registers + 1 ? operands[registers]
            : operands.Length == registers + 2 && operands[registers + 1] is "#0]" or "#0x0]" ? operands[registers] + "]"
            : null;
        uint status = 0;
        if (address is null || !address.StartsWith('[') || !address.EndsWith(']')
            || (withStatus && !OperandSyntax.TryX(operands[0], out status, out _))
            || !OperandSyntax.TryX(operands[registers - 1], out var first, out _)
            || !OperandSyntax.TryXOrSp(address[1..^1].Trim(), out var baseRegister))
        {
            error = expected;
            return false;
        }

        if (!SingleCopyAtomic64Instructions.HasValidRt(first))
        {
            error = "'" + operands[registers - 1] + "' cannot start the eight registers of " + mnemonic + ": x<t> must be even and at most x22 (its Decode makes any other UNDEFINED; write the word with .inst)";
            return false;
        }

        error = string.Empty;
        var word = SingleCopyAtomic64Instructions.Encode(row, status, first, baseRegister);
        access = InstructionGroups.Access(row, word, InstructionSet.A64, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>Formats the instruction from the access's word, as objdump does; an UNDEFINED one (an odd Rt) as its word, which the syntax refuses.</summary>
    public static string Format(in SystemRegisterAccess access)
    {
        var word = access.Immediate;
        if (SingleCopyAtomic64Instructions.IsUndefined(access))
        {
            return InstructionWordSyntax.Format(access);
        }

        var name = (access.Instruction?.Name ?? SingleCopyAtomic64Instructions.Load.Name).ToLowerInvariant();
        var first = OperandSyntax.X((uint)Ls64.Rt.Extract(word));
        var baseRegister = OperandSyntax.XOrSp((uint)Ls64.Rn.Extract(word));
        var withStatus = access.Instruction == SingleCopyAtomic64Instructions.StoreWithStatus || access.Instruction == SingleCopyAtomic64Instructions.StoreAccData;
        return name + " " + (withStatus ? OperandSyntax.X((uint)Ls64.Rs.Extract(word)) + ", " : string.Empty) + first + ", [" + baseRegister + "]";
    }

    private static TrappedInstruction RowOf(string mnemonic) => mnemonic switch
    {
        "ld64b" => SingleCopyAtomic64Instructions.Load,
        "st64b" => SingleCopyAtomic64Instructions.Store,
        "st64bv" => SingleCopyAtomic64Instructions.StoreWithStatus,
        _ => SingleCopyAtomic64Instructions.StoreAccData,
    };
}
