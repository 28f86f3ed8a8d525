using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// MPAM's EL2 traps through the CLI: a trace's 'mpam2', 'mpambw2' and 'mpamhcr' lines set them and the run reports the
/// control that trapped (neoverse-v1, whose dump reports MPAM v1.0, the one shipped model with MPAM); on a model
/// without the feature the line says the bits are RES0; 'decode' of an MPAMIDR_EL1 read and an MPAMSM_EL1 write (EC
/// 0x18, written out by hand from the ISS encoding) names their controls in the pseudocode's order; 'list
/// --architecture' lists each control with its bit.
/// </summary>
public sealed class MpamTrapCliTests
{
    [Fact]
    public void A_trace_sets_mpam2_el2_and_each_control_traps_its_register()
    {
        var trace = "guest aarch64 cpu neoverse-v1\nmpam2 +TRAPMPAM1EL1 +TRAPMPAM0EL1\nmrs x1, mpam1_el1\nmsr mpam0_el1, x2\nmpam2 -TRAPMPAM0EL1\nmsr mpam0_el1, x2\n";

        var (exitCode, output, error) = Cli.Run("run", Cli.Temp(trace));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("MPAM2_EL2: trap controls set: TRAPMPAM1EL1, TRAPMPAM0EL1", output, System.StringComparison.Ordinal);
        Assert.Contains("traps per control: MPAM2_EL2.TRAPMPAM1EL1 1, MPAM2_EL2.TRAPMPAM0EL1 1", output, System.StringComparison.Ordinal);
        Assert.Contains("traps per register: MPAM1_EL1 1, MPAM0_EL1 1", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cortex-a57", "mpam2 +TRAPMPAM1EL1", "MPAM2_EL2: trap controls set: TRAPMPAM1EL1 (RES0 on cortex-a57, which lacks FEAT_MPAM)")]
    [InlineData("neoverse-v1", "mpamhcr +TRAP_MPAMIDR_EL1", "MPAMHCR_EL2: trap controls set: TRAP_MPAMIDR_EL1 (RES0 on neoverse-v1, which lacks FEAT_MPAM&MPAM_HCR)")]
    public void On_a_model_without_the_feature_the_line_says_the_bit_is_res0(string model, string line, string expected)
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu " + model + "\n" + line + "\nmrs x0, sctlr_el1\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains(expected, output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_controls_that_trap_while_clear_are_listed_only_on_a_model_with_them()
    {
        // neoverse-v1 has neither SME (EnMPAMSM) nor the PE-side bandwidth controls (MPAMBW2_EL2), so MPAM2_EL2 and
        // MPAMBW2_EL2 at 0 list nothing that traps while clear.
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu neoverse-v1\nmpam2 -TIDR\nmpambw2 -nTRAP_MPAMBW1_EL1\nmrs x0, sctlr_el1\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("MPAM2_EL2: trap controls set: none", output, System.StringComparison.Ordinal);
        Assert.Contains("MPAMBW2_EL2: trap controls set: none", output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("trapping while clear", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x62382809", "mrs x0, mpamidr_el1", "MPAMHCR_EL2.TRAP_MPAMIDR_EL1 (set) or MPAM2_EL2.TIDR (set)")] // Op0 3, Op2 4, Op1 0, CRn 10, Rt 0, CRm 4, read
    [InlineData("0x623628aa", "msr mpamsm_el1, x5", "MPAM2_EL2.EnMPAMSM (clear)")]                                  // Op0 3, Op2 3, Op1 0, CRn 10, Rt 5, CRm 5, write
    public void Decode_names_the_controls_in_the_pseudocodes_order(string esr, string instruction, string controls)
    {
        var (exitCode, output, _) = Cli.Run("decode", esr);

        Assert.Equal(0, exitCode);
        Assert.Contains(instruction, output, System.StringComparison.Ordinal);
        Assert.Contains(controls, output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MPAM2_EL2.TRAPMPAM1EL1", "48")]
    [InlineData("MPAM2_EL2.TRAPMPAM0EL1", "49")]
    [InlineData("MPAM2_EL2.EnMPAMSM", "50")]
    [InlineData("MPAM2_EL2.TIDR", "58")]
    [InlineData("MPAMBW2_EL2.nTRAP_MPAMBWSM_EL1", "49")]
    [InlineData("MPAMBW2_EL2.nTRAP_MPAMBW1_EL1", "50")]
    [InlineData("MPAMBW2_EL2.nTRAP_MPAMBW0_EL1", "51")]
    [InlineData("MPAMBW2_EL2.nTRAP_MPAMBWIDR_EL1", "52")]
    [InlineData("MPAMHCR_EL2.TRAP_MPAMIDR_EL1", "31")]
    public void List_architecture_shows_each_control_with_its_bit(string control, string bit)
    {
        Assert.Equal(bit, Cli.ListedBit(control));
    }
}
