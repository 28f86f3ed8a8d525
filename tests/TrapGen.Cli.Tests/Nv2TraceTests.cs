using System.IO;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// FEAT_NV2 in a trace: <c>hcr +NV2</c>, the <c>memory</c> outcome with the register's offset in the VNCR page
/// (nv2-memory.table; SCTLR_EL1 0x110, HCR_EL2 0x078, VBAR_EL1 0x250, MDSCR_EL1 0x158, Table D8-120), and the
/// control-register line saying what NV2 does on the model; ESR_EL2's redirection to ESR_EL1 (D8.14.6.1), and
/// CNTHCTL_EL2.EL1NVPCT trapping CNTP_CTL_EL02 before its memory access (D24.10.2).
/// </summary>
public sealed class Nv2TraceTests
{
    [Fact]
    public void The_example_sends_a_guest_hypervisors_accesses_to_the_page()
    {
        var (exitCode, output, error) = Cli.Run("run", Path.Combine(Cli.RepositoryRoot, "examples", "traces", "nested-nv2-aarch64.trace"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("00000000  msr hcr_el2, x0                memory     HCR_EL2          <= 0x0000000480000000  (HCR_EL2.NV2: VNCR_EL2 + 0x078)", output, System.StringComparison.Ordinal);
        Assert.Contains("00000004  mrs x1, hcr_el2                memory     HCR_EL2          => 0x0000000480000000  (HCR_EL2.NV2: VNCR_EL2 + 0x078)", output, System.StringComparison.Ordinal);
        Assert.Contains("00000008  msr vbar_el1, x2               memory     VBAR_EL1         <= 0xffff800080010800  (HCR_EL2.NV2: VNCR_EL2 + 0x250)", output, System.StringComparison.Ordinal);
        Assert.Contains("(HCR_EL2.NV2: VNCR_EL2 + 0x158)", output, System.StringComparison.Ordinal);
        Assert.Contains("00000014  mrs x5, sctlr_el12             unhandled  SCTLR_EL12", output, System.StringComparison.Ordinal);
        Assert.Contains("00000018  msr sctlr_el12, x6             memory     SCTLR_EL12       <= 0x0000000030d0199f  (HCR_EL2.NV2: VNCR_EL2 + 0x110)", output, System.StringComparison.Ordinal);
        Assert.Contains("0000001c  mrs x7, sctlr_el1              direct     SCTLR_EL1", output, System.StringComparison.Ordinal);
        Assert.Contains("00000020  mrs x8, hcr_el2                unhandled  HCR_EL2", output, System.StringComparison.Ordinal);
        Assert.Contains("00000024  mrs x9, esr_el2                redirect   ESR_EL2          => 0x0000000000000000  (HCR_EL2.NV2: ESR_EL1)", output, System.StringComparison.Ordinal);
        Assert.Contains("00000028  mrs x10, cntp_ctl_el02         unhandled  CNTP_CTL_EL02      (CNTHCTL_EL2.EL1NVPCT set)", output, System.StringComparison.Ordinal);
        Assert.Contains("0000002c  mrs x11, cntv_ctl_el02         memory     CNTV_CTL_EL02    => 0x0000000000000000  (HCR_EL2.NV2: VNCR_EL2 + 0x170)", output, System.StringComparison.Ordinal);
        Assert.Contains("traps per control: HCR_EL2.NV 2, CNTHCTL_EL2.EL1NVPCT 1", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apple-m3", "hcr +NV +NV2", "NV2 set (EL1's accesses of nv2-memory.table go to memory at VNCR_EL2)")]
    [InlineData("apple-m3", "hcr +NV2", "NV2 set, but without effect while NV is clear")]
    [InlineData("cortex-a57", "hcr +NV2", "NV2 set, but RES0 on cortex-a57, which lacks FEAT_NV2")]
    public void The_hcr_line_says_what_nv2_does_on_the_model(string model, string line, string said)
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu " + model + "\n" + line + "\nmrs x0, sctlr_el1\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains(said, output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_hcr_bit_lists_nv2_among_the_names()
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp("guest aarch64\nhcr +NV3\n"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unknown HCR_EL2 bit 'NV3'", error, System.StringComparison.Ordinal);
        Assert.Contains(", DC, NV2", error, System.StringComparison.Ordinal);
    }
}
