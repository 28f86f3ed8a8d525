using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// The controls that trap ranges of encodings (range-traps.table) in <c>trapgen decode</c> and <c>trapgen list
/// --architecture</c>. Every ESR and every expected line is typed here from the Arm ARM (DDI 0487 M.a.a: D24.2.62
/// HCR_EL2.TID3 and TIDCP, D24.2.40's ISS layouts), not read from the table under test.
/// </summary>
public sealed class RangeTrapCliTests
{
    /// <summary>
    /// ESRs of EC 0x18 (IL 1) and 0x03 (IL 1, CV 1, COND 0xE), Rt 0: an MRS of the reserved S3_0_C0_C3_7; an MRS of the
    /// IMPLEMENTATION DEFINED S3_0_C15_C2_0; an MRC p15, 0, c0, c3, 0 (reserved ID); an MCR p15, 0, c11, c0, 0
    /// (IMPLEMENTATION DEFINED DMA for TCM). Each is trapped only by a range.
    /// </summary>
    [Theory]
    [InlineData("0x623e0007", "HCR_EL2.TID3 (set), by range: op0 3, op1 0, CRn 0, CRm 2-7, op2 0-7 (D24.2.62)")]
    [InlineData("0x62303c05", "HCR_EL2.TIDCP (set), by range: op0 3, op1 0-7, CRn 11,15, CRm 0-15, op2 0-7 (D24.2.62, D24.2.168, D23.3.2)")]
    [InlineData("0x0fe00007", "HCR_EL2.TID3 (set), by range: opc1 0, CRn 0, CRm 2-7, opc2 0-7 (D24.2.62)")]
    [InlineData("0x0fe02c00", "HCR_EL2.TIDCP (set), by range: opc1 0-7, CRn 11, CRm 0-8,15, opc2 0-7 (D24.2.62, G7.3.1.3.3)")]
    public void Decode_names_the_control_that_traps_an_encoding_only_a_range_covers(string esr, string trappedBy)
    {
        var (exitCode, text, _) = Cli.Run("decode", esr);
        var json = JsonDocument.Parse(Cli.Run("decode", "--json", esr).Output).RootElement.GetProperty("trappedBy").EnumerateArray().Single();

        Assert.Equal(0, exitCode);
        Assert.Contains("  trapped by   " + trappedBy + "\n", text, System.StringComparison.Ordinal);
        Assert.Equal(trappedBy, json.GetProperty("control").GetString() + " (" + json.GetProperty("trapsWhen").GetString() + "), by range: " + json.GetProperty("range").GetString());
    }

    /// <summary>
    /// A named ID register inside the range is trapped by its own row, without a range (ID_PFR0_EL1: op0 3, op1 0, CRn 0,
    /// CRm 1, op2 0); just past the range's end (CRm 8) nothing traps; a write of the reserved ID space is UNDEFINED,
    /// never TID3's (MSR S3_0_C0_C3_7: Dir 0).
    /// </summary>
    [Theory]
    [InlineData("0x62300003", "HCR_EL2.TID3 (set)")]
    [InlineData("0x62300011", "no EL2 trap control TrapGen models (it may be IMPLEMENTATION DEFINED, or trapped by a control not yet modelled)")]
    [InlineData("0x623e0006", "no EL2 trap control TrapGen models (it may be IMPLEMENTATION DEFINED, or trapped by a control not yet modelled)")]
    public void Decode_says_by_range_only_where_no_row_names_the_access(string esr, string trappedBy)
    {
        var (_, text, _) = Cli.Run("decode", esr);
        var rules = JsonDocument.Parse(Cli.Run("decode", "--json", esr).Output).RootElement.GetProperty("trappedBy").EnumerateArray().ToList();

        Assert.Contains("  trapped by   " + trappedBy + "\n", text, System.StringComparison.Ordinal);
        Assert.All(rules, rule => Assert.False(rule.TryGetProperty("range", out _)));
    }

    [Fact]
    public void List_architecture_shows_each_range_under_its_control_in_full()
    {
        var (exitCode, output, _) = Cli.Run("list", "--architecture");
        var rows = output.Split('\n').SkipWhile(line => !line.StartsWith("RANGE RULE", System.StringComparison.Ordinal)).Skip(1)
            .TakeWhile(line => line.Length > 0).Select(line => string.Join(" ", line.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))).ToList();

        Assert.Equal(0, exitCode);
        Assert.Contains("HCR_EL2.TID3 aarch64 0x18 op0 3, op1 0, CRn 0, CRm 2-7, op2 0-7 read FEAT_FGT D24.2.62", rows);
        Assert.Contains("HCR_EL2.TID3 cp15 0x03 opc1 0, CRn 0, CRm 2-7, opc2 0-7 read FEAT_FGT D24.2.62", rows);
        Assert.Contains("HCR_EL2.TIDCP aarch64 0x18 op0 1, op1 0-7, CRn 11,15, CRm 0-15, op2 0-7 read-write - D24.2.62,C5.10.1", rows);
        Assert.Contains("HCR_EL2.TIDCP cp15 0x03 opc1 0-7, CRn 9, CRm 0-2,5-8, opc2 0-7 read-write - D24.2.62,G7.3.1.3.1", rows);
        Assert.Equal(rows.OrderBy(row => row.Split(' ')[0], System.StringComparer.Ordinal), rows);
    }

    [Fact]
    public void List_architecture_json_gives_each_range_field_by_field()
    {
        var ranges = JsonDocument.Parse(Cli.Run("list", "--architecture", "--json").Output).RootElement.GetProperty("rangeTraps").EnumerateArray().ToList();

        var vmrs = ranges.Single(r => r.GetProperty("state").GetString() == "vmrs");
        Assert.Equal(("HCR_EL2.TID3", "0x08", "read"), (vmrs.GetProperty("control").GetString(), vmrs.GetProperty("ec").GetString(), vmrs.GetProperty("direction").GetString()));
        Assert.Equal("5-7", vmrs.GetProperty("fields").GetProperty("CRn").GetString());
        var c10 = ranges.Single(r => r.GetProperty("control").GetString() == "HCR_EL2.TIDCP" && r.GetProperty("fields").TryGetProperty("CRn", out var crn) && crn.GetString() == "10");
        Assert.Equal("0,1,4,8", c10.GetProperty("fields").GetProperty("CRm").GetString());
        Assert.Equal("0-7", c10.GetProperty("fields").GetProperty("opc1").GetString());
        Assert.Equal(JsonValueKind.Null, c10.GetProperty("feature").ValueKind);
    }

    [Fact]
    public void A_cpu_without_aarch32_at_el1_lists_only_the_aarch64_ranges()
    {
        var ranges = JsonDocument.Parse(Cli.Run("list", "--architecture", "--cpu", "cortex-a76", "--json").Output).RootElement.GetProperty("rangeTraps").EnumerateArray();

        Assert.Equal(["aarch64", "aarch64", "aarch64"], ranges.Select(r => r.GetProperty("state").GetString()));
    }
}
