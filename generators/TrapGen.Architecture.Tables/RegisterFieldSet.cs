using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// The fields of the registers one table has read so far, as <c>register field lsb width</c> in its first four
/// cells: reads a row's field and reports (never throws) a register aarch64-registers.table lacks, a malformed
/// name, lsb or width, a field beyond bit 63, a field name its register already has (ignoring case) and a
/// field that shares a bit with another of its register. register-fields.table and
/// register-write-masks.table both read their fields through it.
/// </summary>
internal sealed class RegisterFieldSet(IReadOnlyCollection<string> registers)
{
    private readonly HashSet<string> known = new(registers, System.StringComparer.Ordinal);

    private readonly Dictionary<string, List<Field>> fields = new(System.StringComparer.Ordinal);

    /// <summary>Reads the field in <paramref name="row"/>'s first four cells and adds it; null (reported) when it is not one.</summary>
    public Field? Read(RowReader row)
    {
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

        var field = new Field(register.Text, name.Text, lsb, width);
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
        return field;
    }

    /// <summary>A field name as the Arm ARM spells it: letters, digits and '_', starting with a letter (<c>nTLBPA</c>, <c>RNDR_trap</c>).</summary>
    private static bool IsFieldName(string text) =>
        text.Length > 0 && IsLetter(text[0]) && text.All(c => IsLetter(c) || (c >= '0' && c <= '9') || c == '_');

    private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    /// <summary>A register's field, as a table row gives it.</summary>
    internal sealed record Field(string Register, string Name, int Lsb, int Width)
    {
        public int Msb => Lsb + Width - 1;

        public string Range => Width == 1
            ? Lsb.ToString(CultureInfo.InvariantCulture)
            : string.Format(CultureInfo.InvariantCulture, "{0}:{1}", Msb, Lsb);
    }
}
