using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The assembler syntax of the wait instructions: <c>wfi</c>, <c>wfe</c>, <c>wfit x3</c> and <c>wfet x3</c> (A64),
/// <c>a32 wfi</c> or <c>a32 wfene</c> (A32, conditional) and <c>t32 wfi</c> (T32's 32-bit WFI.W). Without a set named,
/// WFI and WFE are A64: the mnemonics exist in both states, and the set prefix is how every instruction names its
/// state. WFIT and WFET are A64 only (FEAT_WFxT).
/// </summary>
internal static class WaitSyntax
{
    /// <summary>Parses the operands of <paramref name="mnemonic"/> (wfi, wfe, wfit, wfet) in <paramref name="instructionSet"/> with condition <paramref name="cond"/>.</summary>
    public static bool TryParse(string mnemonic, InstructionSet instructionSet, uint cond, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var instruction = WaitInstructions.Named(mnemonic);
        if (!instruction.TakesRegister)
        {
            if (operands.Length != 0)
            {
                error = "'" + mnemonic + "' takes no operands";
                return false;
            }

            error = string.Empty;
            access = WaitInstructions.Access(instruction, instructionSet, cond, 0);
            return true;
        }

        if (operands.Length != 1 || !OperandSyntax.TryX(operands[0], out var register, out error))
        {
            error = "expected '" + mnemonic + " x<t>', the register holding the timeout";
            return false;
        }

        access = WaitInstructions.Access(instruction, InstructionSet.A64, Aarch32Constants.ConditionAlways, register);
        return true;
    }

    /// <summary>Formats a wait instruction; an AArch32 one names its set, as WFI and WFE exist in both.</summary>
    public static string Format(in SystemRegisterAccess access)
    {
        var name = (access.Instruction?.Name ?? "WFI").ToLowerInvariant();
        return access.InstructionSet switch
        {
            InstructionSet.A64 when access.Instruction is { TakesRegister: true } => name + " " + OperandSyntax.X(access.Rt),
            InstructionSet.A64 => name,
            InstructionSet.T32 => "t32 " + name,
            _ => "a32 " + name + ConditionCodes.Suffix(access.Condition),
        };
    }
}
