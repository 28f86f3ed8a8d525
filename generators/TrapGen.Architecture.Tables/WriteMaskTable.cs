using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// register-write-masks.table: <c>register field lsb width condition absent</c>. Each row says that a field of
/// an AArch64 register exists when its condition holds (<c>-</c> always; otherwise register-requirements.table's
/// grammar: FEAT_X, FEAT_X|FEAT_Y, FEAT_X&amp;FEAT_Y, NEVER) and reads as <c>RES0</c> or <c>RES1</c> when it does
/// not. Rows become <c>WriteMasks</c>; a row that is malformed, names a register aarch64-registers.table lacks,
/// repeats a field name of its register or overlaps one of its fields is reported and left out.
/// </summary>
internal static class WriteMaskTable
{
    private const string Columns = "register field lsb width condition absent";

    private static readonly Dictionary<string, string> Absences = new(System.StringComparer.Ordinal)
    {
        ["RES0"] = "FieldAbsence.Res0",
        ["RES1"] = "FieldAbsence.Res1",
    };

    public static TableOutput Translate(string file, string text, IReadOnlyCollection<string> registers)
    {
        var fields = new RegisterFieldSet(registers);
        return RowTable.Translate(file, text, "WriteMasks", "WriteMaskRow", (row, line) =>
        {
            if (!row.HasCells(6, Columns) || fields.Read(row) is not { } field)
            {
                return null;
            }

            var condition = row.Cell(4);
            var absent = row.Cell(5);
            var always = condition.Text == RowReader.Empty;
            if (!always && !RequirementTable.IsCondition(condition.Text))
            {
                row.Report(condition, "'" + condition.Text + "' is not a condition: write '-' (every CPU), a feature of features.table (FEAT_X), FEAT_X|FEAT_Y, FEAT_X&FEAT_Y or NEVER");
                return null;
            }

            var absence = "FieldAbsence.None";
            if (always ? absent.Text != RowReader.Empty : !Absences.TryGetValue(absent.Text, out absence))
            {
                row.Report(absent, always
                    ? "'" + absent.Text + "' must be '-': a field every CPU has is never absent"
                    : "'" + absent.Text + "' must be RES0 or RES1: what the field reads as on a CPU without " + condition.Text);
                return null;
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "new({0}, new BitField({1}, {2}, {3}), {4}, {5})",
                CSharp.String(field.Register),
                CSharp.String(field.Name),
                field.Lsb,
                field.Width,
                always ? "null" : CSharp.String(condition.Text),
                absence);
        });
    }
}
