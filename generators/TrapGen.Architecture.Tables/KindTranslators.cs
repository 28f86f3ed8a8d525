using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>The column layout of each row table, and the C# each row becomes.</summary>
internal static class KindTranslators
{
    private static readonly Dictionary<string, string> Access = new()
    {
        ["RW"] = "RegisterAccess.ReadWrite",
        ["RO"] = "RegisterAccess.ReadOnly",
        ["WO"] = "RegisterAccess.WriteOnly",
    };

    private static readonly Dictionary<string, string> Forms = new()
    {
        ["mcr"] = "AccessForm.Mcr",
        ["mcrr"] = "AccessForm.Mcrr",
        ["ldc"] = "AccessForm.LdcStc",
    };

    private static readonly Dictionary<string, string> Views = new()
    {
        ["all"] = "RegisterView.Whole",
        ["lo"] = "RegisterView.Lo",
        ["hi"] = "RegisterView.Hi",
        ["-"] = "RegisterView.Whole",
    };

    /// <summary>aarch64-instructions.table's operand, as TakesRegister: Xt (SYS reads it), result (SYSL writes it), none.</summary>
    private static readonly Dictionary<string, string> Operands = new()
    {
        ["Xt"] = "true",
        [SyslOperand] = "true",
        ["none"] = "false",
    };

    /// <summary>The operand of a SYSL alias (GCSPOPM, GCSSS2): its result goes to Xt.</summary>
    private const string SyslOperand = "result";

    /// <summary>The name column of an instruction the Arm ARM names in one word (GCSPUSHM): its op column is the whole name.</summary>
    private const string OneWord = "-";

    /// <summary>A trap control's traps-when column: set or clear, as TrapControl.TrapsWhenSet.</summary>
    internal static readonly Dictionary<string, string> Polarity = new()
    {
        ["set"] = "true",
        ["clear"] = "false",
    };

    /// <summary>
    /// trap-controls.table's traps-when: a polarity, or <c>qualifies-clear</c> for a qualifier that traps nothing itself and,
    /// while clear, lets the fine-grained rules it qualifies apply (HCRX_EL2.FGTnXS).
    /// </summary>
    private static readonly Dictionary<string, string> ControlPolarity = new()
    {
        ["set"] = "true",
        ["clear"] = "false",
        [QualifiesClear] = "false",
        [IndexAtOrAbove] = "true",
    };

    private const string QualifiesClear = "qualifies-clear";

    /// <summary>What trap-controls.table's forced-by column writes before a bit that must be set as well (<c>&amp;42</c>).</summary>
    private const string RequiresMark = "&";

    /// <summary>An event counter limit's traps-when (MDCR_EL2.HPMN): an access to a counter at or above the field's value traps; its bit is a field, <c>msb:lsb</c>.</summary>
    private const string IndexAtOrAbove = "index-at-or-above";

    /// <summary>What <see cref="ControlNames"/> appends to a qualifier's name.</summary>
    internal const string QualifierMark = "?";

    /// <summary>aarch64-registers.table: name op0 op1 crn crm op2 width access el feature traps other_names [source] (source: '-' or absent for a row of the binutils 2.40 sweep).</summary>
    public static TableOutput Aarch64Registers(string file, string text, IReadOnlyDictionary<string, string> controls, IReadOnlyDictionary<string, List<string>> fineGrained) =>
        RowTable.Translate(file, text, "Aarch64Registers", "Aarch64Register", (row, line) =>
        {
            if (!row.HasCellsOrOneMore(12, "name op0 op1 crn crm op2 width access el feature traps other_names [source]"))
            {
                return null;
            }

            return Format(
                "new({0}, new({1}, {2}, {3}, {4}, {5}), {6}, {7}, {8}, {9}, {10}, {11}, {12})",
                row.Name(0), row.Int(1, 2, 3), row.Int(2, 0, 7), row.Int(3, 0, 15), row.Int(4, 0, 15), row.Int(5, 0, 7),
                row.Int(6, 32, 128), row.Choice(7, Access), row.Int(8, 0, 3), row.OptionalText(9), row.Traps(10, controls, FineGrainedOf(fineGrained, line.Cells[0].Text), NestedVirtualisationRule(row, controls, 8, 10, "AccessDirection.ReadWrite")), row.Names(11), row.OptionalLastText(12));
        });

