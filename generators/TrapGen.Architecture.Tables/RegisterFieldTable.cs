using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// register-fields.table: register field lsb width [signed]. Each row becomes a (register, BitField, signed)
/// row of <c>RegisterFields</c>; a row that is malformed, names a register aarch64-registers.table lacks,
/// repeats a field name of its register or overlaps one of its fields is reported and left out.
/// </summary>
internal static class RegisterFieldTable
{
    private const string Columns = "register field lsb width [signed]";

    public static TableOutput Translate(string file, string text, IReadOnlyCollection<string> registers)
    {
        var known = new HashSet<string>(registers, System.StringComparer.Ordinal);
        var fields = new Dictionary<string, List<Field>>(System.StringComparer.Ordinal);
        return RowTable.Translate(file, text, "RegisterFields", "(string Register, BitField Field, bool Signed)", (row, line) =>
        {
            if (line.Cells.Count != 5 && !row.HasCells(4, Columns))
            {
                return null;
            }

            if (!row.TryFlag(4, "signed", out var signed))
            {
                return null;
            }

            var register = row.Cell(0);
            var name = row.Cell(1);
            var valid = true;
            if (!RowReader.IsName(register.Text))
            {
                row.Report(register, "'" + register.Text + "' is not a register name: use upper-case letters, digits and '_', starting with a letter");
                valid = false;
            }
            else if (!known.Contains(register.Text))
            {
                row.Report(register, "'" + register.Text + "' is not a register of aarch64-registers.table");
                valid = false;
            }

            if (!IsFieldName(name.Text))
            {
                row.Report(name, "'" + name.Text + "' is not a field name: use letters, digits and '_', starting with a letter, as the Arm ARM spells it");
                valid = false;
            }

            valid &= row.TryInt(2, 0, 63, out var lsb);
            valid &= row.TryInt(3, 1, 64, out var width);
            if (!valid)
            {
                return null;
            }

            var field = new Field(name.Text, lsb, width);
            if (field.Msb > 63)
            {
                row.Report(row.Cell(3), string.Format(CultureInfo.InvariantCulture, "{0} bits from bit {1} end at bit {2}, beyond bit 63", width, lsb, field.Msb));
                return null;
            }

            if (!fields.TryGetValue(register.Text, out var others))
            {
                others = [];
                fields.Add(register.Text, others);
            }

            if (others.FirstOrDefault(other => string.Equals(other.Name, field.Name, System.StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                row.Report(name, register.Text + " already has a field " + same.Name + " [" + same.Range + "]: field names are unique in a register, ignoring case");
                return null;
            }

            if (others.FirstOrDefault(other => other.Lsb <= field.Msb && field.Lsb <= other.Msb) is { } overlapped)
            {
                row.Report(row.Cell(2), register.Text + "." + field.Name + " [" + field.Range + "] overlaps " + overlapped.Name + " [" + overlapped.Range + "]");
                return null;
            }

            others.Add(field);
            return string.Format(CultureInfo.InvariantCulture, "({0}, new BitField({1}, {2}, {3}), {4})", CSharp.String(register.Text), CSharp.String(field.Name), lsb, width, signed ? "true" : "false");
        });
    }

    /// <summary>A field name as the Arm ARM spells it: letters, digits and '_', starting with a letter (<c>nTLBPA</c>, <c>RNDR_trap</c>).</summary>
    private static bool IsFieldName(string text) =>
        text.Length > 0 && IsLetter(text[0]) && text.All(c => IsLetter(c) || (c >= '0' && c <= '9') || c == '_');

    private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private sealed record Field(string Name, int Lsb, int Width)
    {
        public int Msb => Lsb + Width - 1;

        public string Range => Width == 1
            ? Lsb.ToString(CultureInfo.InvariantCulture)
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1}", Msb, Lsb);
    }
}
