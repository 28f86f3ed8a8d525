using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The A64 Supervisor Call, as a word and as text, both ways (decode, encode, parse, format): <c>svc #0x1234</c> (C6.2.465 SVC, imm16), which
/// HFGITR_EL2.SVC_EL1 traps from EL1 (EC 0x15, <see cref="TrapClasses.Svc64"/>). AArch32's SVC is not modelled: nothing
/// traps it to EL2 from EL1.
/// </summary>
internal static class SvcInstruction
{
    /// <summary>The mnemonic.</summary>
    public const string Mnemonic = "svc";

    /// <summary>Decodes an A64 SVC.</summary>
    public static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (Layouts.A64Svc.Fixed.Extract(word) != Layouts.A64Svc.FixedValue || Layouts.A64Svc.Opc.Extract(word) != Layouts.A64Svc.OpcValue)
        {
            return false;
        }

        access = Access((uint)Layouts.A64Svc.Imm16.Extract(word));
        return true;
    }

    /// <summary>Encodes an SVC: the inverse of <see cref="TryDecodeA64"/>.</summary>
    public static uint Encode(in SystemRegisterAccess access)
    {
        var word = Layouts.A64Svc.Fixed.Insert(0, Layouts.A64Svc.FixedValue);
        word = Layouts.A64Svc.Imm16.Insert(word, access.Immediate);
        return (uint)Layouts.A64Svc.Opc.Insert(word, Layouts.A64Svc.OpcValue);
    }

    /// <summary>Parses the operand of SVC: <c>#&lt;imm16&gt;</c>, decimal or 0x hexadecimal.</summary>
    public static bool TryParse(string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var max = Layouts.A64Svc.Imm16.MaxValue;
        if (operands.Length != 1 || !SmcSyntax.TryImmediate(operands[0], max, out var immediate))
        {
            error = "expected 'svc #<imm16>', an immediate from #0 to #" + max.ToString(CultureInfo.InvariantCulture);
            return false;
        }

        error = string.Empty;
        access = Access((uint)immediate);
        return true;
    }

    /// <summary>Formats an SVC as GNU objdump does: <c>svc #0x1234</c>.</summary>
    public static string Format(in SystemRegisterAccess access) => string.Create(CultureInfo.InvariantCulture, $"svc #0x{access.Immediate:x}");

    /// <summary>
    /// The access of an SVC with <paramref name="immediate"/>: A64, no register moved; as an SMC's, it names no row, as its
    /// class has only one (trapped-instructions.table's SVC), which its syndrome finds.
    /// </summary>
    private static SystemRegisterAccess Access(uint immediate) =>
        new(TrapClasses.Svc64, InstructionSet.A64, IsRead: false, 0, 0, 0, 0, 0, 0, 0, Aarch32Constants.ConditionAlways, immediate);
}
