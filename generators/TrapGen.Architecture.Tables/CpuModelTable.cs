using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// cpu-models.table: one row per fact of a CPU model, <c>model item value [note]</c>. The item is
/// <c>model</c> (the value and the rest of the line describe it; the first row of each model), an AArch64
/// register of aarch64-registers.table (its value on that CPU), <c>CCSIDR:L1D</c>, <c>CCSIDR:L1I</c> or
/// <c>CCSIDR:L&lt;n&gt;</c> (the cache size ID of that cache), or <c>IMPDEF</c> (the value is an
/// IMPLEMENTATION DEFINED encoding <c>S3_1_C15_C2_0</c> and the note its name), or <c>STORES:&lt;register&gt;</c>
/// (the bits of that register a write stores on this implementation, where it stores reserved bits, as the Arm
/// ARM permits). Each model becomes one
/// <c>CpuModel</c> of <c>CpuModels</c>; a malformed row is reported and left out.
/// </summary>
internal static class CpuModelTable
{
    private const string Columns = "model item value [note]";

    public static TableOutput Translate(string file, string text, IReadOnlyCollection<string> registers)
    {
        var known = new HashSet<string>(registers, System.StringComparer.Ordinal);
        var problems = new List<TableProblem>();
        var models = new List<Model>();
        foreach (var line in TableLine.Read(text))
        {
            var row = new RowReader(line, problems);
            if (line.Cells.Count < 3)
            {
                problems.Add(TableProblem.At(line, "expected " + Columns + ", found " + line.Cells.Count.ToString(CultureInfo.InvariantCulture) + " cells"));
                continue;
            }

            var name = line.Cells[0].Text;
            var item = line.Cells[1];
            var value = line.Cells[2];
            if (item.Text == "model")
            {
                if (models.Any(m => m.Name == name))
                {
                    row.Report(line.Cells[0], "the model '" + name + "' is declared twice");
                    continue;
                }

                models.Add(new Model(name, line.Rest(2)));
                continue;
            }

            var model = models.LastOrDefault();
            if (model is null || model.Name != name)
            {
                row.Report(line.Cells[0], "'" + name + "' has no 'model' row before it: start each model with '" + name + " model <description>', and keep its rows together");
                continue;
            }

            if (item.Text == "IMPDEF")
            {
                if (TryImplementationDefined(value.Text, out var encoding))
                {
                    model.ImplementationDefined.Add("(new Aarch64Encoding(" + encoding + "), " + CSharp.String(line.Rest(3)) + ")");
                }
                else if (TryAarch32ImplementationDefined(value.Text, out var aarch32))
                {
                    model.Aarch32ImplementationDefined.Add("(" + aarch32 + ", " + CSharp.String(line.Rest(3)) + ")");
                }
                else
                {
                    row.Report(value, "'" + value.Text + "' is not an IMPLEMENTATION DEFINED encoding: write S3_<op1>_C11_C<m>_<op2> or S3_<op1>_C15_C<m>_<op2>, or for AArch32 P15_<opc1>_C<n>_C<m>_<opc2> (MCR) or P15_<opc1>_C<m> (MCRR)");
                }

                continue;
            }

            if (!TryValue(value.Text, out var number))
            {
                row.Report(value, "'" + value.Text + "' is not a 64-bit hexadecimal value (0x...)");
                continue;
            }

            if (item.Text.StartsWith("STORES:", System.StringComparison.Ordinal))
            {
                var register = item.Text.Substring(7);
                if (!known.Contains(register))
                {
                    row.Report(item, "'" + register + "' is not a register of aarch64-registers.table: write STORES:<register>, as STORES:SCTLR_EL1");
                }
                else if (model.Stored.Any(s => s.Name == register))
                {
                    row.Report(item, name + " gives STORES:" + register + " twice");
                }
                else
                {
                    model.Stored.Add((register, number));
                }

                continue;
            }

            if (item.Text.StartsWith("CCSIDR:", System.StringComparison.Ordinal))
            {
                if (!TryCache(item.Text.Substring(7), out var level, out var kind))
                {
                    row.Report(item, "'" + item.Text + "' is not a cache: write CCSIDR:L1D, CCSIDR:L1I or CCSIDR:L<n> for a unified level 2 to 7");
                    continue;
                }

                model.Caches.Add(string.Format(CultureInfo.InvariantCulture, "new CacheSizeId({0}, CacheKind.{1}, 0x{2:X}UL)", level, kind, number));
                continue;
            }

            if (!known.Contains(item.Text))
            {
                row.Report(item, "'" + item.Text + "' is not a register of aarch64-registers.table (nor model, IMPDEF, CCSIDR:<cache> or STORES:<register>)");
                continue;
            }

            if (model.Registers.Any(r => r.Name == item.Text))
            {
                row.Report(item, name + " gives " + item.Text + " twice");
                continue;
            }

            model.Registers.Add((item.Text, number));
        }

        var source = new StringBuilder(CSharp.Header(file));
        source.Append("partial class CpuModels\n{\n    private static CpuModel[] CreateAll() =>\n    [\n");
        foreach (var model in models)
        {
            source.Append("        new(\n            ").Append(CSharp.String(model.Name)).Append(",\n            ").Append(CSharp.String(model.Description)).Append(",\n            [");
            source.Append(string.Join(", ", model.Registers.Select(r => "(" + CSharp.String(r.Name) + ", 0x" + r.Value.ToString("X", CultureInfo.InvariantCulture) + "UL)")));
            source.Append("],\n            [").Append(string.Join(", ", model.Caches)).Append("],\n            [");
            source.Append(string.Join(", ", model.ImplementationDefined)).Append("],\n            [");
            source.Append(string.Join(", ", model.Aarch32ImplementationDefined)).Append("],\n            [");
            source.Append(string.Join(", ", model.Stored.Select(r => "(" + CSharp.String(r.Name) + ", 0x" + r.Value.ToString("X", CultureInfo.InvariantCulture) + "UL)"))).Append("]),\n");
        }

        source.Append("    ];\n}\n");
        return new TableOutput("CpuModels.g.cs", source.ToString(), problems);
    }

