using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// fine-grained-traps.table: register field bit set|clear needs traps. Each row is a <c>TrapControl</c> of
/// <c>FineGrainedTraps</c>; its traps join the rules of the registers and instructions it names (<see cref="Index"/>).
/// </summary>
internal static class FineGrainedTrapTable
{
    /// <summary>The fine-grained trap registers and what they trap: R reads, W writes, I System instructions (writes).</summary>
    private static readonly Dictionary<string, string> Registers = new()
    {
        ["HFGRTR_EL2"] = "r",
        ["HFGWTR_EL2"] = "w",
        ["HFGITR_EL2"] = "w",
        ["HDFGRTR_EL2"] = "r",
        ["HDFGWTR_EL2"] = "w",
        ["HAFGRTR_EL2"] = "r",
        ["HFGRTR2_EL2"] = "r",
        ["HFGWTR2_EL2"] = "w",
        ["HFGITR2_EL2"] = "w",
        ["HDFGRTR2_EL2"] = "r",
        ["HDFGWTR2_EL2"] = "w",
    };

    /// <summary>Translates the table into <c>FineGrainedTraps.g.cs</c>: one <c>TrapControl</c> per field, and <c>All</c>.</summary>
    /// <param name="file">The table's file name.</param>
    /// <param name="text">Its text.</param>
    /// <param name="accessNames">Every access's name, as the traps cell writes it.</param>
    /// <param name="qualifiers">The qualifiers of trap-controls.table (qualifies-clear), as REGISTER.FIELD.</param>
    public static TableOutput Translate(string file, string text, IReadOnlyCollection<string> accessNames, IReadOnlyCollection<string> qualifiers)
    {
        var problems = new List<TableProblem>();
        var fields = new StringBuilder();
        var all = new List<string>();
        var seen = new HashSet<string>();
        foreach (var line in TableLine.Read(text))
        {
            var row = new RowReader(line, problems);
            if (line.Cells.Count < 6)
            {
                problems.Add(TableProblem.At(line, "expected: register field bit set|clear needs traps"));
                continue;
            }

            var register = line.Cells[0].Text;
            if (!Registers.TryGetValue(register, out var direction))
            {
                row.Report(line.Cells[0], "'" + register + "' is not a fine-grained trap register: one of " + string.Join(", ", Registers.Keys));
                continue;
            }

            var name = line.Cells[1].Text;
            row.FieldName(1);
            var identifier = Identifier(register, name);
            if (!seen.Add(identifier))
            {
                row.Report(line.Cells[1], register + "." + name + " has two rows");
                continue;
            }

            var traps = Traps(line.Rest(5));
            foreach (var unknown in traps.Where(t => !accessNames.Contains(Access(t).Name)))
            {
                row.Report(line.Cells[5], "'" + unknown + "' is in none of aarch64-registers.table, aarch64-instructions.table (instructions as 'TLBI VAE1') and trapped-instructions.table (ERET)");
            }

            foreach (var qualified in traps.Where(t => Access(t).Qualifier is { } q && !qualifiers.Contains(q)))
            {
                row.Report(line.Cells[5], "'" + qualified + "': a qualifier is written [REGISTER.FIELD], a qualifies-clear control of trap-controls.table (" + string.Join(", ", qualifiers) + ")");
            }

            var description = Describe(register, direction, traps);
            fields.Append("    /// <summary>").Append(KindTranslators.Xml(register + "." + name + ", bit " + line.Cells[2].Text + ": " + description)).Append("</summary>\n");
            fields.Append(string.Format(
                CultureInfo.InvariantCulture,
                "    public static readonly TrapControl {0} = new({1}, {2}, {3}, {4}, null, {5}, false, {6});\n\n",
                identifier, CSharp.String(register), CSharp.String(name), row.Int(2, 0, 63), row.Choice(3, KindTranslators.Polarity), row.Condition(4), CSharp.String(description)));
            all.Add(identifier);
        }

        var source = CSharp.Header(file) + "partial class FineGrainedTraps\n{\n" + fields +
            "    /// <summary>Gets every field of the fine-grained trap registers, in table order.</summary>\n" +
            "    public static global::System.Collections.Generic.IReadOnlyList<TrapControl> All { get; } = [" + string.Join(", ", all) + "];\n}\n";
        return new TableOutput("FineGrainedTraps.g.cs", source, problems);
    }

    /// <summary>
    /// The rules the table gives each access, by the access's name (<c>SCTLR_EL1</c>, <c>TLBI VAE1</c>), as the
    /// C# expressions a register's trap list holds, in table order. A malformed row gives none: <see cref="Translate"/> reports it.
    /// </summary>
    public static Dictionary<string, List<string>> Index(string text)
    {
        var index = new Dictionary<string, List<string>>();
        foreach (var line in TableLine.Read(text))
        {
            if (line.Cells.Count < 6 || !Registers.TryGetValue(line.Cells[0].Text, out var direction))
            {
                continue;
            }

            var rule = "new(FineGrainedTraps." + Identifier(line.Cells[0].Text, line.Cells[1].Text) + ", " + (direction == "r" ? "AccessDirection.Read" : "AccessDirection.Write") + ")";
            foreach (var (access, qualifier) in Traps(line.Rest(5)).Select(Access))
            {
                if (!index.TryGetValue(access, out var rules))
                {
                    index[access] = rules = [];
                }

                var dot = qualifier?.IndexOf('.') ?? -1;
                rules.Add(qualifier is null ? rule : rule + " { Qualifier = TrapControls." + qualifier.Substring(dot + 1) + " }");
            }
        }

        return index;
    }

    /// <summary>
    /// An entry of the traps cell: the access's name, and the qualifier written after it in brackets, or null
    /// (<c>TLBI VAE1NXS [HCRX_EL2.FGTnXS]</c>: the field traps TLBI VAE1NXS only while HCRX_EL2.FGTnXS lets it).
    /// </summary>
    private static (string Name, string? Qualifier) Access(string entry)
    {
        var open = entry.IndexOf(" [", System.StringComparison.Ordinal);
        return open > 0 && entry.EndsWith("]", System.StringComparison.Ordinal)
            ? (entry.Substring(0, open), entry.Substring(open + 2, entry.Length - open - 3))
            : (entry, null);
    }

    /// <summary>The C# name of a field: <c>HFGRTR_EL2_SCTLR_EL1</c>.</summary>
    private static string Identifier(string register, string field) => register + "_" + field;

    /// <summary>The traps cell: names separated by ", " (an instruction's name has a space), or "-".</summary>
    private static List<string> Traps(string cell) =>
        cell == RowReader.Empty ? [] : cell.Split(',').Select(name => name.Trim()).Where(name => name.Length > 0).ToList();

    private static string Describe(string register, string direction, List<string> traps)
    {
        var what = register.StartsWith("HFGITR", System.StringComparison.Ordinal) ? "execution of " : direction == "r" ? "MRS reads of " : "MSR writes of ";
        return traps.Count == 0
            ? "Traps " + what + "no register or instruction TrapGen's tables have: what it traps is newer than them, or is no System register access."
            : "Traps " + what + string.Join(", ", traps) + " at EL1.";
    }
}
