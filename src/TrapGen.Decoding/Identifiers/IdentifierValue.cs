using System;

namespace TrapGen.Decoding;

/// <summary>Parses a 32-bit identifier as logs print it: hexadecimal, with or without 0x.</summary>
internal static class IdentifierValue
{
    /// <summary>Parses <paramref name="text"/> as a 32-bit value named <paramref name="what"/>; never throws.</summary>
    public static bool TryParse(string text, string what, out uint value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        error = null;
        if (!Hex.TryParseValue(text, out var wide))
        {
            error = "'" + Quote(text) + "' is not " + what + "; write it in hexadecimal, such as " + (what.Contains("MIDR", StringComparison.Ordinal) ? "0x410fd070" : "0x84000000");
            return false;
        }

        if (wide > uint.MaxValue)
        {
            error = "'" + Quote(text) + "' is wider than 32 bits, which " + what + " is not";
            return false;
        }

        value = (uint)wide;
        return true;
    }

    private static string Quote(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
