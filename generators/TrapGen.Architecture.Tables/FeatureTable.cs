using System.Collections.Generic;
using System.Globalization;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// features.table: <c>feature register field min [signed]</c>. Each row says that an Arm architecture
/// feature (FEAT_CCIDX) is implemented when an ID register's field (ID_AA64MMFR2_EL1.CCIDX) is at least
/// <c>min</c>; <c>signed</c> marks a field whose all-ones value means "not implemented" (ID_AA64PFR0_EL1.FP).
/// A feature may have several rows (any of them is enough). Rows become <c>Features</c>.
/// </summary>
internal static class FeatureTable
{
    private const string Columns = "feature register field min [signed]";

    public static TableOutput Translate(string file, string text, IReadOnlyCollection<string> registers)
    {
        var known = new HashSet<string>(registers, System.StringComparer.Ordinal);
        return RowTable.Translate(file, text, "Features", "FeatureField", (row, line) =>
        {
            if (line.Cells.Count is < 4 or > 5)
            {
                row.Report(line.Cells[0], "expected " + Columns + ", found " + line.Cells.Count.ToString(CultureInfo.InvariantCulture) + " cells");
                return null;
            }

            var feature = line.Cells[0].Text;
            if (!RowReader.IsName(feature.ToUpperInvariant()))
            {
                row.Report(line.Cells[0], "'" + feature + "' is not a feature name: write FEAT_ and the Arm ARM's name, or a capability's name in letters, digits and '_'");
                return null;
            }

            if (!known.Contains(line.Cells[1].Text))
            {
                row.Report(line.Cells[1], "'" + line.Cells[1].Text + "' is not a register of aarch64-registers.table");
                return null;
            }

            if (!row.TryFlag(4, "signed", out var signed))
            {
                return null;
            }

            return row.TryInt(3, 0, 15, out var min)
                ? string.Format(CultureInfo.InvariantCulture, "new({0}, {1}, {2}, {3}, {4})", CSharp.String(feature), CSharp.String(line.Cells[1].Text), CSharp.String(line.Cells[2].Text), min, signed ? "true" : "false")
                : null;
        });
    }
}
