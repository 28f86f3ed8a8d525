using System;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The AArch64 System instructions by name, as the architecture's instruction table names them:
/// <c>dc cisw, x0</c>, <c>tlbi vmalle1</c>, <c>ic iallu</c>, <c>at s1e1r, x0</c>: aliases of SYS; and those the Arm ARM
/// names in one word (C5.9): <c>gcspushm x0</c>, <c>gcspushx</c>, and the SYSL aliases <c>gcspopm x0</c> and
/// <c>gcsss2 x0</c>, whose Xt receives the result (their access is a read, L 1).
/// </summary>
internal static class SystemInstructionAliasSyntax
{
    /// <summary>The one instruction whose Xt the Arm ARM makes optional, <c>GCSPOPM {&lt;Xt&gt;}</c> (C5.9.2): without it, XZR.</summary>
    private const string OptionalResult = "GCSPOPM";

    /// <summary>Gets whether <paramref name="mnemonic"/> (lower case) is an operation of the table: dc, ic, tlbi, at, ….</summary>
    public static bool IsOperation(string mnemonic) =>
        SystemInstructions.All.Any(i => i.Operation.Equals(mnemonic, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses <c>&lt;operation&gt; &lt;name&gt;{, x&lt;t&gt;}</c>.</summary>
    public static bool TryParse(string operation, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var upper = operation.ToUpperInvariant();
        if (SystemInstructions.TryFind(upper, out var oneWord) && oneWord.IsOneWord)
        {
            return TryParseOneWord(oneWord, operands, out access, out error);
        }

        var name = operands.Length > 0 ? operands[0] : string.Empty;
        if (!SystemInstructions.TryFind(upper + " " + name.ToUpperInvariant(), out var instruction))
        {
            var names = SystemInstructions.All.Where(i => i.Operation == upper).Select(i => i.Name.ToLowerInvariant());
            var closest = ClosestName.Find(name.ToLowerInvariant(), names);
            error = "unknown " + upper + " operation '" + name + "'" + (closest is null ? string.Empty : " (did you mean " + operation + " " + closest + "?)");
            return false;
        }

        var rtText = instruction.TakesRegister ? (operands.Length == 2 ? operands[1] : null) : (operands.Length == 1 ? "xzr" : null);
        if (rtText is null)
        {
            error = instruction.TakesRegister ? "expected '" + operation + " " + name + ", x<t>'" : "'" + operation + " " + name + "' takes no register";
            return false;
        }

        if (!OperandSyntax.TryX(rtText, out var rt, out error))
        {
            return false;
        }

        access = Access(instruction, rt);
        return true;
    }

    /// <summary>Parses <c>&lt;name&gt;{ x&lt;t&gt;}</c>: the register when the instruction takes one (GCSPOPM's optional), none otherwise.</summary>
    private static bool TryParseOneWord(SystemInstruction instruction, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var name = instruction.Operation.ToLowerInvariant();
        var rtText = operands.Length switch
        {
            0 when !instruction.TakesRegister || instruction.Operation == OptionalResult => "xzr",
            1 when instruction.TakesRegister => operands[0],
            _ => null,
        };
        if (rtText is null)
        {
            error = instruction.TakesRegister ? "expected '" + name + " x<t>'" : "'" + name + "' takes no register";
            return false;
        }

        if (!OperandSyntax.TryX(rtText, out var rt, out error))
        {
            return false;
        }

        access = Access(instruction, rt);
        return true;
    }

    /// <summary>The access of <paramref name="instruction"/> with <paramref name="rt"/>: a SYSL alias's is a read (L 1).</summary>
    private static SystemRegisterAccess Access(SystemInstruction instruction, uint rt)
    {
        var e = instruction.Encoding;
        return new SystemRegisterAccess(TrapClasses.Msr, InstructionSet.A64, instruction.WritesRegister, (uint)e.Op0, (uint)e.Op1, (uint)e.CRn, (uint)e.CRm, (uint)e.Op2, rt, 0, Aarch32Constants.ConditionAlways);
    }
}
