using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TrapGen.Cli;

/// <summary>A plain-text table with left-aligned columns two spaces apart: stable to diff, easy to grep.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [headers];

    public void Add(params string[] cells) => rows.Add(cells);

    /// <summary>Writes the header line and the rows.</summary>
    public void WriteTo(TextWriter output) => Write(output, rows);

    /// <summary>Writes the rows alone, for tables whose columns speak for themselves.</summary>
    public void WriteBodyTo(TextWriter output) => Write(output, rows.Skip(1).ToList());

    private void Write(TextWriter output, List<string[]> lines)
    {
        var widths = Enumerable.Range(0, headers.Length).Select(c => lines.Max(r => r[c].Length)).ToArray();
        foreach (var row in lines)
        {
            var cells = row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }
}
