using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>range-traps.table: a control's range of encodings as a row, each field's values and ranges checked against the field.</summary>
public sealed partial class ArchitectureTablesGeneratorTests
{
    [Fact]
    public void A_range_row_becomes_its_control_class_and_field_ranges()
    {
        var ranges = Generated(Run("TVM  cp15  -  0-7  9  0-2,5-8  0-7  rw  -  D24.2.62\nTRVM  aarch64  3  0  0  2-7  0-7  r  FEAT_FGT  D24.2.62\n", "range-traps.table"), "RangeTraps.");

        Assert.Contains(
            "new(TrapControls.TVM, TrapClasses.Mcr, \"cp15\", [new(\"Opc1\", [(0, 7)]), new(\"CRn\", [(9, 9)]), new(\"CRm\", [(0, 2), (5, 8)]), new(\"Opc2\", [(0, 7)])], AccessDirection.ReadWrite, null, \"D24.2.62\")",
            ranges,
            System.StringComparison.Ordinal);
        Assert.Contains(
            "new(TrapControls.TRVM, TrapClasses.Msr, \"aarch64\", [new(\"Op0\", [(3, 3)]), new(\"Op1\", [(0, 0)]), new(\"CRn\", [(0, 0)]), new(\"CRm\", [(2, 7)]), new(\"Op2\", [(0, 7)])], AccessDirection.Read, \"FEAT_FGT\", \"D24.2.62\")",
            ranges,
            System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("‸TVN  aarch64  3  0  0  2-7  0-7  r  -  D24.2.62", "'TVN' is not a trap control of trap-controls.table")]
    [InlineData("TVM  ‸aarch32  -  0  0  2-7  0-7  r  -  D24.2.62", "'aarch32' must be one of: aarch64, sys128, cp15, cp14, vmrs")]
    [InlineData("TVM  cp15  ‸3  0  0  2-7  0-7  r  -  D24.2.62", "'3' must be '-': an AArch32 access has no op0")]
    [InlineData("TVM  aarch64  ‸4  0  0  2-7  0-7  r  -  D24.2.62", "'4' must be a value or a range low-high from 0 to 3")]
    [InlineData("TVM  aarch64  3  ‸0-8  0  2-7  0-7  r  -  D24.2.62", "'0-8' must be a value or a range low-high from 0 to 7")]
    [InlineData("TVM  aarch64  3  0  0  ‸7-2  0-7  r  -  D24.2.62", "'7-2' must be a value or a range low-high from 0 to 15")]
    [InlineData("TVM  cp15  -  0  9  ‸5-8,0-2  0-7  rw  -  D24.2.62", "'0-2' must come after the values before it")]
    [InlineData("TVM  aarch64  3  0  0  2-7  0-7  r  -  ‸-", "give the Arm ARM sections the row comes from")]
    public void A_malformed_range_row_is_reported_at_its_cell(string row, string message)
    {
        var marked = MarkedCatalogue.Parse(row + "\n");

        var diagnostic = Assert.Single(Run(marked.Text, "range-traps.table").Diagnostics);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("TGA0001", "/tables/range-traps.table"), (diagnostic.Id, span.Path));
        Assert.Equal((marked.Line, marked.Column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