    private static bool TryValue(string text, out ulong value)
    {
        value = 0;
        return text.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase)
            && ulong.TryParse(text.Substring(2).Replace("_", string.Empty), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryCache(string text, out int level, out string kind)
    {
        (level, kind) = (0, string.Empty);
        if (text.Length < 2 || text[0] != 'L' || text[1] < '1' || text[1] > '7')
        {
            return false;
        }

        level = text[1] - '0';
        var suffix = text.Substring(2);
        kind = suffix switch
        {
            "D" => "Data",
            "I" => "Instruction",
            "" => "Unified",
            _ => string.Empty,
        };
        return kind.Length > 0 && (level == 1) != (kind == "Unified");
    }

    /// <summary>S3_op1_C11_Cm_op2 or S3_op1_C15_Cm_op2, as "3, op1, crn, crm, op2".</summary>
    private static bool TryImplementationDefined(string text, out string encoding)
    {
        encoding = string.Empty;
        var parts = text.ToUpperInvariant().Split('_');
        if (parts.Length != 5 || parts[0] != "S3" || !parts[2].StartsWith("C", System.StringComparison.Ordinal) || !parts[3].StartsWith("C", System.StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var op1) || op1 > 7
            || !int.TryParse(parts[2].Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var crn) || (crn != 11 && crn != 15)
            || !int.TryParse(parts[3].Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var crm) || crm > 15
            || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var op2) || op2 > 7)
        {
            return false;
        }

        encoding = string.Format(CultureInfo.InvariantCulture, "3, {0}, {1}, {2}, {3}", op1, crn, crm, op2);
        return true;
    }

    /// <summary>P15_opc1_Cn_Cm_opc2 (MCR) or P15_opc1_Cm (MCRR), as an Aarch32Encoding expression.</summary>
    private static bool TryAarch32ImplementationDefined(string text, out string encoding)
    {
        encoding = string.Empty;
        var parts = text.ToUpperInvariant().Split('_');
        if (parts[0] != "P15" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var opc1))
        {
            return false;
        }

        int Register(string part) => part.StartsWith("C", System.StringComparison.Ordinal) && int.TryParse(part.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 15 ? n : -1;
        if (parts.Length == 3 && opc1 <= 15 && Register(parts[2]) >= 0)
        {
            encoding = string.Format(CultureInfo.InvariantCulture, "Aarch32Encoding.Cp15(AccessForm.Mcrr, {0}, 0, {1}, 0)", opc1, Register(parts[2]));
            return true;
        }

        if (parts.Length == 5 && opc1 <= 7 && Register(parts[2]) >= 0 && Register(parts[3]) >= 0 && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var opc2) && opc2 <= 7)
        {
            encoding = string.Format(CultureInfo.InvariantCulture, "Aarch32Encoding.Cp15(AccessForm.Mcr, {0}, {1}, {2}, {3})", opc1, Register(parts[2]), Register(parts[3]), opc2);
            return true;
        }

        return false;
    }

    private sealed class Model(string name, string description)
    {
        public string Name { get; } = name;

        public string Description { get; } = description;

        public List<(string Name, ulong Value)> Registers { get; } = [];

        public List<string> Caches { get; } = [];

        public List<string> ImplementationDefined { get; } = [];

        public List<string> Aarch32ImplementationDefined { get; } = [];

        public List<(string Name, ulong Value)> Stored { get; } = [];
    }
}
