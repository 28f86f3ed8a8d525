using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Catalogue.Diagnostics;

/// <summary>
/// A range of text in the catalogue. Lines and columns are 0-based, as Roslyn's <c>LinePosition</c>
/// is; offsets are character indices into the file.
/// </summary>
/// <param name="StartOffset">Character offset of the first character.</param>
/// <param name="EndOffset">Character offset just past the last character.</param>
/// <param name="StartLine">0-based line of the first character.</param>
/// <param name="StartColumn">0-based column of the first character.</param>
/// <param name="EndLine">0-based line just past the range.</param>
/// <param name="EndColumn">0-based column just past the range.</param>
public readonly record struct SourceSpan(
    int StartOffset, int EndOffset, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The start of the file, for problems that belong to no particular node.</summary>
    public static SourceSpan FileStart => default;

    /// <summary>The empty span just past the last character of <paramref name="text"/>.</summary>
    public static SourceSpan EndOf(string text)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = text.Length - lineStart;
        return new SourceSpan(text.Length, text.Length, line, column, line, column);
    }

    /// <summary>Formats the start as the compiler does: 1-based <c>(line,column)</c>.</summary>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "({0},{1})", StartLine + 1, StartColumn + 1);
}
