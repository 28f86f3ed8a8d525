using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// trapped-instructions.table: class name key operand needs traps. Each row becomes a <c>TrappedInstruction</c> of
/// TrapGen.Architecture's <c>TrappedInstructions</c>: an instruction that accesses no register (WFI, SMC), the class
/// that reports it, the values of that class's key fields that identify it, and the controls that trap it, which trap
/// it whatever its direction: trap-controls.table's by name, fine-grained-traps.table's fields as REGISTER.FIELD where the
/// instruction's pseudocode checks them (HFGITR_EL2.ERET before HCR_EL2.NV), each of which that table must list as
/// trapping the instruction, as it must list no other.
/// </summary>
internal static class TrappedInstructionTable
{
    private const string Columns = "class name key operand needs traps";

    /// <summary>The operand column: whether the instruction names a register, and whether a base register of its address, the syndrome reports.</summary>
    private static readonly Dictionary<string, string> Operands = new()
    {
        ["Xt"] = "true, false",
        ["Xt,Xn|SP"] = "true, true",
        [RowReader.Empty] = "false, false",
    };

    public static TableOutput Translate(string file, string text, IReadOnlyDictionary<string, string> controls, IReadOnlyDictionary<string, List<string>> fineGrained) =>
        RowTable.Translate(file, text, "TrappedInstructions", "TrappedInstruction", (row, line) =>
        {
            if (!row.HasCells(6, Columns))
            {
                return null;
            }

            var trapClass = line.Cells[0].Text;
            if (trapClass.Length == 0 || !char.IsUpper(trapClass[0]) || !trapClass.All(char.IsLetterOrDigit))
            {
                row.Report(line.Cells[0], "'" + trapClass + "' must be a trap class of trap-classes.table, by its PascalCase name");
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "new(TrapClasses.{0}, {1}, {2}, {3}, {4}, {5})",
                trapClass, row.Name(1), Key(row, line.Cells[2]), row.Choice(3, Operands), row.Condition(4), Traps(row, line.Cells[5], controls, line.Cells[1].Text, fineGrained.TryGetValue(line.Cells[1].Text, out var listed) ? listed : []));
        });

    /// <summary><c>FIELD=value</c> pairs, comma-separated, as a C# collection of (name, value) tuples; '-' for none.</summary>
    private static string Key(RowReader row, TableCell cell)
    {
        var pairs = new List<string>();
        foreach (var pair in cell.Text == RowReader.Empty ? [] : cell.Text.Split(','))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !RowReader.TryNumber(pair.Substring(equals + 1), out var value))
            {
                row.Report(cell, "'" + pair + "' must be FIELD=value, the value of one of the class's key fields (TI=2)");
                continue;
            }

            pairs.Add("(" + CSharp.String(pair.Substring(0, equals)) + ", " + value.ToString(CultureInfo.InvariantCulture) + ")");
        }

        return "[" + string.Join(", ", pairs) + "]";
    }

    /// <summary>
    /// Control names, comma-separated, in the pseudocode's order: an instruction traps whatever its direction. A fine-grained
    /// field is REGISTER.FIELD, one of <paramref name="listed"/> (the rules fine-grained-traps.table gives the instruction),
    /// and every one of those must be named.
    /// </summary>
    private static string Traps(RowReader row, TableCell cell, IReadOnlyDictionary<string, string> controls, string name, IReadOnlyList<string> listed)
    {
        var rules = new List<string>();
        var named = new HashSet<string>();
        foreach (var control in cell.Text == RowReader.Empty ? [] : cell.Text.Split(','))
        {
            var dot = control.IndexOf('.');
            if (dot > 0)
            {
                var field = "FineGrainedTraps." + control.Substring(0, dot) + "_" + control.Substring(dot + 1);
                if (!listed.Any(rule => rule.StartsWith("new(" + field + ",", System.StringComparison.Ordinal)))
                {
                    row.Report(cell, "'" + control + "': fine-grained-traps.table does not list it as trapping " + name);
                    continue;
                }

                named.Add(field);
                rules.Add("new(" + field + ", AccessDirection.ReadWrite)");
                continue;
            }

            if (!controls.ContainsKey(control))
            {
                row.Report(cell, "'" + control + "' is not a trap control of trap-controls.table (" + string.Join(", ", controls.Keys) + ")");
                continue;
            }

            rules.Add("new(TrapControls." + control + ", AccessDirection.ReadWrite)");
        }

        foreach (var rule in listed.Where(rule => !named.Any(field => rule.StartsWith("new(" + field + ",", System.StringComparison.Ordinal))))
        {
            row.Report(cell, "fine-grained-traps.table's " + rule.Substring(4, rule.IndexOf(',') - 4).Replace("FineGrainedTraps.", string.Empty) + " traps this instruction: name it (REGISTER.FIELD) where its pseudocode checks it");
        }

        return "[" + string.Join(", ", rules) + "]";
    }
}
