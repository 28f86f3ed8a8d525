using System;
using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// An instruction written as its word, as GNU as's directive writes it: <c>.inst 0x1e270020</c> (A64), <c>a32 .inst
/// 0xeeb00a40</c>, <c>t32 .inst 0xeeb00a40</c>. Any instruction TrapGen models may be written so; it is how the SIMD and
/// floating-point instructions are written, whose mnemonics TrapGen does not spell (CPTR_EL2.TFP traps them as a group).
/// </summary>
internal static class InstructionWordSyntax
{
    /// <summary>The directive.</summary>
    public const string Directive = ".inst";

    /// <summary>Parses the word after <see cref="Directive"/> as an instruction of <paramref name="instructionSet"/>.</summary>
    public static bool TryParse(InstructionSet instructionSet, string operand, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var digits = operand.Trim();
        var hex = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (!hex || !uint.TryParse(digits.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var word))
        {
            error = "expected '.inst 0x<word>', a 32-bit instruction word in hexadecimal";
            return false;
        }

        if (!InstructionDecoder.TryDecode(word, instructionSet, out access))
        {
            error = "'" + digits + "' is no " + instructionSet + " instruction TrapGen models: a system-register or System instruction, a coprocessor move, SMC, a wait, or a SIMD and floating-point instruction";
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Formats an instruction as its word: <c>.inst 0x1e270020</c>, naming an AArch32 one's set.</summary>
    public static string Format(in SystemRegisterAccess access)
    {
        var word = Directive + " 0x" + InstructionEncoder.Encode(access).ToString("x8", CultureInfo.InvariantCulture);
        return access.InstructionSet switch
        {
            InstructionSet.A64 => word,
            InstructionSet.T32 => "t32 " + word,
            _ => "a32 " + word,
        };
    }
}
