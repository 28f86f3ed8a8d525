using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// MDCR_EL2.HPMN (bits [4:0], D24.3.17), the event counter limit: its row, the counter each of its rules names (the row's own
/// n, or PMSELR_EL0.SEL's for PMXEVCNTR_EL0 and PMXEVTYPER_EL0 and their views), and when it traps, worked out by hand
/// from the field's description: a counter at or above the limit and below PMCR_EL0.N traps; a reserved limit (0 without
/// FEAT_HPMN0, or above PMCR_EL0.N) acts as PMCR_EL0.N, the CONSTRAINED UNPREDICTABLE choice TrapGen makes.
/// </summary>
public sealed partial class EventCounterLimitTests
{
    [Fact]
    public void Hpmn_is_the_field_at_bits_4_to_0_of_mdcr_el2_and_needs_pmuv3()
    {
        var hpmn = TrapControls.Find("HPMN")!;

        Assert.Equal(("MDCR_EL2", 0, 5, 0x1FUL, true, "FEAT_PMUv3"), (hpmn.Register, hpmn.Bit, hpmn.Width, hpmn.Mask, hpmn.IsCounterLimit, hpmn.Needs));
        Assert.False(hpmn.IsActive(0), "a counter limit knows no counter: it traps by TrapsCounter");
        Assert.All(TrapControls.All.Where(c => c != hpmn), c => Assert.Equal((1, false), (c.Width, c.IsCounterLimit)));
    }

    [Fact]
    public void Every_hpmn_rule_names_its_rows_own_counter_and_no_other_rule_names_one()
    {
        var rows = Aarch64Registers.All.Select(r => (r.Name, r.Traps)).Concat(Aarch32Registers.All.Select(r => (r.Name, r.Traps))).ToList();
        var limited = rows.Where(r => r.Traps.Any(t => t.Control.IsCounterLimit)).ToList();

        // 31 PMEVCNTR<n>_EL0, 31 PMEVTYPER<n>_EL0, 31 PMEVCNTSVR<n>_EL1, PMXEVCNTR_EL0, PMXEVTYPER_EL0; 31 + 31 + 2 AArch32.
        Assert.Equal(95 + 64, limited.Count);
        Assert.All(limited, r =>
        {
            var rule = Assert.Single(r.Traps, t => t.Control.IsCounterLimit);
            var counter = CounterPattern().Match(r.Name);
            Assert.True(counter.Success, r.Name);
            Assert.Equal(counter.Groups["n"].Success ? (int?)int.Parse(counter.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : null, rule.Counter);
            Assert.Equal(!counter.Groups["n"].Success, rule.CounterSelected);
        });
        Assert.All(rows.SelectMany(r => r.Traps).Where(t => !t.Control.IsCounterLimit), t => Assert.Equal((null, false), (t.Counter, t.CounterSelected)));
    }

    [Theory]
    [InlineData(2, 1, 6, false)]   // counter 1 is below HPMN 2
    [InlineData(2, 2, 6, true)]    // at HPMN: the second range, EL2's
    [InlineData(2, 5, 6, true)]    // the last of cortex-a57's six
    [InlineData(2, 6, 6, false)]   // beyond PMCR_EL0.N: the accessor's own UNDEFINED, not this trap
    [InlineData(6, 5, 6, false)]   // HPMN = N: every counter EL1's
    [InlineData(0, 0, 6, false)]   // 0 is reserved without FEAT_HPMN0: acts as N
    [InlineData(9, 5, 6, false)]   // above N is reserved: acts as N
    [InlineData(31, 30, 6, false)] // the field's largest value, reserved
    public void Hpmn_traps_a_counter_at_or_above_it_and_below_pmcr_el0_n(ulong hpmn, int counter, int implemented, bool traps)
    {
        var model = CpuModels.Find("cortex-a57")!;
        Assert.Equal(implemented, model.EventCounters);

        Assert.Equal(traps, TrapControls.Find("HPMN")!.TrapsCounter(0x100 | hpmn, counter, model)); // 0x100: TDE (bit 8) set, which HPMN ignores
    }

    [Fact]
    public void A_rule_of_the_selected_counter_reads_it_from_the_values_the_access_sees()
    {
        var model = CpuModels.Find("cortex-a57")!;
        var pmxevcntr = Aarch64Registers.All.Single(r => r.Name == "PMXEVCNTR_EL0").Traps.Single(t => t.Control.IsCounterLimit);
        var controls = new TrapControlRegisters(0, 0, Mdcr: 3);

        Assert.False(controls.IsActive(pmxevcntr, model));
        Assert.True((controls with { SelectedCounter = 3 }).IsActive(pmxevcntr, model));
        Assert.False((controls with { SelectedCounter = 31 }).IsActive(pmxevcntr, model), "31 selects the cycle counter, which HPMN does not divide");
    }

    /// <summary>PMEVCNTR5_EL0, PMEVTYPER30, PMEVCNTSVR0_EL1: n; PMXEVCNTR_EL0, PMXEVTYPER: the selected counter.</summary>
    [GeneratedRegex("^PM(?:EV(?:CNTR|TYPER|CNTSVR)(?<n>[0-9]+)|XEV(?:CNTR|TYPER))(?:_EL[01])?$")]
    private static partial Regex CounterPattern();
}