    /// <summary>
    /// aarch64-128-bit-registers.table: name needs traps section. Each row is the 128-bit accessor (MRRS, MSRR) of a register
    /// of aarch64-registers.table (<paramref name="registers"/>), which it refers to by name; the fine-grained fields of that
    /// register join its rules as they join the register's own.
    /// </summary>
    public static TableOutput Aarch64Registers128(string file, string text, IReadOnlyDictionary<string, string> controls, IReadOnlyDictionary<string, List<string>> fineGrained, IReadOnlyCollection<string> registers) =>
        RowTable.Translate(file, text, "Aarch64Registers128", "Aarch64Register128", (row, line) =>
        {
            if (!row.HasCells(4, "name needs traps section"))
            {
                return null;
            }

            var name = line.Cells[0].Text;
            if (!registers.Contains(name))
            {
                row.Report(line.Cells[0], "'" + name + "' is not a register of aarch64-registers.table: a 128-bit accessor reaches a register it has");
                return null;
            }

            return Format(
                "new(Aarch64Registers.Named({0}), {1}, {2}, {3})",
                row.Name(0), row.Condition(1), row.Traps(2, controls, FineGrainedOf(fineGrained, name)), row.OptionalText(3));
        });

    /// <summary>
    /// aarch64-128-bit-instructions.table: name needs section. Each row is a TLBIP, the 128-bit form of the TLBI with the same
    /// name after the operation, which aarch64-instructions.table must have (<paramref name="accesses"/>): its encoding, Exception
    /// level, requirements and trap rules are that TLBI's.
    /// </summary>
    public static TableOutput SystemInstructions128(string file, string text, IReadOnlyCollection<string> accesses) =>
        RowTable.Translate(file, text, "SystemInstructions128", "SystemInstruction128", (row, line) =>
        {
            if (!row.HasCells(4, "name needs section"))
            {
                return null;
            }

            // A TLBIP's name is two cells, TLBIP and its operation.
            var name = line.Cells[0].Text + " " + line.Cells[1].Text;
            var tlbi = "TLBI " + line.Cells[1].Text;
            if (line.Cells[0].Text != "TLBIP" || !accesses.Contains(tlbi))
            {
                row.Report(line.Cells[0], "'" + name + "' is not a TLBIP whose TLBI aarch64-instructions.table has");
                return null;
            }

            return Format("new(SystemInstructions.Named({0}), {1}, {2})", CSharp.String(tlbi), row.Condition(2), row.OptionalText(3));
        });

    /// <summary>aarch64-instructions.table: op name op1 crn crm op2 operand el feature traps [source] (source: '-' or absent for a row of the binutils 2.40 sweep).</summary>
    public static TableOutput SystemInstructions(string file, string text, IReadOnlyDictionary<string, string> controls, IReadOnlyDictionary<string, List<string>> fineGrained) =>
        RowTable.Translate(file, text, "SystemInstructions", "SystemInstruction", (row, line) =>
        {
            if (!row.HasCellsOrOneMore(10, "op name op1 crn crm op2 operand el feature traps [source]"))
            {
                return null;
            }

            var oneWord = line.Cells[1].Text == OneWord;
            var fullName = InstructionName(line);
            return Format(
                "new({0}, {1}, new(1, {2}, {3}, {4}, {5}), {6}, {7}, {8}, {9}, {10}, WritesRegister: {11})",
                row.Name(0), oneWord ? CSharp.String(string.Empty) : row.Name(1), row.Int(2, 0, 7), row.Int(3, 0, 15), row.Int(4, 0, 15), row.Int(5, 0, 7),
                row.Choice(6, Operands), row.Int(7, 0, 3), row.OptionalText(8), row.Traps(9, controls, FineGrainedOf(fineGrained, fullName), NestedVirtualisationRule(row, controls, 7, 9, "AccessDirection.Write")), row.OptionalLastText(10),
                line.Cells[6].Text == SyslOperand ? "true" : "false");
        });

