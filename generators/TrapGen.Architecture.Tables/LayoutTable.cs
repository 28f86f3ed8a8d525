using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// layouts.table: sections <c>[Name]</c>, <c>[Name ec=0x24,0x25]</c> or <c>[Name ec=0x24 iss2]</c>
/// followed by a description, then one field a line, <c>name msb:lsb [=value] description</c>, each
/// optionally followed by indented <c>=value meaning</c> lines; <c>if:ISV=1</c> (or <c>if:DFSC=0b0101xx|0b010000</c>)
/// after the bits says when the field applies. Each section becomes a static class of
/// <c>Layouts</c> with one <c>BitField</c> per field, a <c>&lt;Field&gt;Value</c> constant per fixed
/// field, and the section as a <c>BitLayout</c> with its fields' named values.
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
        var meanings = new List<string>();
        var conditions = new List<PendingCondition>();
        var fixedFields = new List<string>();
        foreach (var line in TableLine.Read(text))
        {
            var first = line.Cells[0];
            if (first.Text.StartsWith("[", System.StringComparison.Ordinal))
            {
                Close(source, section, fields, meanings, conditions, fixedFields, problems);
                section = OpenSection(source, line, problems, sections);
                fields.Clear();
                meanings.Clear();
                conditions.Clear();
                fixedFields.Clear();
                continue;
            }

            if (section is null)
            {
                problems.Add(TableProblem.At(line, "a field must follow a [Section] header"));
                continue;
            }

            if (first.Text.StartsWith("=", System.StringComparison.Ordinal) && first.Column > 0)
            {
                AppendMeaning(line, problems, fields, meanings);
                continue;
            }

            AppendField(source, line, problems, fields, conditions, fixedFields);
        }

        Close(source, section, fields, meanings, conditions, fixedFields, problems);
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
        var classes = new List<int>();
        var iss2 = false;
        foreach (var word in header.Skip(1))
        {
            if (word == "iss2")
            {
                iss2 = true;
                continue;
            }

            if (!word.StartsWith("ec=", System.StringComparison.Ordinal))
            {
                problems.Add(TableProblem.At(line, "'" + word + "' must be ec=0xNN[,0xNN...] or iss2"));
                continue;
            }

            foreach (var code in word.Substring(3).Split(','))
            {
                if (!RowReader.TryNumber(code, out var ec) || ec > 0x3F)
                {
                    problems.Add(TableProblem.At(line, "'" + code + "' must be a 6-bit exception class such as 0x18"));
                    continue;
                }

                classes.Add(ec);
            }
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
        source.Append("        private static readonly int[] ExceptionClassList = [")
            .Append(string.Join(", ", classes.Select(ec => "0x" + ec.ToString("X2", CultureInfo.InvariantCulture)))).Append("];\n\n");
        source.Append("        private const bool IsIss2 = ").Append(iss2 ? "true" : "false").Append(";\n\n");
        if (classes.Count > 0)
        {
            source.Append(string.Format(
                CultureInfo.InvariantCulture,
                "        /// <summary>The exception class (ESR_EL2.EC) this layout is listed for first{0}.</summary>\n        public const uint ExceptionClass = 0x{1:X2};\n\n",
                classes.Count > 1 ? "; the layout's ExceptionClasses has all " + classes.Count.ToString(CultureInfo.InvariantCulture) : string.Empty,
                classes[0]));
        }

        source.Append("        private const string Description = ").Append(CSharp.String(description)).Append(";\n\n");
        return name;
    }

    private static void AppendField(StringBuilder source, TableLine line, List<TableProblem> problems, List<string> fields, List<PendingCondition> conditions, List<string> fixedFields)
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

        while (descriptionIndex < line.Cells.Count && line.Cells[descriptionIndex].Text.StartsWith("if:", System.StringComparison.Ordinal))
        {
            var cell = line.Cells[descriptionIndex++];
            var condition = cell.Text.Substring(3).Split('=');
            if (condition.Length != 2 || condition[0].Length == 0 || condition[1].Length == 0)
            {
                row.Report(cell, "'" + cell.Text + "' must be if:FIELD=VALUE, VALUE a number or 0b digits with x for any bit, alternatives joined by |");
                continue;
            }

            conditions.Add(new PendingCondition(name, condition[0], condition[1], line, cell));
        }

        var description = line.Rest(descriptionIndex);
        source.Append("        /// <summary>").Append(Xml(name + " [" + bits.Text + "]" + (description.Length > 0 ? ": " + description : "."))).Append("</summary>\n");
        source.Append(string.Format(CultureInfo.InvariantCulture, "        public static readonly BitField {0} = new({1}, {2}, {3});\n\n", name, CSharp.String(name), lsb, msb - lsb + 1));
        if (fixedValue is not null)
        {
            source.Append("        /// <summary>The value of ").Append(name).Append(" in every such instruction.</summary>\n");
            source.Append("        public const uint ").Append(name).Append("Value = ").Append(fixedValue).Append(";\n\n");
            fixedFields.Add("new(" + name + ", " + name + "Value)");
        }

        fields.Add(name);
    }

    /// <summary><c>  =0b0101 meaning</c> under a field: what that value of the field means.</summary>
    private static void AppendMeaning(TableLine line, List<TableProblem> problems, List<string> fields, List<string> meanings)
    {
        var row = new RowReader(line, problems);
        var valueText = line.Cells[0].Text.Substring(1);
        if (fields.Count == 0)
        {
            row.Report(line.Cells[0], "a value's meaning must follow its field");
            return;
        }

        if (!TryValue(valueText, out var value) || line.Cells.Count < 2)
        {
            row.Report(line.Cells[0], "'" + line.Cells[0].Text + "' must be =value (0b…, 0x… or decimal) followed by its meaning");
            return;
        }

        meanings.Add("new(" + fields[fields.Count - 1] + ", " + value.ToString(CultureInfo.InvariantCulture) + "UL, " + CSharp.String(line.Rest(1)) + ")");
    }

    private static bool TryValue(string text, out ulong value)
    {
        value = 0;
        if (text.StartsWith("0b", System.StringComparison.Ordinal))
        {
            var digits = text.Substring(2);
            if (digits.Length == 0 || digits.Length > 64 || digits.Any(c => c is not ('0' or '1')))
            {
                return false;
            }

            foreach (var digit in digits)
            {
                value = (value << 1) | (digit == '1' ? 1UL : 0UL);
            }

            return true;
        }

        if (RowReader.TryNumber(text, out var number) && number >= 0)
        {
            value = (ulong)number;
            return true;
        }

        return false;
    }

    private static void Close(StringBuilder source, string? section, List<string> fields, List<string> meanings, List<PendingCondition> conditions, List<string> fixedFields, List<TableProblem> problems)
    {
        if (section is null)
        {
            return;
        }

        var emitted = new List<string>();
        foreach (var condition in conditions)
        {
            if (!fields.Contains(condition.On))
            {
                problems.Add(TableProblem.At(condition.Line, condition.Cell, "'" + condition.On + "' is not a field of this section"));
                continue;
            }

            var patterns = new List<string>();
            foreach (var alternative in condition.Values.Split('|'))
            {
                if (!TryPattern(alternative, out var value, out var care))
                {
                    problems.Add(TableProblem.At(condition.Line, condition.Cell, "'" + alternative + "' must be a number, or 0b digits with x for any bit"));
                    continue;
                }

                patterns.Add(string.Format(CultureInfo.InvariantCulture, "new(0x{0:X}UL, 0x{1:X}UL)", value, care));
            }

            emitted.Add("new(" + condition.Field + ", " + condition.On + ", [" + string.Join(", ", patterns) + "])");
        }

        source.Append("        /// <summary>The layout: every field, most significant first, what their named values mean, when a field applies, and the values the Arm ARM fixes.</summary>\n");
        source.Append("        public static readonly BitLayout Layout = new(").Append(CSharp.String(section))
            .Append(", ExceptionClassList, IsIss2, Description, [").Append(string.Join(", ", fields)).Append("],\n            [")
            .Append(string.Join(",\n             ", meanings)).Append("],\n            [")
            .Append(string.Join(", ", emitted)).Append("],\n            [")
            .Append(string.Join(", ", fixedFields)).Append("]);\n    }\n\n");
    }

    /// <summary>A value pattern: a number, or 0b digits where x matches either bit.</summary>
    private static bool TryPattern(string text, out ulong value, out ulong care)
    {
        value = 0;
        care = 0;
        if (text.StartsWith("0b", System.StringComparison.Ordinal))
        {
            var digits = text.Substring(2);
            if (digits.Length == 0 || digits.Length > 64 || digits.Any(c => c is not ('0' or '1' or 'x')))
            {
                return false;
            }

            foreach (var digit in digits)
            {
                value = (value << 1) | (digit == '1' ? 1UL : 0UL);
                care = (care << 1) | (digit == 'x' ? 0UL : 1UL);
            }

            return true;
        }

        care = ulong.MaxValue;
        return TryValue(text, out value);
    }

    /// <summary>An <c>if:FIELD=VALUE</c> of a field, resolved when its section closes (it may name a later field).</summary>
    private sealed record PendingCondition(string Field, string On, string Values, TableLine Line, TableCell Cell);

    private static bool IsBinary(string text, int width) =>
        text.StartsWith("0b", System.StringComparison.Ordinal) && text.Length == width + 2 && text.Skip(2).All(c => c is '0' or '1');

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
