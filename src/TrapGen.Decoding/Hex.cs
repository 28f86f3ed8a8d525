using System;
using System.Globalization;
using System.Numerics;

namespace TrapGen.Decoding;

/// <summary>
/// How TrapGen writes register-sized numbers (lower-case hexadecimal with 0x, zero-padded to a fixed
/// width), and reads an instruction word.
/// </summary>
public static class Hex
{
    /// <summary>A 32-bit value: <c>0x62300400</c>.</summary>
    public static string Word(uint value) => Digits(value, 8);

    /// <summary>A 64-bit value: <c>0x0000000000c50838</c>.</summary>
    public static string Doubleword(ulong value) => Digits(value, 16);

    /// <summary>Parses an instruction word: <c>0x</c> and at most 32 bits of hexadecimal.</summary>
    public static bool TryParseWord(string text, out uint word)
    {
        word = 0;
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out word);
    }

    /// <summary>
    /// Parses a value as logs print it: hexadecimal, with or without <c>0x</c>, <c>_</c> separators allowed, up to 64
    /// bits (<c>0x9600_0050</c>, <c>62300400</c>); never throws.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value, or 0.</param>
    /// <returns>Whether the text is such a value.</returns>
    public static bool TryParseValue(string text, out ulong value)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Read in place; only a value with separators is copied without them (a batch reads 200,000 values).
        var digits = text.AsSpan().Trim();
        if (digits.Contains('_'))
        {
            digits = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        }

        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        value = 0;
        return digits.Length > 0 && ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The strings of one byte's values in two digits (an exception class, a field), made once.</summary>
    private static readonly string?[] Bytes = new string?[256];

    /// <summary><paramref name="value"/> in <paramref name="digits"/> digits.</summary>
    public static string Digits(ulong value, int digits)
    {
        if (digits == 2 && value < (ulong)Bytes.Length)
        {
            return Bytes[value] ??= Create(value, digits);
        }

        return Create(value, digits);
    }

    private static string Create(ulong value, int digits)
    {
        // As "0x" + value.ToString("x" + digits), written in one string: a batch of decodes formats
        // several values a syndrome, and the format string, its parse and the concatenation showed in profiles.
        var significant = value == 0 ? 1 : (64 - BitOperations.LeadingZeroCount(value) + 3) / 4;
        return string.Create(2 + Math.Max(digits, significant), value, static (text, remaining) =>
        {
            text[0] = '0';
            text[1] = 'x';
            for (var i = text.Length - 1; i >= 2; i--)
            {
                text[i] = "0123456789abcdef"[(int)(remaining & 0xF)];
                remaining >>= 4;
            }
        });
    }
}