    /// <summary>aarch32-registers.table: name cp form opc1 crn crm opc2 access el maps_to view traps other_names.</summary>
    public static TableOutput Aarch32Registers(string file, string text, IReadOnlyDictionary<string, string> controls) =>
        RowTable.Translate(file, text, "Aarch32Registers", "Aarch32Register", (row, line) =>
        {
            if (!row.HasCells(13, "name cp form opc1 crn crm opc2 access el maps_to view traps other_names"))
            {
                return null;
            }

            var form = row.Choice(2, Forms);
            var pair = form == "AccessForm.Mcrr";
            var memory = form == "AccessForm.LdcStc";
            var coprocessor = row.Int(1, 10, 15);
            if (coprocessor is not (10 or 14 or 15))
            {
                row.Report(row.Cell(1), "the coprocessor is 15 (system control), 14 (debug) or 10 (VMRS of a floating-point ID register)");
            }
            else if ((coprocessor == 10 && form != "AccessForm.Mcr") || (memory && coprocessor != 14))
            {
                row.Report(row.Cell(2), "cp10 registers are read with VMRS, the mcr form; ldc (LDC/STC) reaches cp14 only");
            }

            var mapsTo = row.OptionalName(9);
            var view = row.Cell(10).Text;
            if ((mapsTo == "null") != (view == RowReader.Empty))
            {
                row.Report(row.Cell(10), "view must be '-' exactly when maps_to is '-'");
            }
            else if (pair && view is "lo" or "hi")
            {
                row.Report(row.Cell(10), "an MCRR/MRRC register moves 64 bits: its view is 'all'");
            }

            // LDC/STC: the crn column holds CRd, the coprocessor register; the ISS reports neither.
            return Format(
                "new({0}, new({1}, {2}, {3}, {4}, {5}, {6}), {7}, {8}, {9}, {10}, {11}, {12})",
                row.Name(0), coprocessor, form, row.IntOrEmpty(3, 0, pair ? 15 : 7, memory), row.IntOrEmpty(4, 0, 15, pair), row.IntOrEmpty(5, 0, 15, memory),
                row.IntOrEmpty(6, 0, 7, pair || memory), row.Choice(7, Access), row.Int(8, 0, 3), mapsTo, row.Choice(10, Views), row.Traps(11, controls, leading: HstrRule(controls, coprocessor, pair ? line.Cells[5].Text : line.Cells[4].Text)), row.Names(12));
        });

    /// <summary>trap-controls.table: register name bit set|clear|qualifies-clear forced-by needs e2h description.</summary>
    public static TableOutput TrapControls(string file, string text)
    {
        var problems = new List<TableProblem>();
        var fields = new System.Text.StringBuilder();
        var all = new List<string>();
        foreach (var line in TableLine.Read(text))
        {
            var row = new RowReader(line, problems);
            if (line.Cells.Count < 8)
            {
                problems.Add(TableProblem.At(line, "expected: register name bit set|clear forced-by needs e2h description"));
                continue;
            }

            var name = line.Cells[1].Text;
            row.FieldName(1);
            // forced-by: "-", the bit that forces the control, or "&N": the bit that must be set as well (HCR_EL2.NV1's NV).
            var requiredCell = line.Cells[4].Text.StartsWith(RequiresMark, System.StringComparison.Ordinal);
            // "&N!M": N must be set as well and M clear (HCR_EL2.NV1: NV set and NV2 clear, the pseudocode's '011').
            var requires = "null";
            if (requiredCell)
            {
                var parts = line.Cells[4].Text.Substring(RequiresMark.Length).Split('!');
                if (parts.Length <= 2 && RowReader.TryNumber(parts[0], out var required) && required <= 63
                    && (parts.Length == 1 || (RowReader.TryNumber(parts[1], out var clear) && clear <= 63)))
                {
                    requires = "new(" + required.ToString(CultureInfo.InvariantCulture) + (parts.Length == 2 ? ", " + parts[1] : string.Empty) + ")";
                }
                else
                {
                    row.Report(line.Cells[4], "'" + line.Cells[4].Text + "': &N names a bit, 0 to 63, that must be set as well, and &N!M one that must also be clear");
                }
            }

            var forcedBy = line.Cells[4].Text == "-" || requiredCell ? "null" : row.Int(4, 0, 63).ToString(CultureInfo.InvariantCulture);
            var needs = row.Condition(5);
            var e2h = line.Cells[6].Text == "-" ? "false" : row.Int(6, 0, 0) == 0 ? "true" : "false";
            fields.Append("    /// <summary>").Append(Xml(line.Cells[0].Text + "." + name + ", bit " + line.Cells[2].Text + ": " + line.Rest(7))).Append("</summary>\n");
            var (bit, extra) = line.Cells[3].Text switch
            {
                QualifiesClear => (row.Int(2, 0, 63), " { IsQualifier = true }"),
                IndexAtOrAbove => CounterLimit(row, line),
                _ => (row.Int(2, 0, 63), string.Empty),
            };
            fields.Append(Format(
                "    public static readonly TrapControl {0} = new({1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}){9};\n\n",
                name, row.Name(0), CSharp.String(name), bit, row.Choice(3, ControlPolarity), forcedBy, needs, e2h, CSharp.String(line.Rest(7)),
                extra.Length == 0 && requires != "null" ? " { Requires = " + requires + " }" : extra));
            all.Add(name);
        }

        var source = CSharp.Header(file) + "partial class TrapControls\n{\n" + fields +
            "    /// <summary>Gets every trap control, in table order.</summary>\n" +
            "    public static global::System.Collections.Generic.IReadOnlyList<TrapControl> All { get; } = [" + string.Join(", ", all) + "];\n}\n";
        return new TableOutput("TrapControls.g.cs", source, problems);
    }

