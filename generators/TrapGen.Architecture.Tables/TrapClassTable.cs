using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TrapGen.Architecture.Tables;

/// <summary>One row of trap-classes.table, checked against the layouts it names.</summary>
/// <param name="Name">The class's name, PascalCase.</param>
/// <param name="ExceptionClass">ESR_EL2.EC.</param>
/// <param name="State">The <c>TrapClassState</c> member of its state column: <c>Aarch64</c>, <c>Aarch32</c> or <c>Either</c>.</param>
/// <param name="Layout">Its ISS layout.</param>
/// <param name="Form">msr, mcr, mcrr or ldc; null for <c>-</c>.</param>
/// <param name="Coprocessor">15, 14 or 10; 0 for <c>-</c>.</param>
/// <param name="Key">The key fields, in order.</param>
/// <param name="Transfer">Rt, Rt and Rt2, or Rn, imm8, Offset and AM; for a class without a form, none, its instructions' register, or that and their address's base register.</param>
/// <param name="Read">Never, DirectionOne, DirectionZero or Always (the <c>ReadWhen</c> member).</param>
/// <param name="Condition">CV and COND, and CCKNOWNPASS.</param>
/// <param name="Immediate">The immediate field, or null.</param>
/// <param name="ListedRowsOnly">True for <c>space rows</c>.</param>
/// <param name="Instructions">The instructions it reports.</param>
internal sealed record TrapClassRow(
    string Name,
    int ExceptionClass,
    string State,
    LayoutSection Layout,
    string? Form,
    int Coprocessor,
    IReadOnlyList<LayoutField> Key,
    IReadOnlyList<LayoutField> Transfer,
    string Read,
    IReadOnlyList<LayoutField> Condition,
    LayoutField? Immediate,
    bool ListedRowsOnly,
    string Instructions)
{
    /// <summary>The Direction field, when the class has one.</summary>
    public LayoutField? Direction => Layout.Field("Direction");
}

/// <summary>
/// trap-classes.table: name ec state layout form cp key transfer read condition immediate space instructions.
/// Each row becomes a <c>TrapClass</c> of <c>TrapClasses</c> (TrapGen.Architecture) and, when it has a form,
/// the fixed ISS helpers of TrapGen.Abstractions (<see cref="FixedTypesTable"/>).
/// </summary>
internal static class TrapClassTable
{
    private const string Columns = "name ec state layout form cp key transfer read condition immediate space instructions";

    private static readonly Dictionary<string, string> Forms = new()
    {
        ["msr"] = "AccessForm.Msr",
        ["msrr"] = "AccessForm.Msrr",
        ["mcr"] = "AccessForm.Mcr",
        ["mcrr"] = "AccessForm.Mcrr",
        ["ldc"] = "AccessForm.LdcStc",
        [RowReader.Empty] = "null",
    };

    private static readonly Dictionary<string, string> States = new()
    {
        ["a64"] = "Aarch64",
        ["a32"] = "Aarch32",
        ["any"] = "Either",
    };

    private static readonly Dictionary<string, string> Reads = new()
    {
        ["Direction=1"] = "DirectionOne",
        ["Direction=0"] = "DirectionZero",
        ["always"] = "Always",
        [RowReader.Empty] = "Never",
    };

    /// <summary>The transfer fields each form needs, by role.</summary>
    private static readonly Dictionary<string, int> TransferCounts = new()
    {
        ["msr"] = 1,
        ["msrr"] = 1,
        ["mcr"] = 1,
        ["mcrr"] = 2,
        ["ldc"] = 4,
    };

