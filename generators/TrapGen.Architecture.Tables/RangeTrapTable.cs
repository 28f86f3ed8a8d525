using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// range-traps.table: <c>control state op0 op1 CRn CRm op2 traps feature section</c>. Each row becomes a
/// <c>RangeTrap</c> of TrapGen.Architecture's <c>RangeTraps</c>: a control that traps every encoding of a range in one
/// Execution state (HCR_EL2.TID3's ID space, TIDCP's IMPLEMENTATION DEFINED space). The state names the trap class,
/// and the five encoding columns its key fields: Op0, Op1, CRn, CRm, Op2 in AArch64; Opc1, CRn, CRm, Opc2 in AArch32,
/// whose op0 is '-'. A field is values and ranges, comma-separated (<c>0-2,5-8</c>), each within its field.
/// </summary>
internal static class RangeTrapTable
{
    private const string Columns = "control state op0 op1 CRn CRm op2 traps feature section";

    /// <summary>Each state's trap class (trap-classes.table's name) and whether it is AArch64.</summary>
    private static readonly Dictionary<string, (string Class, bool Aarch64)> States = new()
    {
        ["aarch64"] = ("Msr", true),
        ["sys128"] = ("Sys128", true),
        ["cp15"] = ("Mcr", false),
        ["cp14"] = ("Cp14Mcr", false),
        ["vmrs"] = ("Vmrs", false),
    };

    private static readonly Dictionary<string, string> Directions = new()
    {
        ["r"] = "AccessDirection.Read",
        ["w"] = "AccessDirection.Write",
        ["rw"] = "AccessDirection.ReadWrite",
    };

    /// <summary>The encoding columns: each one's AArch64 and AArch32 key field name and its largest value (op0 2 bits, op1 and op2 3, CRn and CRm 4).</summary>
    private static readonly (string Aarch64, string Aarch32, int Max)[] Fields =
    [
        ("Op0", "-", 3),
        ("Op1", "Opc1", 7),
        ("CRn", "CRn", 15),
        ("CRm", "CRm", 15),
        ("Op2", "Opc2", 7),
    ];

    public static TableOutput Translate(string file, string text, IReadOnlyDictionary<string, string> controls) =>
        RowTable.Translate(file, text, "RangeTraps", "RangeTrap", (row, line) =>
        {
            if (!row.HasCells(10, Columns))
            {
                return null;
            }

            var control = line.Cells[0].Text;
            if (!controls.ContainsKey(control))
            {
                row.Report(line.Cells[0], "'" + control + "' is not a trap control of trap-controls.table (" + string.Join(", ", controls.Keys) + ")");
                return null;
            }

            if (!States.TryGetValue(line.Cells[1].Text, out var state))
            {
                row.Report(line.Cells[1], "'" + line.Cells[1].Text + "' must be one of: " + string.Join(", ", States.Keys));
                return null;
            }

            var fields = new List<string>();
            for (var i = 0; i < Fields.Length; i++)
            {
                var cell = line.Cells[2 + i];
                var name = state.Aarch64 ? Fields[i].Aarch64 : Fields[i].Aarch32;
                if (name == RowReader.Empty)
                {
                    if (cell.Text != RowReader.Empty)
                    {
                        row.Report(cell, "'" + cell.Text + "' must be '-': an AArch32 access has no op0");
                    }

                    continue;
                }

                fields.Add("new(" + CSharp.String(name) + ", " + Ranges(row, cell, Fields[i].Max) + ")");
            }

            var direction = row.Choice(7, Directions);
            var feature = row.Condition(8);
            var section = line.Cells[9].Text;
            if (section == RowReader.Empty)
            {
                row.Report(line.Cells[9], "give the Arm ARM sections the row comes from (D24.2.62)");
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "new(TrapControls.{0}, TrapClasses.{1}, {2}, [{3}], {4}, {5}, {6})",
                control, state.Class, CSharp.String(line.Cells[1].Text), string.Join(", ", fields), direction, feature, CSharp.String(section));
        });

    /// <summary>Values and ranges, comma-separated (<c>0-2,5-8</c>), as a C# collection of (low, high) tuples, each within 0 to <paramref name="max"/>.</summary>
    private static string Ranges(RowReader row, TableCell cell, int max)
    {
        var ranges = new List<string>();
        var previous = -1;
        foreach (var part in cell.Text.Split(','))
        {
            var dash = part.IndexOf('-');
            var lowText = dash < 0 ? part : part.Substring(0, dash);
            var highText = dash < 0 ? part : part.Substring(dash + 1);
            if (!RowReader.TryNumber(lowText, out var low) || !RowReader.TryNumber(highText, out var high) || low > high || high > max)
            {
                row.Report(cell, "'" + part + "' must be a value or a range low-high from 0 to " + max.ToString(CultureInfo.InvariantCulture) + " (2-7)");
                continue;
            }

            if (low <= previous)
            {
                row.Report(cell, "'" + part + "' must come after the values before it, without overlapping them");
            }

            previous = high;
            ranges.Add(string.Format(CultureInfo.InvariantCulture, "({0}, {1})", low, high));
        }

        return "[" + string.Join(", ", ranges) + "]";
    }
}
