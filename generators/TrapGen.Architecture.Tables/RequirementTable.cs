using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// register-requirements.table: <c>kind name condition source</c> (the source, the Arm ARM section that states it, is for reviewers). The kind is <c>a64</c> (an AArch64 register),
/// <c>a32</c> (an AArch32 register, every row of that name) or <c>sys</c> (a System instruction,
/// <c>DC_CVAP</c>); the condition is what the Arm ARM makes the register or instruction present on: a
/// feature (<c>FEAT_CCIDX</c>), features joined by <c>|</c> (any) or <c>&amp;</c> (all), <c>BRP&gt;n</c> /
/// <c>WRP&gt;n</c> / <c>PMN&gt;n</c> (breakpoint, watchpoint or event counter n exists), or <c>NEVER</c> (a
/// name binutils keeps for something no Armv8 CPU has). What no row names is present on every Armv8.0 CPU.
/// Rows become <c>Requirements</c>.
/// </summary>
internal static class RequirementTable
{
    private const string Columns = "kind name condition source";

    private static readonly Dictionary<string, string> Kinds = new(System.StringComparer.Ordinal)
    {
        ["a64"] = "RequirementKind.Aarch64Register",
        ["a32"] = "RequirementKind.Aarch32Register",
        ["sys"] = "RequirementKind.SystemInstruction",
    };

    public static TableOutput Translate(string file, string text, IReadOnlyCollection<string> registers)
    {
        var known = new HashSet<string>(registers, System.StringComparer.Ordinal);
        return RowTable.Translate(file, text, "Requirements", "RequirementRow", (row, line) =>
        {
            if (!row.HasCells(4, Columns))
            {
                return null;
            }

            var kind = row.Choice(0, Kinds);
            var name = line.Cells[1].Text;
            if (line.Cells[0].Text == "a64" && !known.Contains(name))
            {
                row.Report(line.Cells[1], "'" + name + "' is not a register of aarch64-registers.table");
                return null;
            }

            var condition = line.Cells[2].Text;
            if (!IsCondition(condition))
            {
                row.Report(line.Cells[2], "'" + condition + "' is not a condition: write a feature of features.table (FEAT_X), FEAT_X|FEAT_Y, FEAT_X&FEAT_Y (& before |: FEAT_X&FEAT_Y|FEAT_Z), BRP>n, WRP>n, PMN>n, CTX:n or NEVER");
                return null;
            }

            return string.Format(CultureInfo.InvariantCulture, "new({0}, {1}, {2})", kind, CSharp.String(name), CSharp.String(condition));
        });
    }

    /// <summary>Gets whether <paramref name="text"/> is a condition of this table's grammar; register-write-masks.table's conditions are too.</summary>
    public static bool IsCondition(string text)
    {
        if (text == "NEVER")
        {
            return true;
        }

        if (text.StartsWith("CTX:", System.StringComparison.Ordinal))
        {
            return int.TryParse(text.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var breakpoint) && breakpoint <= 15;
        }

        if (text.StartsWith("BRP>", System.StringComparison.Ordinal) || text.StartsWith("WRP>", System.StringComparison.Ordinal) || text.StartsWith("PMN>", System.StringComparison.Ordinal))
        {
            return int.TryParse(text.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 31;
        }

        // A sum of products: FEAT_X&FEAT_Y|FEAT_Z is (FEAT_X and FEAT_Y) or FEAT_Z.
        return text.Split('|', '&').All(f => RowReader.IsName(f.ToUpperInvariant()));
    }
}
