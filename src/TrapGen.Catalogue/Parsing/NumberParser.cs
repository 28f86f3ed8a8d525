using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Catalogue.Parsing;

/// <summary>Parses the unsigned numbers a catalogue may contain: <c>24</c>, <c>0x18</c>, <c>0b11000</c>, <c>0x30d0_0800</c>.</summary>
public static class NumberParser
{
    /// <summary>Parses <paramref name="text"/>; returns false for anything that is not a non-negative 64-bit number.</summary>
    public static bool TryParse(string? text, out ulong value)
    {
        value = 0;
        if (text is null)
        {
            return false;
        }

        var digits = text.Trim().Replace("_", string.Empty);
        if (digits.Length == 0 || digits.StartsWith("_", System.StringComparison.Ordinal))
        {
            return false;
        }

        if (digits.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase))
        {
            return digits.Length > 2
                && ulong.TryParse(digits.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (digits.StartsWith("0b", System.StringComparison.OrdinalIgnoreCase))
        {
            return TryParseBinary(digits.Substring(2), out value);
        }

        return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseBinary(string digits, out ulong value)
    {
        value = 0;
        if (digits.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is not ('0' or '1'))
            {
                return false;
            }

            value = (value << 1) | (c == '1' ? 1UL : 0UL);
        }

        return true;
    }
}