    /// <summary>An event counter limit's bit cell, <c>msb:lsb</c> (MDCR_EL2.HPMN's <c>4:0</c>): its lsb, and the initializer that gives its width.</summary>
    private static (int Bit, string Extra) CounterLimit(RowReader row, TableLine line)
    {
        var range = line.Cells[2].Text.Split(':');
        if (range.Length != 2 || !RowReader.TryNumber(range[0], out var msb) || !RowReader.TryNumber(range[1], out var lsb) || lsb > msb || msb > 63)
        {
            row.Report(line.Cells[2], "an index-at-or-above control is a field: its bits are msb:lsb, such as 4:0");
            return (0, string.Empty);
        }

        return (lsb, " { IsCounterLimit = true, Width = " + (msb - lsb + 1).ToString(CultureInfo.InvariantCulture) + " }");
    }

    /// <summary>exception-classes.table: ec name.</summary>
    public static TableOutput ExceptionClasses(string file, string text) =>
        RowTable.Translate(file, text, "ExceptionClasses", "(int Code, string Name)", (row, line) =>
            line.Cells.Count < 2 ? Missing(row, line) : Format("({0}, {1})", row.Int(0, 0, 0x3F), CSharp.String(line.Rest(1))));

    /// <summary>cpu-implementers.table: MIDR_EL1.Implementer codes and their names.</summary>
    public static TableOutput CpuImplementers(string file, string text) =>
        RowTable.Translate(file, text, "CpuImplementers", "(int Code, string Name)", (row, line) =>
            line.Cells.Count < 2 ? Missing(row, line) : Format("({0}, {1})", row.Int(0, 0, 0xFF), CSharp.String(line.Rest(1))));

    /// <summary>cpu-parts.table: MIDR_EL1.PartNum values of each implementer and the parts' names.</summary>
    public static TableOutput CpuParts(string file, string text) =>
        RowTable.Translate(file, text, "CpuParts", "(int Implementer, int Part, string Name)", (row, line) =>
            line.Cells.Count < 3 ? Missing(row, line) : Format("({0}, {1}, {2})", row.Int(0, 0, 0xFF), row.Int(1, 0, 0xFFF), CSharp.String(line.Rest(2))));

    /// <summary>smccc-functions.table: SMCCC fast-call function numbers by owner, the conventions they exist in, name and service.</summary>
    public static TableOutput SmcccFunctions(string file, string text) =>
        RowTable.Translate(file, text, "SmcccFunctions", "(int Owner, int Number, bool Smc32, bool Smc64, string Name, string Service)", (row, line) =>
        {
            if (line.Cells.Count < 5)
            {
                return Missing(row, line);
            }

            var conventions = line.Cells[2].Text;
            if (conventions is not ("32" or "64" or "32,64"))
            {
                row.Report(line.Cells[2], "'" + conventions + "' is not a calling convention: expected 32, 64 or 32,64");
                return null;
            }

            return Format(
                "({0}, {1}, {2}, {3}, {4}, {5})",
                row.Int(0, 0, 63),
                row.Int(1, 0, 0xFFFF),
                conventions.Contains("32") ? "true" : "false",
                conventions.Contains("64") ? "true" : "false",
                CSharp.String(line.Cells[3].Text),
                CSharp.String(line.Rest(4)));
        });

    /// <summary>
    /// The trap controls a trap-controls.table declares, as <c>REGISTER.NAME</c>, for checking and ordering the other tables'
    /// rules; a qualifier's with <see cref="QualifierMark"/> after it.
    /// </summary>
    public static List<string> ControlNames(string text)
    {
        var names = new List<string>();
        foreach (var line in TableLine.Read(text))
        {
            if (line.Cells.Count > 1)
            {
                // A qualifier (qualifies-clear) is no trap rule of its own: marked, for fine-grained-traps.table's brackets.
                names.Add(line.Cells[0].Text + "." + line.Cells[1].Text + (line.Cells.Count > 3 && line.Cells[3].Text == QualifiesClear ? QualifierMark : string.Empty));
            }
        }

        return names;
    }

