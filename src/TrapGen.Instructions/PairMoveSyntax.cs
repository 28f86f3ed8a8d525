using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The assembler syntax of the 128-bit accesses (<see cref="TrapClasses.Sys128"/>), as LLVM writes them: MRRS and MSRR
/// (FEAT_SYSREG128), <c>mrrs x0, x1, ttbr0_el1</c> and <c>msrr ttbr0_el1, x0, x1</c>; and SYSP (FEAT_SYSINSTR128) by its
/// TLBIP alias, <c>tlbip vae1, x8, x9</c>, or generically, <c>sysp #0, c8, c7, #1, x8, x9</c>. A pair is an even register and
/// the next (<c>x30, xzr</c> last); a SYSP may instead name none, or <c>xzr, xzr</c>. As an assembler does, it refuses a
/// pair the instruction's Decode makes UNDEFINED (an odd first register); such a word has no text but <c>.inst</c>.
/// </summary>
internal static class PairMoveSyntax
{
    private const string Read = "mrrs";

    private const string Write = "msrr";

    private const string Alias = "tlbip";

    private const string Generic = "sysp";

    /// <summary>Gets whether <paramref name="mnemonic"/> (lower case) is MRRS, MSRR, TLBIP or SYSP.</summary>
    public static bool IsMnemonic(string mnemonic) => mnemonic is Read or Write or Alias or Generic;

    /// <summary>Parses MRRS, MSRR, TLBIP or SYSP with its operands, naming registers as <paramref name="names"/> does.</summary>
    public static bool TryParse(string mnemonic, string[] operands, SystemRegisterNames names, out SystemRegisterAccess access, out string error)
    {
        access = default;
        if (mnemonic is Alias or Generic)
        {
            return TryParseSystemInstruction(mnemonic, operands, out access, out error);
        }

        var isRead = mnemonic == Read;
        if (operands.Length != 3)
        {
            error = isRead ? "expected 'mrrs x<t>, x<t+1>, <register>'" : "expected 'msrr <register>, x<t>, x<t+1>'";
            return false;
        }

        var (registerText, firstText, secondText) = isRead ? (operands[2], operands[0], operands[1]) : (operands[0], operands[1], operands[2]);
        if (!TryPair(mnemonic, firstText, secondText, allowsZero: false, out var first, out error) || !names.TryFind(registerText, out var e, out error))
        {
            return false;
        }

        if (e.Op0 < 2)
        {
            error = "'" + registerText + "' is not a System register: " + mnemonic.ToUpperInvariant() + " takes op0 2 or 3";
            return false;
        }

        access = new SystemRegisterAccess(TrapClasses.Sys128, InstructionSet.A64, isRead, e.Op0, e.Op1, e.CRn, e.CRm, e.Op2, first, PairedAccess.SecondOf(first), Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>Gets why <paramref name="access"/> has no assembler text (a first register its Decode refuses), or null when it has.</summary>
    public static string? Unspellable(in SystemRegisterAccess access) =>
        PairedAccess.IsPair(access.Op0, access.Rt) ? null : "Rt = " + access.Rt.ToString(CultureInfo.InvariantCulture) + " is odd: MRRS, MSRR and SYSP take an even register and the next, and the Decode of any other is UNDEFINED";

    /// <summary>Formats an access whose pair its Decode accepts, naming the register as <paramref name="names"/> does.</summary>
    public static string Format(in SystemRegisterAccess access, SystemRegisterNames names)
    {
        var pair = OperandSyntax.X(access.Rt) + ", " + OperandSyntax.X(PairedAccess.SecondOf(access.Rt));
        if (access.Op0 == PairedAccess.SystemInstructionOp0)
        {
            // LLVM writes a TLBIP's pair always, a generic SYSP's only when it is not XZR twice.
            return SystemInstructions128.TryFind(access.Key, out var instruction)
                ? instruction.Name.ToLowerInvariant() + ", " + pair
                : string.Format(CultureInfo.InvariantCulture, "{0} #{1}, c{2}, c{3}, #{4}", Generic, access.Op1, access.CRn, access.CRm, access.Op2) + (access.Rt == PairedAccess.Zero ? string.Empty : ", " + pair);
        }

        var name = names.NameOf(access.Op0, access.Op1, access.CRn, access.CRm, access.Op2, access.IsRead);
        return access.IsRead ? Read + " " + pair + ", " + name : Write + " " + name + ", " + pair;
    }

    /// <summary><c>tlbip vae1{, x8, x9}</c> and <c>sysp #0, c8, c7, #1{, x8, x9}</c>: no pair is XZR twice.</summary>
    private static bool TryParseSystemInstruction(string mnemonic, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var operation = mnemonic == Alias ? 1 : 4;
        if (operands.Length != operation && operands.Length != operation + 2)
        {
            error = mnemonic == Alias ? "expected 'tlbip <operation>{, x<t>, x<t+1>}'" : "expected 'sysp #<op1>, c<n>, c<m>, #<op2>{, x<t>, x<t+1>}'";
            return false;
        }

        var rt = PairedAccess.Zero;
        if (operands.Length > operation && !TryPair(mnemonic, operands[operation], operands[operation + 1], allowsZero: true, out rt, out error))
        {
            return false;
        }

        uint op1, crn, crm, op2;
        if (mnemonic == Alias)
        {
            if (!SystemInstructions128.TryFind(SystemInstruction128.Operation + " " + operands[0], out var instruction))
            {
                var closest = ClosestName.Find(operands[0], SystemInstructions128.All.Select(i => i.Instruction.Name));
                error = "'" + operands[0] + "' is no TLBIP operation" + (closest is null ? string.Empty : " (did you mean " + closest.ToLowerInvariant() + "?)");
                return false;
            }

            (op1, crn, crm, op2) = ((uint)instruction.Encoding.Op1, (uint)instruction.Encoding.CRn, (uint)instruction.Encoding.CRm, (uint)instruction.Encoding.Op2);
        }
        else if (!OperandSyntax.TryNumber(operands[0], 7, "op1", out op1, out error)
            || !OperandSyntax.TryC(operands[1], out crn, out error)
            || !OperandSyntax.TryC(operands[2], out crm, out error)
            || !OperandSyntax.TryNumber(operands[3], 7, "op2", out op2, out error))
        {
            return false;
        }

        access = new SystemRegisterAccess(TrapClasses.Sys128, InstructionSet.A64, IsRead: false, PairedAccess.SystemInstructionOp0, op1, crn, crm, op2, rt, PairedAccess.SecondOf(rt), Aarch32Constants.ConditionAlways);
        error = string.Empty;
        return true;
    }

    /// <summary>Reads a pair: an even register and the next, or, where <paramref name="allowsZero"/>, <c>xzr, xzr</c>.</summary>
    private static bool TryPair(string mnemonic, string firstText, string secondText, bool allowsZero, out uint first, out string error)
    {
        if (!OperandSyntax.TryX(firstText, out first, out error) || !OperandSyntax.TryX(secondText, out var second, out error))
        {
            return false;
        }

        if ((allowsZero && first == PairedAccess.Zero && second == PairedAccess.Zero) || (first % 2 == 0 && second == first + 1))
        {
            return true;
        }

        error = "'" + firstText + ", " + secondText + "' is not a register pair: " + mnemonic.ToUpperInvariant() + " takes an even register and the next (x0, x1 to x28, x29, or x30, xzr)"
            + (allowsZero ? ", or xzr, xzr" : string.Empty);
        return false;
    }
}
