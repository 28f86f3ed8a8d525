using System.Collections.Generic;

namespace TrapGen.Architecture.Tables;

/// <summary>One cell of a table row: its text and where it starts.</summary>
/// <param name="Text">The cell's text.</param>
/// <param name="Column">Its 0-based column.</param>
internal readonly record struct TableCell(string Text, int Column);

/// <summary>One non-blank, non-comment line of a table, split on whitespace.</summary>
/// <param name="Line">Its 0-based line number.</param>
/// <param name="Offset">The offset of the line's first character in the file.</param>
/// <param name="Text">The whole line.</param>
/// <param name="Cells">The whitespace-separated cells.</param>
internal sealed record TableLine(int Line, int Offset, string Text, IReadOnlyList<TableCell> Cells)
{
    /// <summary>Splits <paramref name="text"/> into lines, dropping blank lines and <c>#</c> comments.</summary>
    public static List<TableLine> Read(string text)
    {
        var lines = new List<TableLine>();
        var offset = 0;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                lines.Add(new TableLine(number, offset, line, Split(line)));
            }

            offset += raw.Length + 1;
            number++;
        }

        return lines;
    }

    /// <summary>Gets the text from cell <paramref name="index"/> to the end of the line, or empty.</summary>
    public string Rest(int index) => index < Cells.Count ? Text.Substring(Cells[index].Column).Trim() : string.Empty;

    private static List<TableCell> Split(string line)
    {
        var cells = new List<TableCell>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i > start)
            {
                cells.Add(new TableCell(line.Substring(start, i - start), start));
            }
        }

        return cells;
    }
}
