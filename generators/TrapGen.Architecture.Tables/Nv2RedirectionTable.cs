using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// nv2-redirections.table: <c>register to section</c>. Each row becomes a <c>Nv2Redirection</c> of TrapGen.Architecture's
/// <c>Nv2Redirections</c>: an EL2 register of aarch64-registers.table (<c>registers</c>) whose EL1 accesses reach an EL1
/// register instead while the Effective HCR_EL2.{NV, NV2} is {1, 1}.
/// </summary>
internal static class Nv2RedirectionTable
{
    private const string Columns = "register to section";

    public static TableOutput Translate(string file, string text, IReadOnlyCollection<string> registers) =>
        RowTable.Translate(file, text, "Nv2Redirections", "Nv2Redirection", (row, line) =>
        {
            if (!row.HasCells(3, Columns))
            {
                return null;
            }

            foreach (var cell in line.Cells.Take(2).Where(cell => !registers.Contains(cell.Text)))
            {
                row.Report(cell, "'" + cell.Text + "' is not a register of aarch64-registers.table");
                return null;
            }

            if (!line.Cells[0].Text.EndsWith("_EL2", System.StringComparison.Ordinal) || !line.Cells[1].Text.EndsWith("_EL1", System.StringComparison.Ordinal))
            {
                row.Report(line.Cells[0], "'" + line.Cells[0].Text + " " + line.Cells[1].Text + "': a redirection takes an EL2 register's access to an EL1 register (ESR_EL2 ESR_EL1)");
                return null;
            }

            if (line.Cells[2].Text == RowReader.Empty)
            {
                row.Report(line.Cells[2], "give the Arm ARM sections the row comes from (D8.14.6.1)");
            }

            return "new(Aarch64Registers.Named(" + row.Name(0) + "), Aarch64Registers.Named(" + row.Name(1) + "), " + CSharp.String(line.Cells[2].Text) + ")";
        });
}
