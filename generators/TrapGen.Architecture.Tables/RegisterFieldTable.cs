using System.Collections.Generic;
using System.Globalization;

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
        var fields = new RegisterFieldSet(registers);
        return RowTable.Translate(file, text, "RegisterFields", "(string Register, BitField Field, bool Signed)", (row, line) =>
        {
            if (line.Cells.Count != 5 && !row.HasCells(4, Columns))
            {
                return null;
            }

            if (!row.TryFlag(4, "signed", out var signed) || fields.Read(row) is not { } field)
            {
                return null;
            }

            return string.Format(CultureInfo.InvariantCulture, "({0}, new BitField({1}, {2}, {3}), {4})", CSharp.String(field.Register), CSharp.String(field.Name), field.Lsb, field.Width, signed ? "true" : "false");
        });
    }
}
