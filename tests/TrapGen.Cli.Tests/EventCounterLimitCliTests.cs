using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// MDCR_EL2.HPMN, the event counter limit (bits [4:0], D24.3.17), in traces (<c>mdcr HPMN=2</c>), <c>trapgen decode</c> and
/// <c>trapgen list --architecture</c>. The ESRs are typed here from the ISS of EC 0x18 (IL 1): MRS x1, PMEVCNTR3_EL0 is Op0 3,
/// Op2 3, Op1 3, CRn 14, Rt 1, CRm 8, read.
/// </summary>
public sealed class EventCounterLimitCliTests
{
    [Fact]
    public void A_trace_sets_hpmn_by_value_and_a_counter_at_or_above_it_traps_after_tpm()
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64\nmdcr HPMN=2\nmrs x1, pmevcntr3_el0\nmrs x1, pmevcntr1_el0\nmdcr +TPM\nmrs x1, pmevcntr3_el0\nmdcr -TPM HPMN=6\nmrs x1, pmevcntr3_el0\n"));
        var lines = output.Split('\n').Select(line => string.Join(" ", line.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))).ToList();

        Assert.True(exitCode == 0, error);
        Assert.Contains("MDCR_EL2: TDE clear; trap controls set: HPMN=2", lines);
        Assert.Contains("00000000 mrs x1, pmevcntr3_el0 trap:UNDEF PMEVCNTR3_EL0 (MDCR_EL2.HPMN: counter at or above it)", lines);
        Assert.Contains(lines, line => line.StartsWith("00000004 mrs x1, pmevcntr1_el0 direct", System.StringComparison.Ordinal));
        Assert.Contains("00000008 mrs x1, pmevcntr3_el0 trap:UNDEF PMEVCNTR3_EL0 (MDCR_EL2.TPM set)", lines);
        Assert.Contains(lines, line => line.StartsWith("0000000c mrs x1, pmevcntr3_el0 direct", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("mdcr HPMN=32", "test.trace(2): 'HPMN=32': MDCR_EL2.HPMN holds 0 to 31")]
    [InlineData("mdcr +HPMN", "test.trace(2): MDCR_EL2.HPMN is a field of 5 bits: write HPMN=<n>")]
    [InlineData("mdcr TPM=1", "test.trace(2): 'TPM=1': MDCR_EL2 has no field 'TPM'; its fields are HPMN")]
    public void A_bad_hpmn_value_is_an_error(string line, string message)
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp("guest aarch64\n" + line + "\n"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_names_hpmn_with_the_counter_the_access_reaches()
    {
        var (_, text, _) = Cli.Run("decode", "0x6236f831");

        Assert.Contains("  trapped by   HDFGRTR_EL2.PMEVCNTRn_EL0 (set) or MDCR_EL2.TPM (set) or MDCR_EL2.HPMN (counter 3 at or above it)\n", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void List_architecture_shows_hpmn_as_a_field_and_the_counter_of_each_rule()
    {
        var (_, text, _) = Cli.Run("list", "--architecture");
        var rows = text.Split('\n').Select(line => line.Split(' ', System.StringSplitOptions.RemoveEmptyEntries)).Where(cells => cells.Length > 2).ToList();
        var json = JsonDocument.Parse(Cli.Run("list", "--architecture", "--json").Output).RootElement;
        var hpmn = json.GetProperty("trapControls").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "HPMN");
        var pmxevcntr = json.GetProperty("aarch64Registers").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "PMXEVCNTR_EL0");
        var tpm = json.GetProperty("trapControls").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "TPM");

        Assert.Contains(rows, cells => cells[0] == "MDCR_EL2.HPMN" && cells[1] == "4:0" && cells[2] == "index-at-or-above");
        Assert.Contains(rows, cells => cells[0] == "PMEVCNTR5_EL0" && cells.Contains("HPMN[5]:read-write"));
        Assert.Equal((0, 5, "index-at-or-above"), (hpmn.GetProperty("bit").GetInt32(), hpmn.GetProperty("width").GetInt32(), hpmn.GetProperty("trapsWhen").GetString()));
        Assert.False(tpm.TryGetProperty("width", out _));
        Assert.Contains(pmxevcntr.GetProperty("traps").EnumerateArray(), t => t.GetProperty("control").GetString() == "MDCR_EL2.HPMN" && t.GetProperty("counter").GetString() == "SEL");
    }
}
