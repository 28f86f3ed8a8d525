using System.Globalization;
using System.Text;

namespace TrapGen.Catalogue.Diagnostics;

/// <summary>
/// Makes text read from input safe to echo to a terminal or a build log: control characters (ESC, so
/// no ANSI or OSC sequence, and every C0 and C1 character) become visible escapes, and a long text is
/// cut with a note of how much was left out.
/// </summary>
public static class PrintableText
{
    /// <summary>The longest echo of one input value.</summary>
    public const int DefaultMaxLength = 120;

    /// <summary>Gets <paramref name="text"/> with control characters (<c>\x1b</c>) and invisible format characters (<c>\u202e</c>) escaped and cut to <paramref name="maxLength"/> characters.</summary>
    public static string Of(string? text, int maxLength = DefaultMaxLength)
    {
        text ??= string.Empty;
        var builder = new StringBuilder(System.Math.Min(text.Length, maxLength) + 16);
        var i = 0;
        for (; i < text.Length && builder.Length < maxLength; i++)
        {
            var c = text[i];
            if (c == '\t')
            {
                builder.Append("\\t");
            }
            else if (c < ' ' || c == '\u007f' || (c >= '\u0080' && c <= '\u009f'))
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (IsInvisibleControl(c))
            {
                // Bidirectional overrides, zero-width characters and line separators reorder or hide
                // what a terminal or editor shows ("Trojan Source"): shown as their code.
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (i < text.Length)
        {
            builder.Append("… (").Append((text.Length - i).ToString(CultureInfo.InvariantCulture)).Append(" more characters)");
        }

        return builder.ToString();
    }

    private static bool IsInvisibleControl(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
