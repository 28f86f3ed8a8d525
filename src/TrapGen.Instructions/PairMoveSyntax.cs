using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The assembler syntax of MRRS and MSRR (FEAT_SYSREG128), as LLVM writes them: <c>mrrs x0, x1, ttbr0_el1</c> and
/// <c>msrr ttbr0_el1, x0, x1</c>, the pair an even register and the next (<c>x30, xzr</c> last). As an assembler does, it
/// refuses a pair the instruction's Decode makes UNDEFINED (an odd first register); such a word has no text but
/// <c>.inst</c>.
/// </summary>
internal static class PairMoveSyntax
{
    private const string Read = "mrrs";

    private const string Write = "msrr";

    /// <summary>Gets whether <paramref name="mnemonic"/> (lower case) is MRRS or MSRR.</summary>
    public static bool IsMnemonic(string mnemonic) => mnemonic is Read or Write;

    /// <summary>Parses MRRS or MSRR with its operands, naming registers as <paramref name="names"/> does.</summary>
    public static bool TryParse(string mnemonic, string[] operands, SystemRegisterNames names, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var isRead = mnemonic == Read;
        if (operands.Length != 3)
        {
            error = isRead ? "expected 'mrrs x<t>, x<t+1>, <register>'" : "expected 'msrr <register>, x<t>, x<t+1>'";
            return false;
        }

        var (registerText, firstText, secondText) = isRead ? (operands[2], operands[0], operands[1]) : (operands[0], operands[1], operands[2]);
        if (!OperandSyntax.TryX(firstText, out var first, out error) || !OperandSyntax.TryX(secondText, out var second, out error))
        {
            return false;
        }

        if (first % 2 != 0 || second != first + 1)
        {
            error = "'" + firstText + ", " + secondText + "' is not a register pair: " + mnemonic.ToUpperInvariant() + " takes an even register and the next (x0, x1 to x28, x29, or x30, xzr)";
            return false;
        }

        if (!names.TryFind(registerText, out var e, out error))
        {
            return false;
        }

        if (e.Op0 < 2)
        {
            error = "'" + registerText + "' is not a System register: " + mnemonic.ToUpperInvariant() + " takes op0 2 or 3";
            return false;
        }

        access = new SystemRegisterAccess(TrapClasses.Sys128, InstructionSet.A64, isRead, e.Op0, e.Op1, e.CRn, e.CRm, e.Op2, first, second, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>Gets why <paramref name="access"/> has no assembler text (an odd first register), or null when it has.</summary>
    public static string? Unspellable(in SystemRegisterAccess access) =>
        access.Rt % 2 == 0 ? null : "Rt = " + access.Rt.ToString(CultureInfo.InvariantCulture) + " is odd: MRRS and MSRR take an even register and the next, and the Decode of any other is UNDEFINED";

    /// <summary>Formats an MRRS or MSRR with an even first register, naming the register as <paramref name="names"/> does.</summary>
    public static string Format(in SystemRegisterAccess access, SystemRegisterNames names)
    {
        var pair = X(access.Rt) + ", " + X(access.Rt + 1);
        var name = names.NameOf(access.Op0, access.Op1, access.CRn, access.CRm, access.Op2, access.IsRead);
        return access.IsRead ? Read + " " + pair + ", " + name : Write + " " + name + ", " + pair;
    }

    private static string X(uint index) => index == 31 ? "xzr" : "x" + index.ToString(CultureInfo.InvariantCulture);
}