    /// <summary>Reads every row, reporting each malformed cell; rows with a problem are left out.</summary>
    public static List<TrapClassRow> Read(string text, IReadOnlyList<LayoutSection> layouts, List<TableProblem> problems)
    {
        var rows = new List<TrapClassRow>();
        var names = new HashSet<string>();
        var classes = new HashSet<int>();
        foreach (var line in TableLine.Read(text))
        {
            var reader = new RowReader(line, problems);
            var before = problems.Count;
            if (!reader.HasCells(13, Columns))
            {
                continue;
            }

            var name = line.Cells[0].Text;
            if (name.Length == 0 || !char.IsUpper(name[0]) || !name.All(char.IsLetterOrDigit))
            {
                reader.Report(line.Cells[0], "'" + name + "' must be a PascalCase class name");
            }
            else if (!names.Add(name))
            {
                reader.Report(line.Cells[0], "the class '" + name + "' is declared twice");
            }

            var ec = reader.Int(1, 0, 0x3F);
            if (!classes.Add(ec))
            {
                reader.Report(line.Cells[1], "exception class " + line.Cells[1].Text + " has a row already");
            }

            var state = line.Cells[2].Text;
            if (!States.ContainsKey(state))
            {
                reader.Report(line.Cells[2], "'" + state + "' must be a64, a32 or any");
            }

            var layout = layouts.FirstOrDefault(l => l.Name == line.Cells[3].Text);
            if (layout is null)
            {
                reader.Report(line.Cells[3], "'" + line.Cells[3].Text + "' is not a section of layouts.table");
                continue;
            }

            if (!layout.ExceptionClasses.Contains(ec))
            {
                reader.Report(line.Cells[3], "layouts.table does not list exception class " + line.Cells[1].Text + " for " + layout.Name);
            }

            reader.Choice(4, Forms);
            var form = line.Cells[4].Text == RowReader.Empty ? null : line.Cells[4].Text;
            var coprocessor = line.Cells[5].Text == RowReader.Empty ? 0 : reader.Int(5, 10, 15);
            if ((state == "a32" && form is not null) != (coprocessor != 0))
            {
                reader.Report(line.Cells[5], "an AArch32 class with a form has a coprocessor; no other class has one");
            }

            var key = Fields(reader, line, 6, layout);
            var transfer = Fields(reader, line, 7, layout);
            if (form is not null && TransferCounts[form] != transfer.Count)
            {
                reader.Report(line.Cells[7], "the " + form + " form takes " + TransferCounts[form].ToString(CultureInfo.InvariantCulture) + " transfer field(s): Rt; Rt,Rt2; or Rn,imm8,Offset,AM");
            }
            else if (form is null && (transfer.Count > 2 || (transfer.Count == 2 && transfer[0] == transfer[1])))
            {
                reader.Report(line.Cells[7], "a class without a form names at most two register operands, the instruction's register and then its address's base (RN; Rvalue,Raddr), or '-'");
            }

            var read = Reads.TryGetValue(line.Cells[8].Text, out var readWhen) ? readWhen : null;
            if (read is null)
            {
                reader.Report(line.Cells[8], "'" + line.Cells[8].Text + "' must be one of: " + string.Join(", ", Reads.Keys));
            }
            else if ((read == "Never") != (form is null))
            {
                reader.Report(line.Cells[8], "a class with a form reads its register in some direction, and one without never does");
            }
            else if (read is "DirectionOne" or "DirectionZero" && layout.Field("Direction") is null)
            {
                reader.Report(line.Cells[8], layout.Name + " has no Direction field");
            }

            var condition = Fields(reader, line, 9, layout);
            if (condition.Count is not (0 or 2 or 3) || (condition.Count > 0 && (condition[0].Name != "CV" || condition[1].Name != "COND" || (condition.Count == 3 && condition[2].Name != "CCKNOWNPASS"))))
            {
                reader.Report(line.Cells[9], "the condition is '-', CV,COND or CV,COND,CCKNOWNPASS");
            }

            var immediate = Fields(reader, line, 10, layout);
            var space = line.Cells[11].Text;
            if (space is not ("all" or "rows" or RowReader.Empty) || (space == RowReader.Empty) != (form is null))
            {
                reader.Report(line.Cells[11], "the space of a class with a form is all or rows; '-' for one without");
            }

            if (problems.Count == before)
            {
                rows.Add(new TrapClassRow(
                    name, ec, States.TryGetValue(state, out var member) ? member : "Either", layout, form, coprocessor, key, transfer, read!, condition, immediate.FirstOrDefault(), space == "rows", line.Rest(12)));
            }
        }

        return rows;
    }

