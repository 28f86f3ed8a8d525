using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// nv2-memory.table: <c>register offset nvx section</c>. Each row becomes a <c>Nv2MemoryAccess</c> of TrapGen.Architecture's
/// <c>Nv2Memory</c>: a register of aarch64-registers.table (<c>registers</c>) that an EL1 access reaches in memory at
/// VNCR_EL2.BADDR plus its offset under the Effective HCR_EL2.&lt;NV2,NV1,NV&gt; the nvx column names.
/// </summary>
internal static class Nv2MemoryTable
{
    private const string Columns = "register offset nvx section";

    /// <summary>The end of the page VNCR_EL2.BADDR names: an offset is Offset&lt;11:0&gt;.</summary>
    private const int PageSize = 0x1000;

    public static TableOutput Translate(string file, string text, IReadOnlyCollection<string> registers)
    {
        var offsets = new Dictionary<string, (string Register, int Line)>();
        return RowTable.Translate(file, text, "Nv2Memory", "Nv2MemoryAccess", (row, line) =>
        {
            if (!row.HasCells(4, Columns))
            {
                return null;
            }

            var name = line.Cells[0].Text;
            if (!registers.Contains(name))
            {
                row.Report(line.Cells[0], "'" + name + "' is not a register of aarch64-registers.table: add its row there first, or leave it out and say why in the header");
                return null;
            }

            var offsetCell = line.Cells[1];
            if (!offsetCell.Text.StartsWith("0x", System.StringComparison.Ordinal) || !RowReader.TryNumber(offsetCell.Text, out var offset) || offset >= PageSize || offset % 8 != 0)
            {
                row.Report(offsetCell, "'" + offsetCell.Text + "' must be an offset within the 4KB page, 8-byte aligned, in hexadecimal (0x110)");
                return null;
            }

            // Two names share a location only when one is the other's FEAT_SRMASK alias (SCTLRALIAS_EL1 is SCTLR_EL1).
            var key = line.Cells[2].Text + " " + offset.ToString(CultureInfo.InvariantCulture);
            if (offsets.TryGetValue(key, out var earlier))
            {
                if (Unaliased(name) != Unaliased(earlier.Register))
                {
                    row.Report(offsetCell, string.Format(CultureInfo.InvariantCulture, "offset {0} under nvx {1} is {2}'s already (line {3}): two registers share a location only when one is the other's alias (SCTLRALIAS_EL1)", offsetCell.Text, line.Cells[2].Text, earlier.Register, earlier.Line));
                }
            }
            else
            {
                offsets[key] = (name, line.Line + 1);
            }

            var section = line.Cells[3].Text;
            if (section == RowReader.Empty)
            {
                row.Report(line.Cells[3], "give the Arm ARM sections the row comes from (D24.2.175)");
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "new(Aarch64Registers.Named({0}), 0x{1:X3}, {2}, {3})",
                row.Name(0), offset, row.Choice(2, RowReader.NvxConditions), CSharp.String(section));
        });
    }

    /// <summary>The register a FEAT_SRMASK alias names: SCTLR_EL1 for SCTLRALIAS_EL1; any other name itself.</summary>
    private static string Unaliased(string name) => name.Replace("ALIAS_", "_");
}
