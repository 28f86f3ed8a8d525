using System;
using System.Globalization;

namespace TrapGen.Instructions;

/// <summary>The operands of the instructions <see cref="SystemInstructionSyntax"/> reads: x and r registers, c registers and immediates, each with a one-sentence error.</summary>
internal static class OperandSyntax
{
    internal static bool TryX(string text, out uint index, out string error)
    {
        var lower = text.ToLowerInvariant();
        if (lower == "xzr")
        {
            index = 31;
            error = string.Empty;
            return true;
        }

        return TryIndexed(lower, "x", 30, "x0–x30 or xzr", out index, out error);
    }

    /// <summary>An A64 base register: x0 to x30, or sp for 31 (xzr is no base: Rn 31 is SP).</summary>
    internal static bool TryXOrSp(string text, out uint index)
    {
        var lower = text.ToLowerInvariant();
        if (lower == "sp")
        {
            index = 31;
            return true;
        }

        return TryIndexed(lower, "x", 30, "x0–x30 or sp", out index, out _);
    }

    /// <summary>An A64 register as written: <c>x26</c>, or <c>xzr</c> for 31.</summary>
    internal static string X(uint register) => register == 31 ? "xzr" : string.Create(CultureInfo.InvariantCulture, $"x{register}");

    /// <summary>An A64 base register as written: <c>x27</c>, or <c>sp</c> for 31.</summary>
    internal static string XOrSp(uint register) => register == 31 ? "sp" : X(register);

    internal static bool TryR(string text, out uint index, out string error)
    {
        var lower = text.ToLowerInvariant();
        (var alias, index) = lower switch
        {
            "sp" => (true, 13u),
            "lr" => (true, 14u),
            "pc" => (true, 15u),
            _ => (false, 0u),
        };
        if (alias)
        {
            error = string.Empty;
            return true;
        }

        return TryIndexed(lower, "r", 15, "r0–r15", out index, out error);
    }

    internal static bool TryC(string text, out uint index, out string error)
    {
        var lower = text.ToLowerInvariant();
        return TryIndexed(lower.StartsWith("cr", StringComparison.Ordinal) ? string.Concat("c", lower.AsSpan(2)) : lower, "c", 15, "c0–c15", out index, out error);
    }

    internal static bool TryIndexed(string text, string prefix, uint max, string expected, out uint index, out string error)
    {
        index = 0;
        if (text.StartsWith(prefix, StringComparison.Ordinal)
            && uint.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index <= max)
        {
            error = string.Empty;
            return true;
        }

        error = "'" + text + "' is not a register here; expected " + expected;
        return false;
    }

    internal static bool TryNumber(string text, uint max, string what, out uint value, out string error)
    {
        if (uint.TryParse(text.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max)
        {
            error = string.Empty;
            return true;
        }

        error = "'" + text + "' is not a valid " + what + "; expected 0–" + max.ToString(CultureInfo.InvariantCulture);
        return false;
    }
}
