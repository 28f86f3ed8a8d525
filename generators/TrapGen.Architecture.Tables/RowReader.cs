using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// Reads the typed cells of one table row and turns each into a C# expression. Every malformed cell
/// becomes a <see cref="TableProblem"/>; nothing throws.
/// </summary>
internal sealed class RowReader(TableLine line, List<TableProblem> problems)
{
    /// <summary>The spelling for an empty cell.</summary>
    public const string Empty = "-";

    /// <summary>Gets whether the row has exactly <paramref name="count"/> cells; reports it when not.</summary>
    public bool HasCells(int count, string columns)
    {
        if (line.Cells.Count == count)
        {
            return true;
        }

        problems.Add(TableProblem.At(line, string.Format(CultureInfo.InvariantCulture, "expected {0} columns ({1}), found {2}; write '-' for an empty cell", count, columns, line.Cells.Count)));
        return false;
    }

    /// <summary>
    /// Gets whether the row has <paramref name="count"/> cells, or one more (an optional last column); reports it when
    /// not.
    /// </summary>
    public bool HasCellsOrOneMore(int count, string columns)
    {
        if (line.Cells.Count == count || line.Cells.Count == count + 1)
        {
            return true;
        }

        problems.Add(TableProblem.At(line, string.Format(CultureInfo.InvariantCulture, "expected {0} or {1} columns ({2}), found {3}; write '-' for an empty cell", count, count + 1, columns, line.Cells.Count)));
        return false;
    }

    /// <summary>Gets the optional last cell at <paramref name="index"/> as C# text (null when absent or '-').</summary>
    public string OptionalLastText(int index) => line.Cells.Count > index ? OptionalText(index) : "null";

    public TableCell Cell(int index) => line.Cells[index];

    /// <summary>
    /// Reads an optional cell at <paramref name="index"/> that may only be the word <paramref name="flag"/> (<c>signed</c>):
    /// <paramref name="present"/> says whether it is there; anything else there is reported, and false returned.
    /// </summary>
    public bool TryFlag(int index, string flag, out bool present)
    {
        present = line.Cells.Count > index;
        if (present && line.Cells[index].Text != flag)
        {
            Report(line.Cells[index], "'" + line.Cells[index].Text + "' must be '" + flag + "' or left out");
            return false;
        }

        return true;
    }

    /// <summary>An upper-case architectural name: letters, digits and '_'.</summary>
    public string Name(int index)
    {
        var cell = line.Cells[index];
        if (!IsName(cell.Text))
        {
            Report(cell, "'" + cell.Text + "' is not a register name: use upper-case letters, digits and '_', starting with a letter");
        }

        return CSharp.String(cell.Text);
    }

