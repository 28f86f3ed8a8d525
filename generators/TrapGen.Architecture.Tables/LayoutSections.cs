using System.Collections.Generic;

namespace TrapGen.Architecture.Tables;

/// <summary>One section of layouts.table as the other translations need it: its name, exception classes and fields.</summary>
/// <param name="Name">The section's name, such as <c>McrMrcIss</c>.</param>
/// <param name="ExceptionClasses">The exception classes that report it.</param>
/// <param name="Fields">Its fields, most significant first.</param>
internal sealed record LayoutSection(string Name, IReadOnlyList<int> ExceptionClasses, IReadOnlyList<LayoutField> Fields)
{
    /// <summary>Gets the field called <paramref name="name"/>, or null.</summary>
    public LayoutField? Field(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }
}

/// <summary>One field of a layout section.</summary>
/// <param name="Name">As the Arm ARM writes it: <c>CRn</c>, <c>imm8</c>.</param>
/// <param name="Lsb">Its lowest bit.</param>
/// <param name="Width">Its width in bits.</param>
/// <param name="Description">What it is.</param>
internal sealed record LayoutField(string Name, int Lsb, int Width, string Description);

/// <summary>
/// A lenient read of layouts.table's sections and fields (headers and field lines; value meanings and
/// conditions are skipped). Malformed lines are <see cref="LayoutTable"/>'s to report: this read leaves them out.
/// </summary>
internal static class LayoutSections
{
    public static List<LayoutSection> Read(string text)
    {
        var sections = new List<LayoutSection>();
        string? name = null;
        var classes = new List<int>();
        var fields = new List<LayoutField>();
        void Close()
        {
            if (name is not null)
            {
                sections.Add(new LayoutSection(name, [.. classes], [.. fields]));
            }
        }

        foreach (var line in TableLine.Read(text))
        {
            var first = line.Cells[0].Text;
            if (first.StartsWith("[", System.StringComparison.Ordinal))
            {
                Close();
                var close = line.Text.IndexOf(']');
                var header = close < 0 ? [] : line.Text.Substring(line.Text.IndexOf('[') + 1, close - line.Text.IndexOf('[') - 1).Split([' '], System.StringSplitOptions.RemoveEmptyEntries);
                name = header.Length > 0 ? header[0] : null;
                classes = [];
                fields = [];
                foreach (var word in header)
                {
                    if (word.StartsWith("ec=", System.StringComparison.Ordinal))
                    {
                        foreach (var code in word.Substring(3).Split(','))
                        {
                            if (RowReader.TryNumber(code, out var ec))
                            {
                                classes.Add(ec);
                            }
                        }
                    }
                }

                continue;
            }

            if (name is null || first.StartsWith("=", System.StringComparison.Ordinal) || line.Cells.Count < 2)
            {
                continue;
            }

            var parts = line.Cells[1].Text.Split(':');
            if (parts.Length <= 2 && RowReader.TryNumber(parts[0], out var msb) && RowReader.TryNumber(parts[parts.Length - 1], out var lsb) && msb >= lsb)
            {
                var rest = 2;
                while (rest < line.Cells.Count && (line.Cells[rest].Text.StartsWith("=", System.StringComparison.Ordinal) || line.Cells[rest].Text.StartsWith("if:", System.StringComparison.Ordinal)))
                {
                    rest++;
                }

                fields.Add(new LayoutField(first, lsb, msb - lsb + 1, line.Rest(rest)));
            }
        }

        Close();
        return sections;
    }
}
