using System;
using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The assembler syntax of SMC: <c>smc #0x1234</c> (A64, imm16), <c>a32 smc #5</c> or <c>a32 smcne #5</c>
/// (A32, imm4, conditional) and <c>t32 smc #5</c> (T32, imm4). Without a set named, SMC is A64: the
/// mnemonic exists in both states, and the set prefix is how every instruction names its state.
/// </summary>
internal static class SmcSyntax
{
    /// <summary>Parses the operands of SMC in <paramref name="instructionSet"/> with condition <paramref name="cond"/>.</summary>
    public static bool TryParse(InstructionSet instructionSet, uint cond, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var a64 = instructionSet == InstructionSet.A64;
        var max = a64 ? Layouts.A64Smc.Imm16.MaxValue : Layouts.A32Smc.Imm4.MaxValue;
        if (operands.Length != 1)
        {
            error = a64 ? "expected 'smc #<imm16>'" : "expected 'smc #<imm4>' (A32 and T32 SMC take 0–15)";
            return false;
        }

        if (!TryImmediate(operands[0], max, out var immediate))
        {
            error = "'" + operands[0] + "' is not a valid SMC immediate; expected #0–#" + max.ToString(CultureInfo.InvariantCulture)
                + (a64 ? string.Empty : " (A32 and T32 SMC have 4 bits; an A64 SMC, without a32/t32 before it, has 16)");
            return false;
        }

        error = string.Empty;
        access = new SystemRegisterAccess(a64 ? TrapClasses.Smc64 : TrapClasses.Smc32, instructionSet, IsRead: false, 0, 0, 0, 0, 0, 0, 0, cond, (uint)immediate);
        return true;
    }

    /// <summary>Formats an SMC; an AArch32 one names its set, as the set decides the immediate's width.</summary>
    public static string Format(in SystemRegisterAccess access) => access.InstructionSet switch
    {
        InstructionSet.A64 => string.Create(CultureInfo.InvariantCulture, $"smc #0x{access.Immediate:x}"),
        InstructionSet.T32 => string.Create(CultureInfo.InvariantCulture, $"t32 smc #{access.Immediate}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"a32 smc{ConditionCodes.Suffix(access.Condition)} #{access.Immediate}"),
    };

    /// <summary>Parses <c>#&lt;imm&gt;</c> (decimal, or hexadecimal after 0x) no greater than <paramref name="max"/>; SVC's too.</summary>
    internal static bool TryImmediate(string text, ulong max, out ulong value)
    {
        var digits = text.Trim().TrimStart('#');
        var hex = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return ulong.TryParse(hex ? digits.AsSpan(2) : digits.AsSpan(), hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value <= max;
    }
}
