using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>An event counter limit (MDCR_EL2.HPMN): its field (<c>4:0</c>, traps-when <c>index-at-or-above</c>) and its rules' counters.</summary>
public sealed partial class ArchitectureTablesGeneratorTests
{
    [Fact]
    public void An_index_at_or_above_control_is_a_counter_limit_with_its_fields_width()
    {
        var result = Run(Controls, "trap-controls.table");

        Assert.Empty(result.Diagnostics);
        Assert.Contains("new(\"MDCR_EL2\", \"HPMN\", 0, true, null, \"FEAT_PMUv3\", false, \"Hypervisor counter number.\") { IsCounterLimit = true, Width = 5 };", Generated(result, "TrapControls."), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MDCR_EL2  HPMN  ‸4  index-at-or-above  -  -  -  One bit.", "its bits are msb:lsb")]
    [InlineData("MDCR_EL2  HPMN  ‸0:4  index-at-or-above  -  -  -  Backwards.", "its bits are msb:lsb")]
    public void A_counter_limit_whose_bits_are_not_a_field_is_reported(string row, string message)
    {
        var marked = MarkedCatalogue.Parse(row + "\n");

        var diagnostic = Assert.Single(Run(marked.Text, "trap-controls.table").Diagnostics);

        Assert.Equal("TGA0001", diagnostic.Id);
        Assert.Equal((marked.Line, marked.Column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_counter_rule_carries_its_counter_or_the_selected_one()
    {
        var result = Run(Header + "PMEVCNTR5_EL0  3 3 14 8 5  64 RW 0 -  TDA:rw,HPMN[5]:rw  -\nPMXEVCNTR_EL0  3 3 9 13 2  64 RW 0 -  HPMN[SEL]:r  -\n");

        var registers = Generated(result, "Aarch64Registers.");
        Assert.Contains("[new(TrapControls.TDA, AccessDirection.ReadWrite), new(TrapControls.HPMN, AccessDirection.ReadWrite) { Counter = 5 }]", registers, System.StringComparison.Ordinal);
        Assert.Contains("[new(TrapControls.HPMN, AccessDirection.Read) { CounterSelected = true }]", registers, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PMEVCNTR5_EL0  3 3 14 8 5  64 RW 0 -  ‸TDA:rw,HPMN[31]:rw  -")]
    [InlineData("PMEVCNTR5_EL0  3 3 14 8 5  64 RW 0 -  ‸HPMN[n]:rw  -")]
    [InlineData("PMEVCNTR5_EL0  3 3 14 8 5  64 RW 0 -  ‸HPMN[5:rw  -")]
    public void A_counter_rule_with_a_bad_counter_is_reported(string row)
    {
        var marked = MarkedCatalogue.Parse(Header + row + "\n");

        var diagnostic = Assert.Single(Run(marked.Text).Diagnostics);

        Assert.Equal((marked.Line, marked.Column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains("a counter is CONTROL[n] with n from 0 to 30", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
