using Microsoft.CodeAnalysis;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>nv2-memory.table: a register of aarch64-registers.table, its offset in the VNCR page and the HCR_EL2.&lt;NV2,NV1,NV&gt; it needs.</summary>
public sealed partial class ArchitectureTablesGeneratorTests
{
    private const string Nv2Registers = Header + "SCTLR_EL1  3 0 1 0 0  64 RW 1 -  -  -\nSCTLR_EL12  3 5 1 0 0  64 RW 2 -  -  -\nSCTLRALIAS_EL1  3 0 1 4 6  64 RW 1 -  -  -\nHCR_EL2  3 4 1 1 0  64 RW 2 -  -  -\n";

    [Fact]
    public void An_nv2_row_becomes_its_register_offset_and_condition()
    {
        var rows = Generated(RunNv2("SCTLR_EL1  0x110  111  D24.2.175\nSCTLRALIAS_EL1  0x110  111  D24.2.176\nSCTLR_EL12  0x110  101  D24.2.175\nHCR_EL2  0x078  1x1  D24.2.62\n"), "Nv2Memory.");

        Assert.Contains("new(Aarch64Registers.Named(\"SCTLR_EL1\"), 0x110, NvxCondition.Nvx111, \"D24.2.175\")", rows, System.StringComparison.Ordinal);
        Assert.Contains("new(Aarch64Registers.Named(\"SCTLR_EL12\"), 0x110, NvxCondition.Nvx101, \"D24.2.175\")", rows, System.StringComparison.Ordinal);
        Assert.Contains("new(Aarch64Registers.Named(\"HCR_EL2\"), 0x078, NvxCondition.Nvx1x1, \"D24.2.62\")", rows, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("‸SCTLR_EL3  0x110  111  D24.2.175", "'SCTLR_EL3' is not a register of aarch64-registers.table")]
    [InlineData("SCTLR_EL1  ‸0x1000  111  D24.2.175", "'0x1000' must be an offset within the 4KB page, 8-byte aligned")]
    [InlineData("SCTLR_EL1  ‸0x114  111  D24.2.175", "'0x114' must be an offset within the 4KB page, 8-byte aligned")]
    [InlineData("SCTLR_EL1  ‸272  111  D24.2.175", "'272' must be an offset within the 4KB page, 8-byte aligned, in hexadecimal")]
    [InlineData("SCTLR_EL1  0x110  ‸110  D24.2.175", "'110' must be one of: 111, 101, 1x1")]
    [InlineData("SCTLR_EL1  0x110  111  ‸-", "give the Arm ARM sections the row comes from")]
    public void A_malformed_nv2_row_is_reported_at_its_cell(string row, string message)
    {
        var marked = MarkedCatalogue.Parse(row + "\n");

        var diagnostic = Assert.Single(RunNv2(marked.Text).Diagnostics);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("TGA0001", "/tables/nv2-memory.table"), (diagnostic.Id, span.Path));
        Assert.Equal((marked.Line, marked.Column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_registers_at_one_offset_under_one_condition_are_reported_unless_one_is_the_others_alias()
    {
        var marked = MarkedCatalogue.Parse("SCTLR_EL1  0x110  111  D24.2.175\nSCTLRALIAS_EL1  0x110  111  D24.2.176\nHCR_EL2  ‸0x110  111  D24.2.62\n");

        var diagnostic = Assert.Single(RunNv2(marked.Text).Diagnostics);
        Assert.Equal(marked.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("offset 0x110 under nvx 111 is SCTLR_EL1's already (line 1)", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_redirection_row_becomes_its_two_registers()
    {
        var result = Run("HCR_EL2  SCTLR_EL1  D8.14.6.1\n", "nv2-redirections.table", extra: [new InMemoryAdditionalText("/tables/aarch64-registers.table", Nv2Registers)]);

        Assert.Contains("new(Aarch64Registers.Named(\"HCR_EL2\"), Aarch64Registers.Named(\"SCTLR_EL1\"), \"D8.14.6.1\")", Generated(result, "Nv2Redirections."), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HCR_EL2  ‸ESR_EL1  D8.14.6.1", "'ESR_EL1' is not a register of aarch64-registers.table")]
    [InlineData("‸SCTLR_EL1  SCTLR_EL12  D8.14.6.1", "a redirection takes an EL2 register's access to an EL1 register")]
    [InlineData("HCR_EL2  SCTLR_EL1  ‸-", "give the Arm ARM sections the row comes from")]
    public void A_malformed_redirection_row_is_reported_at_its_cell(string row, string message)
    {
        var marked = MarkedCatalogue.Parse(row + "\n");

        var diagnostic = Assert.Single(Run(marked.Text, "nv2-redirections.table", extra: [new InMemoryAdditionalText("/tables/aarch64-registers.table", Nv2Registers)]).Diagnostics);
        Assert.Equal((marked.Line, marked.Column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Character));
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    private static GeneratorRunResult RunNv2(string rows) =>
        Run(rows, "nv2-memory.table", extra: [new InMemoryAdditionalText("/tables/aarch64-registers.table", Nv2Registers)]);
}
