using System.Linq;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>cpu-implementers.table, cpu-parts.table and smccc-functions.table: MIDR names and SMCCC calls as rows.</summary>
public sealed partial class ArchitectureTablesGeneratorTests
{
    [Fact]
    public void Midr_and_smccc_rows_become_their_tuples()
    {
        var implementers = Generated(Run("0x41  Arm Limited\n", "cpu-implementers.table"), "CpuImplementers.");
        var parts = Generated(Run("0x41  0xD07  Cortex-A57\n", "cpu-parts.table"), "CpuParts.");
        var calls = Generated(Run("4  0x0003  32,64  CPU_ON  PSCI\n4  0x0000  32  PSCI_VERSION  PSCI\n", "smccc-functions.table"), "SmcccFunctions.");

        Assert.Contains("(65, \"Arm Limited\")", implementers, System.StringComparison.Ordinal);
        Assert.Contains("(65, 3335, \"Cortex-A57\")", parts, System.StringComparison.Ordinal);
        Assert.Contains("(4, 3, true, true, \"CPU_ON\", \"PSCI\")", calls, System.StringComparison.Ordinal);
        Assert.Contains("(4, 0, true, false, \"PSCI_VERSION\", \"PSCI\")", calls, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("smccc-functions.table", "4  0x0003  ‸16  CPU_ON  PSCI", "'16' is not a calling convention: expected 32, 64 or 32,64")]
    [InlineData("smccc-functions.table", "‸64  0x0003  32  CPU_ON  PSCI", "'64' must be a number from 0 to 63")]
    [InlineData("cpu-parts.table", "0x41  ‸0x1000  Too wide", "'0x1000' must be a number from 0 to 4095")]
    [InlineData("cpu-implementers.table", "‸0x100  Too wide", "'0x100' must be a number from 0 to 255")]
    public void A_malformed_identification_row_is_reported_at_its_cell(string table, string row, string message)
    {
        var marked = MarkedCatalogue.Parse(row + "\n");

        var diagnostic = Assert.Single(Run(marked.Text, table).Diagnostics);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("TGA0001", "/tables/" + table), (diagnostic.Id, span.Path));
        Assert.Equal((marked.Line, marked.Column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