    /// <summary>An aarch64-instructions.table row's full name: <c>DC CIVAC</c>, or <c>GCSPUSHM</c> for a one-word one (name <c>-</c>).</summary>
    private static string InstructionName(TableLine line) =>
        line.Cells[1].Text == OneWord ? line.Cells[0].Text : line.Cells[0].Text + " " + line.Cells[1].Text;

    /// <summary>The names of the accesses aarch64-registers.table, aarch64-instructions.table and trapped-instructions.table declare (<c>SCTLR_EL1</c>, <c>TLBI VAE1</c>, <c>ERET</c>).</summary>
    public static List<string> AccessNames(string file, string text)
    {
        var instructions = file == "aarch64-instructions.table";
        var trapped = file == "trapped-instructions.table";
        var names = new List<string>();
        foreach (var line in TableLine.Read(text))
        {
            if (line.Cells.Count > 1)
            {
                names.Add(instructions ? InstructionName(line) : trapped ? line.Cells[1].Text : line.Cells[0].Text);
            }
        }

        return names;
    }

    /// <summary>
    /// HSTR_EL2.T&lt;n&gt;'s rule of a cp15 row (n its CRn, or an MCRR/MRRC row's CRm) when trap-controls.table has T&lt;n&gt;
    /// (T4 and T14 are RES0), or null: first of the row's rules, as every AArch32 accessor's pseudocode checks it first.
    /// </summary>
    private static List<string>? HstrRule(IReadOnlyDictionary<string, string> controls, int coprocessor, string primary) =>
        coprocessor == 15 && controls.TryGetValue("T" + primary, out var register) && register == "HSTR_EL2"
            ? ["new(TrapControls.T" + primary + ", AccessDirection.ReadWrite)"]
            : null;

    /// <summary>
    /// HCR_EL2.NV's rule of an AArch64 register or System instruction row (D24.2.62 HCR_EL2.NV: every register "with a name
    /// ending in _EL2", _EL12 or _EL02, the EL2 and EL1 translation regimes' AT and TLBI instructions "accessible only from
    /// EL2 and EL3"): the whole class of rows whose el (column <paramref name="elIndex"/>) is 2, first of the row's rules,
    /// when trap-controls.table has NV; none for a row whose traps cell (column <paramref name="trapsIndex"/>) writes
    /// <see cref="RowReader.NotNestedVirtualisation"/>, an EL2 row whose EL1 accessor is UNDEFINED even with NV, which
    /// only an el 2 row may write. <paramref name="direction"/>: both for a register, a write for an instruction.
    /// </summary>
    private static List<string>? NestedVirtualisationRule(RowReader row, IReadOnlyDictionary<string, string> controls, int elIndex, int trapsIndex, string direction)
    {
        var el2 = row.Cell(elIndex).Text == "2";
        var excluded = row.Cell(trapsIndex).Text.Split(',').Contains(RowReader.NotNestedVirtualisation);
        if (excluded && !el2)
        {
            row.Report(row.Cell(trapsIndex), "'" + RowReader.NotNestedVirtualisation + "' exempts an EL2 row from HCR_EL2.NV's class: this row's el is not 2 (write NV:r, NV:w or NV:rw for a row NV traps outside its class)");
        }

        return el2 && !excluded && controls.TryGetValue(NestedVirtualisation, out var register) && register == "HCR_EL2"
            ? ["new(TrapControls." + NestedVirtualisation + ", " + direction + ")"]
            : null;
    }

    /// <summary>HCR_EL2.NV's name in trap-controls.table.</summary>
    private const string NestedVirtualisation = "NV";

    /// <summary>The fine-grained rules of the access called <paramref name="name"/>, or null.</summary>
    private static List<string>? FineGrainedOf(IReadOnlyDictionary<string, List<string>> fineGrained, string name) =>
        fineGrained.TryGetValue(name, out var rules) ? rules : null;

    /// <summary>The register names (first column) an aarch64-registers.table declares, for checking register-fields.table.</summary>
    public static List<string> RegisterNames(string text)
    {
        var names = new List<string>();
        foreach (var line in TableLine.Read(text))
        {
            if (line.Cells.Count > 0)
            {
                names.Add(line.Cells[0].Text);
            }
        }

        return names;
    }

    private static string? Missing(RowReader row, TableLine line)
    {
        row.Report(line.Cells[0], "expected: ec name");
        return null;
    }

    /// <summary>Text escaped for an XML documentation comment.</summary>
    internal static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Format(string format, params object[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
