using System;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The AArch64 System instructions by name, as the architecture's instruction table names them:
/// <c>dc cisw, x0</c>, <c>tlbi vmalle1</c>, <c>ic iallu</c>, <c>at s1e1r, x0</c>: aliases of SYS.
/// </summary>
internal static class SystemInstructionAliasSyntax
{
    /// <summary>Gets whether <paramref name="mnemonic"/> (lower case) is an operation of the table: dc, ic, tlbi, at, ….</summary>
    public static bool IsOperation(string mnemonic) =>
        SystemInstructions.All.Any(i => i.Operation.Equals(mnemonic, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses <c>&lt;operation&gt; &lt;name&gt;{, x&lt;t&gt;}</c>.</summary>
    public static bool TryParse(string operation, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var upper = operation.ToUpperInvariant();
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

        var e = instruction.Encoding;
        access = new SystemRegisterAccess(TrapClasses.Msr, InstructionSet.A64, false, (uint)e.Op0, (uint)e.Op1, (uint)e.CRn, (uint)e.CRm, (uint)e.Op2, rt, 0, Aarch32Constants.ConditionAlways);
        return true;
    }
}
