using System;
using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The assembler syntax of LDC and STC of the debug data transfer register, the only ones Armv8 defines:
/// <c>ldc p14, c5, [r1], #4</c> (post-indexed), <c>stc p14, c5, [r1, #-8]!</c> (pre-indexed), <c>ldc p14, c5, [r1, #4]</c>
/// (offset), <c>ldc p14, c5, [r1], {3}</c> (unindexed, with an option) and <c>ldc p14, c5, [pc, #8]</c> (literal).
/// objdump's spelling (<c>ldc 14, cr5, [r1], #4</c>) is read too. LDC writes DBGDTRTXint; STC reads DBGDTRRXint.
/// </summary>
internal static class LdcStcSyntax
{
    /// <summary>The largest offset: eight bits of words.</summary>
    private const uint MaxOffset = (uint)((1 << 8) - 1) * LdcStcIss.WordBytes;

    /// <summary>Parses the operands of LDC (<paramref name="isLoad"/>) or STC in <paramref name="instructionSet"/> with condition <paramref name="cond"/>.</summary>
    public static bool TryParse(bool isLoad, InstructionSet instructionSet, uint cond, string operandText, out SystemRegisterAccess access, out string error)
    {
        access = default;
        var mnemonic = isLoad ? "ldc" : "stc";
        var expected = "expected '" + mnemonic + " p14, c5, [r<n>], #<offset>' (or [r<n>, #<offset>], [r<n>, #<offset>]!, [r<n>], {<option>}" + (isLoad ? ", [pc, #<offset>]" : string.Empty) + ")";
        var parts = operandText.Split([','], 3);
        if (parts.Length < 3)
        {
            error = expected;
            return false;
        }

        var coprocessor = parts[0].Trim().ToLowerInvariant();
        var register = parts[1].Trim().ToLowerInvariant();
        if (coprocessor is not ("p14" or "14") || register is not ("c5" or "cr5"))
        {
            error = "'" + mnemonic + " " + parts[0].Trim() + ", " + parts[1].Trim() + "': Armv8 defines LDC and STC for p14, c5 alone (DBGDTRTXint and DBGDTRRXint)";
            return false;
        }

        if (!TryAddress(parts[2].Trim(), isLoad, out var rn, out var mode, out var add, out var offset, out error))
        {
            if (error.Length == 0)
            {
                error = expected;
            }

            return false;
        }

        access = new SystemRegisterAccess(
            TrapClasses.LdcStc, instructionSet, IsRead: !isLoad, 0, 0, Aarch32Constants.DebugDataTransferRegister, 0, 0, 0, 0, cond, offset, rn, mode, add);
        if (access.IsUnpredictable)
        {
            error = "the PC as " + mnemonic.ToUpperInvariant() + "'s base " + (access.WritesBack ? "with writeback" : "in T32") + " is UNPREDICTABLE (Arm ARM F5.1); use another register";
            access = default;
            return false;
        }

        return true;
    }

    /// <summary>Formats an LDC or STC as objdump would, in the syntax <see cref="TryParse"/> reads.</summary>
    public static string Format(in SystemRegisterAccess access)
    {
        var mnemonic = (access.IsRead ? "stc" : "ldc") + ConditionCodes.Suffix(access.Condition);
        var iss = LdcStcIss.WithAM(0, access.AddressingMode);
        var baseRegister = LdcStcIss.IsLiteral(iss) ? "pc" : "r" + Aarch32RegisterMapping.InstructionRegister(access.Rn).ToString(CultureInfo.InvariantCulture);
        var offset = "#" + (access.AddOffset ? string.Empty : "-") + (access.Immediate * LdcStcIss.WordBytes).ToString(CultureInfo.InvariantCulture);
        var address = access.AddressingMode switch
        {
            LdcStcIss.Unindexed or LdcStcIss.LiteralUnindexed => "[" + baseRegister + "], {" + access.Immediate.ToString(CultureInfo.InvariantCulture) + "}",
            LdcStcIss.PostIndexed => "[" + baseRegister + "], " + offset,
            LdcStcIss.PreIndexed => "[" + baseRegister + ", " + offset + "]!",
            _ when access.AddOffset && access.Immediate == 0 => "[" + baseRegister + "]", // objdump drops an offset of +0, never -0
            _ => "[" + baseRegister + ", " + offset + "]",
        };
        return mnemonic + " p14, c" + access.CRn.ToString(CultureInfo.InvariantCulture) + ", " + address;
    }

    private static bool TryAddress(string text, bool isLoad, out uint rn, out uint mode, out bool add, out uint offset, out string error)
    {
        (rn, mode, add, offset, error) = (0, 0, true, 0, string.Empty);
        var close = text.IndexOf(']');
        if (!text.StartsWith('[') || close < 0)
        {
            return false;
        }

        var inside = text.Substring(1, close - 1).Split(',');
        var after = text.Substring(close + 1).Trim();
        var baseText = inside[0].Trim().ToLowerInvariant();
        var literal = baseText is "pc" or "r15";
        if (literal && !isLoad)
        {
            error = "STC has no literal form: its base is a register, not the PC";
            return false;
        }

        if (!literal && !OperandSyntax.TryR(baseText, out rn, out error))
        {
            return false;
        }

        if (literal)
        {
            rn = SystemRegisterAccess.Pc;
        }

        if (inside.Length == 2)
        {
            // [Rn, #±imm] or [Rn, #±imm]!: offset or pre-indexed.
            var writeBack = after == "!";
            if (!(after.Length == 0 || writeBack) || !TryOffset(inside[1], out add, out offset, out error))
            {
                return false;
            }

            if (literal && writeBack)
            {
                error = "the literal form of LDC does not write back";
                return false;
            }

            mode = literal ? LdcStcIss.LiteralOffset : writeBack ? LdcStcIss.PreIndexed : LdcStcIss.OffsetAddressing;
            return true;
        }

        if (inside.Length != 1)
        {
            return false;
        }

        if (after.Length == 0)
        {
            // [Rn]: offset #0.
            mode = literal ? LdcStcIss.LiteralOffset : LdcStcIss.OffsetAddressing;
            return true;
        }

        if (!after.StartsWith(','))
        {
            return false;
        }

        var rest = after.Substring(1).Trim();
        if (rest.StartsWith('{') && rest.EndsWith('}'))
        {
            // [Rn], {option}: unindexed.
            if (!uint.TryParse(rest.Substring(1, rest.Length - 2).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > 255)
            {
                error = "'" + rest + "' is not a valid option; expected {0}–{255}";
                return false;
            }

            mode = literal ? LdcStcIss.LiteralUnindexed : LdcStcIss.Unindexed;
            return true;
        }

        if (literal)
        {
            error = "the literal form of LDC does not write back";
            return false;
        }

        mode = LdcStcIss.PostIndexed;
        return TryOffset(rest, out add, out offset, out error);
    }

    private static bool TryOffset(string text, out bool add, out uint words, out string error)
    {
        (add, words, error) = (true, 0, string.Empty);
        var trimmed = text.Trim().TrimStart('#').Trim();
        if (trimmed.StartsWith('-'))
        {
            add = false;
            trimmed = trimmed.Substring(1);
        }
        else if (trimmed.StartsWith('+'))
        {
            trimmed = trimmed.Substring(1);
        }

        if (!uint.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) || bytes > MaxOffset || bytes % LdcStcIss.WordBytes != 0)
        {
            error = "'" + text.Trim() + "' is not a valid offset; expected a multiple of 4 from -1020 to 1020";
            return false;
        }

        words = bytes / LdcStcIss.WordBytes;
        return true;
    }
}
