using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// The GIC CPU interface's traps through the CLI: a trace's 'ich_hcr' and 'hcr +IMO' lines set them and the run
/// reports the control that trapped, in the order of Arm's accessor pseudocode; 'decode' of an ICC_SGI1R_EL1 write
/// (EC 0x18, written out by hand from the ISS encoding) names TC, FMO and IMO in that order; 'list --architecture'
/// lists the four ICH_HCR_EL2 controls with their bits.
/// </summary>
public sealed class GicTrapCliTests
{
    [Fact]
    public void A_trace_sets_ich_hcr_el2_and_hcr_el2_imo_and_each_traps_its_registers()
    {
        var trace = "guest aarch64 cpu neoverse-n2\nich_hcr +TALL1 +TDIR\nhcr +IMO\nmrs x1, icc_iar1_el1\nmsr icc_dir_el1, x2\nmsr icc_sgi1r_el1, x2\nmrs x3, icc_iar0_el1\n";

        var (exitCode, output, error) = Cli.Run("run", Cli.Temp(trace));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("ICH_HCR_EL2: trap controls set: TALL1, TDIR", output, System.StringComparison.Ordinal);
        Assert.Contains("traps per control: ICH_HCR_EL2.TALL1 1, ICH_HCR_EL2.TDIR 1, HCR_EL2.IMO 1", output, System.StringComparison.Ordinal);
        Assert.Contains("traps per register: ICC_IAR1_EL1 1, ICC_DIR_EL1 1, ICC_SGI1R_EL1 1", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_model_without_the_gic_system_registers_the_line_says_the_bit_is_res0()
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu cortex-a57\nich_hcr +TC\nmrs x0, sctlr_el1\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("ICH_HCR_EL2: trap controls set: TC (RES0 on cortex-a57, which lacks GICv3)", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_names_the_sgi_registers_controls_in_the_pseudocodes_order()
    {
        // EC 0x18, IL 1; ISS: Op0 3, Op2 5, Op1 0, CRn 12, Rt 2, CRm 11, write: MSR ICC_SGI1R_EL1, x2.
        var (exitCode, output, _) = Cli.Run("decode", "0x623a3056");

        Assert.Equal(0, exitCode);
        Assert.Contains("msr icc_sgi1r_el1, x2", output, System.StringComparison.Ordinal);
        Assert.Contains("ICH_HCR_EL2.TC (set) or HCR_EL2.FMO (set) or HCR_EL2.IMO (set)", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ICH_HCR_EL2.TC", "10")]
    [InlineData("ICH_HCR_EL2.TALL0", "11")]
    [InlineData("ICH_HCR_EL2.TALL1", "12")]
    [InlineData("ICH_HCR_EL2.TDIR", "14")]
    [InlineData("HCR_EL2.FMO", "3")]
    [InlineData("HCR_EL2.IMO", "4")]
    public void List_architecture_shows_each_control_with_its_bit(string control, string bit)
    {
        Assert.Equal(bit, Cli.ListedBit(control));
    }
}