    /// <summary>A field name as the Arm ARM spells it (TVM, EnSCXT, nTCR2_EL1): a letter, then letters, digits and '_'.</summary>
    public string FieldName(int index)
    {
        var cell = line.Cells[index];
        var text = cell.Text;
        if (text.Length == 0 || !char.IsLetter(text[0]) || !text.All(c => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
        {
            Report(cell, "'" + text + "' is not a field name: use letters, digits and '_', starting with a letter, as the Arm ARM spells it");
        }

        return CSharp.String(text);
    }

    public int Int(int index, int min, int max)
    {
        TryInt(index, min, max, out var value);
        return value;
    }

    /// <summary>Reads a number from <paramref name="min"/> to <paramref name="max"/>; reports it and gives <paramref name="min"/> when the cell is not one.</summary>
    public bool TryInt(int index, int min, int max, out int value)
    {
        var cell = line.Cells[index];
        if (!TryNumber(cell.Text, out value) || value < min || value > max)
        {
            Report(cell, string.Format(CultureInfo.InvariantCulture, "'{0}' must be a number from {1} to {2}", cell.Text, min, max));
            value = min;
            return false;
        }

        return true;
    }

    /// <summary>A number, or '-' (read as 0) when <paramref name="dash"/> says the cell must be empty.</summary>
    public int IntOrEmpty(int index, int min, int max, bool dash)
    {
        var cell = line.Cells[index];
        if (dash)
        {
            if (cell.Text != Empty)
            {
                Report(cell, "'" + cell.Text + "' must be '-' in this form");
            }

            return 0;
        }

        return Int(index, min, max);
    }

    /// <summary>One of <paramref name="choices"/>, returning its C# expression.</summary>
    public string Choice(int index, IReadOnlyDictionary<string, string> choices)
    {
        var cell = line.Cells[index];
        if (choices.TryGetValue(cell.Text, out var expression))
        {
            return expression;
        }

        Report(cell, "'" + cell.Text + "' must be one of: " + string.Join(", ", choices.Keys));
        return choices.Values.First();
    }

    /// <summary>Free text without spaces, or null for '-'.</summary>
    public string OptionalText(int index)
    {
        var text = line.Cells[index].Text;
        return text == Empty ? "null" : CSharp.String(text);
    }

    /// <summary>A condition of register-requirements.table's grammar (FEAT_X, FEAT_X|FEAT_Y, ...) as a string literal, or null for '-'.</summary>
    public string Condition(int index)
    {
        var cell = line.Cells[index];
        if (cell.Text == Empty)
        {
            return "null";
        }

        if (!RequirementTable.IsCondition(cell.Text))
        {
            Report(cell, "'" + cell.Text + "' is not a condition: write a feature of features.table (FEAT_X), FEAT_X|FEAT_Y or FEAT_X&FEAT_Y, or - for none");
            return "null";
        }

        return CSharp.String(cell.Text);
    }

    /// <summary>A name or '-'.</summary>
    public string OptionalName(int index) => line.Cells[index].Text == Empty ? "null" : Name(index);

    /// <summary>Comma-separated names, or '-' for none.</summary>
    public string Names(int index)
    {
        var cell = line.Cells[index];
        if (cell.Text == Empty)
        {
            return "[]";
        }

        var names = cell.Text.Split(',');
        foreach (var name in names.Where(n => !IsName(n)))
        {
            Report(cell, "'" + name + "' is not a register name: write names separated by ',' without spaces");
        }

        return "[" + string.Join(", ", names.Select(CSharp.String)) + "]";
    }

    /// <summary>What a traps cell writes for an el 2 row that HCR_EL2.NV does not trap, though its class says it would.</summary>
    public const string NotNestedVirtualisation = "!NV";

    /// <summary>The tests of HCR_EL2.&lt;NV2,NV1,NV&gt; a rule may need (CONTROL@101:rw), as C# NvxCondition values.</summary>
    public static readonly Dictionary<string, string> NvxConditions = new()
    {
        ["111"] = "NvxCondition.Nvx111",
        ["101"] = "NvxCondition.Nvx101",
        ["1x1"] = "NvxCondition.Nvx1x1",
    };

    /// <summary>
    /// Comma-separated <c>CONTROL:r|w|rw</c>, or '-' for none, with the row's <paramref name="fineGrained"/> rules
    /// (fine-grained-traps.table's) where the Arm ARM's accessor pseudocode checks them: after the HCR_EL2 and
    /// CPTR_EL2 controls, before the MDCR_EL2, CNTHCTL_EL2, HCRX_EL2, ICH_HCR_EL2 and MPAM ones (ICC_IGRPEN&lt;n&gt;_EL1's field before TALL0/TALL1). <paramref name="controls"/> gives each
    /// control's register, by name. <paramref name="leading"/> rules come first (HSTR_EL2.T&lt;n&gt; of a cp15 row).
    /// </summary>
    public string Traps(int index, IReadOnlyDictionary<string, string> controls, IReadOnlyList<string>? fineGrained = null, IReadOnlyList<string>? leading = null)
    {
        var cell = line.Cells[index];
        var rules = new List<string>();
        var nested = new List<string>();
        var fineGrainedAt = -1;
        foreach (var rule in cell.Text == Empty ? [] : cell.Text.Split(','))
        {
            if (rule == NotNestedVirtualisation)
            {
                // No rule: the row is out of HCR_EL2.NV's class, which KindTranslators adds as a leading rule.
                continue;
            }

            var colon = rule.IndexOf(':');
            var control = colon < 0 ? rule : rule.Substring(0, colon);
            var direction = colon < 0 ? string.Empty : rule.Substring(colon + 1);
            var counter = string.Empty;
            var at = control.IndexOf('@');
            if (at >= 0)
            {
                // A rule that traps only under a test of HCR_EL2.<NV2,NV1,NV> (FEAT_NV2): EL1NVPCT@101. It comes before the row's
                // other rules, HCR_EL2.NV's leading one too, as the pseudocode checks it before its memory access and NV's trap.
                if (!NvxConditions.TryGetValue(control.Substring(at + 1), out var nvx) || rules.Count > 0)
                {
                    Report(cell, "'" + rule + "': CONTROL@NVX traps only under an HCR_EL2.<NV2,NV1,NV> of " + string.Join(", ", NvxConditions.Keys) + ", and comes before the row's other rules");
                    continue;
                }

                control = control.Substring(0, at);
                counter = " { Nvx = " + nvx + " }";
            }

            var bracket = control.IndexOf('[');
            if (bracket >= 0)
            {
                // An event counter limit's rule names the counter its access reaches: HPMN[5], or HPMN[SEL] for PMSELR_EL0.SEL's.
                var counterText = control.EndsWith("]", System.StringComparison.Ordinal) ? control.Substring(bracket + 1, control.Length - bracket - 2) : string.Empty;
                control = control.Substring(0, bracket);
                if (counterText == SelectedCounter)
                {
                    counter = " { CounterSelected = true }";
                }
                else if (TryNumber(counterText, out var n) && n <= 30)
                {
                    counter = " { Counter = " + n.ToString(CultureInfo.InvariantCulture) + " }";
                }
                else
                {
                    Report(cell, "'" + rule + "': a counter is CONTROL[n] with n from 0 to 30, or CONTROL[" + SelectedCounter + "] for the one PMSELR_EL0.SEL selects");
                    continue;
                }
            }
            if (!controls.TryGetValue(control, out var register))
            {
                Report(cell, "'" + control + "' is not a trap control of trap-controls.table (" + string.Join(", ", controls.Keys) + ")");
                continue;
            }

            if (!Directions.TryGetValue(direction, out var expression))
            {
                Report(cell, "'" + rule + "' must be CONTROL:r, CONTROL:w or CONTROL:rw");
                continue;
            }

            if (fineGrainedAt < 0 && register is "MDCR_EL2" or "CNTHCTL_EL2" or "HCRX_EL2" or "ICH_HCR_EL2" or "MPAM2_EL2" or "MPAMBW2_EL2" or "MPAMHCR_EL2")
            {
                fineGrainedAt = rules.Count;
            }

            (at >= 0 ? nested : rules).Add("new(TrapControls." + control + ", " + expression + ")" + counter);
        }

        rules.InsertRange(fineGrainedAt < 0 ? rules.Count : fineGrainedAt, fineGrained ?? []);
        rules.InsertRange(0, leading ?? []);
        rules.InsertRange(0, nested);
        return "[" + string.Join(", ", rules) + "]";
    }

    public static bool IsName(string text) =>
        text.Length > 0 && text[0] >= 'A' && text[0] <= 'Z' && text.All(c => (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');

    public static bool TryNumber(string text, out int value)
    {
        if (text.StartsWith("0x", System.StringComparison.Ordinal))
        {
            return int.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    public void Report(TableCell cell, string message) => problems.Add(TableProblem.At(line, cell, message));

    /// <summary>A counter rule's index for the event counter PMSELR_EL0.SEL (PMSELR.SEL) selects: <c>HPMN[SEL]</c>.</summary>
    private const string SelectedCounter = "SEL";

    private static readonly Dictionary<string, string> Directions = new()
    {
        ["r"] = "AccessDirection.Read",
        ["w"] = "AccessDirection.Write",
        ["rw"] = "AccessDirection.ReadWrite",
    };
}