    /// <summary>The rows as TrapGen.Architecture's <c>TrapClasses</c>: one field a class, and <c>CreateAll</c>.</summary>
    public static TableOutput Translate(string file, string text, IReadOnlyList<LayoutSection> layouts)
    {
        var problems = new List<TableProblem>();
        var rows = Read(text, layouts, problems);
        var source = new StringBuilder(CSharp.Header(file));
        source.Append("partial class TrapClasses\n{\n");
        foreach (var row in rows)
        {
            string Field(LayoutField? field) => field is null ? "null" : "Layouts." + row.Layout.Name + "." + field.Name;
            var memory = row.Form == "ldc"
                ? "new MemoryOperand(" + string.Join(", ", row.Transfer.Select(Field)) + ")"
                : "null";
            source.Append("    /// <summary>").Append(Xml(string.Format(CultureInfo.InvariantCulture, "EC 0x{0:X2}: a trapped {1}{2}.", row.ExceptionClass, row.Instructions, row.Coprocessor == 0 ? string.Empty : " of coprocessor " + row.Coprocessor.ToString(CultureInfo.InvariantCulture)))).Append("</summary>\n");
            source.Append("    public static readonly TrapClass ").Append(row.Name).Append(" = new(\n");
            source.Append("        ").Append(CSharp.String(row.Name)).Append(string.Format(CultureInfo.InvariantCulture, ", 0x{0:X2}, TrapClassState.{1}, ", row.ExceptionClass, row.State))
                .Append("Layouts.").Append(row.Layout.Name).Append(".Layout, ").Append(Forms[row.Form ?? RowReader.Empty])
                .Append(", coprocessor: ").Append(row.Coprocessor.ToString(CultureInfo.InvariantCulture)).Append(",\n");
            source.Append("        keyFields: [").Append(string.Join(", ", row.Key.Select(Field))).Append("],\n");
            source.Append("        rt: ").Append(row.Form is "msr" or "msrr" or "mcr" or "mcrr" or null ? Field(row.Transfer.Count > 0 ? row.Transfer[0] : null) : "null")
                .Append(", rt2: ").Append(row.Form == "mcrr" ? Field(row.Transfer[1]) : "null")
                .Append(", rn: ").Append(row.Form is null ? Field(row.Transfer.ElementAtOrDefault(1)) : "null")
                .Append(", memory: ").Append(memory).Append(",\n");
            source.Append("        direction: ").Append(Field(row.Direction)).Append(", ReadWhen.").Append(row.Read).Append(",\n");
            source.Append("        conditionValid: ").Append(Field(row.Condition.ElementAtOrDefault(0))).Append(", condition: ").Append(Field(row.Condition.ElementAtOrDefault(1)))
                .Append(", conditionKnownPass: ").Append(Field(row.Condition.ElementAtOrDefault(2))).Append(",\n");
            source.Append("        immediate: ").Append(Field(row.Immediate)).Append(", coversListedRowsOnly: ").Append(row.ListedRowsOnly ? "true" : "false")
                .Append(", ").Append(CSharp.String(row.Instructions)).Append(");\n\n");
        }

        source.Append("    private static TrapClass[] CreateAll() => [").Append(string.Join(", ", rows.Select(r => r.Name))).Append("];\n}\n");
        return new TableOutput("TrapClasses.g.cs", source.ToString(), problems);
    }

    /// <summary>Comma-separated fields of <paramref name="layout"/>, or none for '-'.</summary>
    private static List<LayoutField> Fields(RowReader reader, TableLine line, int index, LayoutSection layout)
    {
        var cell = line.Cells[index];
        var fields = new List<LayoutField>();
        if (cell.Text == RowReader.Empty)
        {
            return fields;
        }

        foreach (var name in cell.Text.Split(','))
        {
            if (layout.Field(name) is { } field)
            {
                fields.Add(field);
            }
            else
            {
                reader.Report(cell, "'" + name + "' is not a field of " + layout.Name + " (" + string.Join(", ", layout.Fields.Select(f => f.Name)) + ")");
            }
        }

        return fields;
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
