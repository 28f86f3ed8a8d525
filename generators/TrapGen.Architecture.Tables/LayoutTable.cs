using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// layouts.table: sections <c>[Name]</c> or <c>[Name ec=0x18]</c> followed by a description, then one
/// field a line: <c>name msb:lsb [=value] description</c>. Each section becomes a static class of
/// <c>Layouts</c> with one <c>BitField</c> per field, a <c>&lt;Field&gt;Value</c> constant per fixed
/// field, and the section as a <c>BitLayout</c>.
/// </summary>
internal static class LayoutTable
{
    public static TableOutput Translate(string file, string text)
    {
        var problems = new List<TableProblem>();
        var source = new StringBuilder(CSharp.Header(file));
        source.Append("partial class Layouts\n{\n");
        var sections = new List<string>();
        string? section = null;
        var fields = new List<string>();
        foreach (var line in TableLine.Read(text))
        {
            var first = line.Cells[0];
            if (first.Text.StartsWith("[", System.StringComparison.Ordinal))
            {
                Close(source, section, fields);
                section = OpenSection(source, line, problems, sections);
                fields.Clear();
                continue;
            }

            if (section is null)
            {
                problems.Add(TableProblem.At(line, "a field must follow a [Section] header"));
                continue;
            }

            AppendField(source, line, problems, fields);
        }

        Close(source, section, fields);
        source.Append("    private static BitLayout[] CreateAll() => [").Append(string.Join(", ", sections.Select(s => s + ".Layout"))).Append("];\n}\n");
        return new TableOutput("Layouts.g.cs", source.ToString(), problems);
    }

    private static string? OpenSection(StringBuilder source, TableLine line, List<TableProblem> problems, List<string> sections)
    {
        var close = line.Text.IndexOf(']');
        var open = line.Text.IndexOf('[');
        if (close < 0)
        {
            problems.Add(TableProblem.At(line, "a section header is [Name] or [Name ec=0xNN]"));
            return null;
        }

        var header = line.Text.Substring(open + 1, close - open - 1).Split([' '], System.StringSplitOptions.RemoveEmptyEntries);
        var name = header.Length > 0 ? header[0] : string.Empty;
        var ec = -1;
        if (header.Length > 1 && (!header[1].StartsWith("ec=", System.StringComparison.Ordinal) || !RowReader.TryNumber(header[1].Substring(3), out ec) || ec > 0x3F))
        {
            problems.Add(TableProblem.At(line, "'" + header[1] + "' must be ec=0xNN with a 6-bit exception class"));
            ec = -1;
        }

        if (name.Length == 0 || !char.IsUpper(name[0]) || !name.All(char.IsLetterOrDigit))
        {
            problems.Add(TableProblem.At(line, "'" + name + "' must be a PascalCase section name"));
            return null;
        }

        var description = line.Text.Substring(close + 1).Trim();
        sections.Add(name);
        source.Append("    /// <summary>").Append(Xml(description)).Append("</summary>\n");
        source.Append("    public static class ").Append(name).Append("\n    {\n");
        source.Append(string.Format(CultureInfo.InvariantCulture, "        private const int ExceptionClassOrNone = {0};\n\n", ec));
        if (ec >= 0)
        {
            source.Append(string.Format(CultureInfo.InvariantCulture, "        /// <summary>The exception class (ESR_EL2.EC) that reports this layout.</summary>\n        public const uint ExceptionClass = 0x{0:X2};\n\n", ec));
        }

        source.Append("        private const string Description = ").Append(CSharp.String(description)).Append(";\n\n");
        return name;
    }

    private static void AppendField(StringBuilder source, TableLine line, List<TableProblem> problems, List<string> fields)
    {
        var row = new RowReader(line, problems);
        if (line.Cells.Count < 2)
        {
            problems.Add(TableProblem.At(line, "expected: name msb:lsb [=value] description"));
            return;
        }

        var name = line.Cells[0].Text;
        if (!name.All(c => char.IsLetterOrDigit(c) || c == '_') || !char.IsLetter(name[0]))
        {
            row.Report(line.Cells[0], "'" + name + "' must be a field name of letters, digits and '_'");
            return;
        }

        var bits = line.Cells[1];
        var parts = bits.Text.Split(':');
        if (parts.Length > 2 || !RowReader.TryNumber(parts[0], out var msb) || !RowReader.TryNumber(parts[parts.Length - 1], out var lsb) || msb < lsb || msb > 63)
        {
            row.Report(bits, "'" + bits.Text + "' must be msb:lsb (msb ≥ lsb, at most 63) or one bit number");
            return;
        }

        var descriptionIndex = 2;
        string? fixedValue = null;
        if (line.Cells.Count > 2 && line.Cells[2].Text.StartsWith("=", System.StringComparison.Ordinal))
        {
            fixedValue = line.Cells[2].Text.Substring(1);
            descriptionIndex = 3;
            if (!IsBinary(fixedValue, msb - lsb + 1))
            {
                row.Report(line.Cells[2], "'" + line.Cells[2].Text + "' must be =0b followed by exactly " + (msb - lsb + 1).ToString(CultureInfo.InvariantCulture) + " binary digits");
                fixedValue = null;
            }
        }

        var description = line.Rest(descriptionIndex);
        source.Append("        /// <summary>").Append(Xml(name + " [" + bits.Text + "]" + (description.Length > 0 ? ": " + description : "."))).Append("</summary>\n");
        source.Append(string.Format(CultureInfo.InvariantCulture, "        public static readonly BitField {0} = new({1}, {2}, {3});\n\n", name, CSharp.String(name), lsb, msb - lsb + 1));
        if (fixedValue is not null)
        {
            source.Append("        /// <summary>The value of ").Append(name).Append(" in every such instruction.</summary>\n");
            source.Append("        public const uint ").Append(name).Append("Value = ").Append(fixedValue).Append(";\n\n");
        }

        fields.Add(name);
    }

    private static void Close(StringBuilder source, string? section, List<string> fields)
    {
        if (section is null)
        {
            return;
        }

        source.Append("        /// <summary>The layout: every field, most significant first.</summary>\n");
        source.Append("        public static readonly BitLayout Layout = new(").Append(CSharp.String(section))
            .Append(", ExceptionClassOrNone, Description, [").Append(string.Join(", ", fields)).Append("]);\n    }\n\n");
    }

    private static bool IsBinary(string text, int width) =>
        text.StartsWith("0b", System.StringComparison.Ordinal) && text.Length == width + 2 && text.Skip(2).All(c => c is '0' or '1');

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
