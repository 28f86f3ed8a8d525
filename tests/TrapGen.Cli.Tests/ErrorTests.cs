using System.IO;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>Bad input gets one clear line on standard error and a non-zero exit, never a stack trace.</summary>
public sealed class ErrorTests
{
    [Theory]
    [InlineData("msr sctrl_el1, x0 = 1", "test.trace(2): unknown system register 'sctrl_el1'")]
    [InlineData("mrs x0, sctlr_el1 = 5", "test.trace(2): a read takes no '= value'")]
    [InlineData("msr sctlr_el1, x0 = banana", "test.trace(2): 'banana' is not a number")]
    [InlineData("mcr p15, 0, r0, c1, c0, 0 = 0x100000000", "test.trace(2): 0x100000000 does not fit the 32 bits an MCR writes")]
    [InlineData("vcpu 3", "test.trace(2): expected 'vcpu <n>' with n from 0 to 0")]
    [InlineData("guest riscv", "test.trace(2): expected 'guest aarch64'")]
    [InlineData("mdcr +TVM", "test.trace(2): unknown MDCR_EL2 bit 'TVM'; use one of HPMN, TPMCR, TPM, TDA, TDOSA, TDRA, E2PB, TPMS, EnSPM, TTRF, E2TB, TDCC, TDE")]
    [InlineData("cnthctl +TVM", "test.trace(2): unknown CNTHCTL_EL2 bit 'TVM'; use one of EL1PCTEN, EL1PCEN, EL1TVT, EL1TVCT")]
    [InlineData("cptr +TVM", "test.trace(2): unknown CPTR_EL2 bit 'TVM'; use one of TZ, TFP, TSM, TTA, TAM, TCPAC")]
    [InlineData("hcrx +TVM", "test.trace(2): unknown HCRX_EL2 bit 'TVM'; use one of EnAS0, EnALS, EnASR, FGTnXS, TALLINT, TCR2En, SCTLR2En, D128En, EnIDCP128, EnFPM, SRMASKEn")]
    [InlineData("ich_hcr +TVM", "test.trace(2): unknown ICH_HCR_EL2 bit 'TVM'; use one of TC, TALL0, TALL1, TDIR")]
    [InlineData("mpam2 +TVM", "test.trace(2): unknown MPAM2_EL2 bit 'TVM'; use one of TRAPMPAM1EL1, TRAPMPAM0EL1, EnMPAMSM, TIDR")]
    [InlineData("mpambw2 +TVM", "test.trace(2): unknown MPAMBW2_EL2 bit 'TVM'; use one of nTRAP_MPAMBWSM_EL1, nTRAP_MPAMBW1_EL1, nTRAP_MPAMBW0_EL1, nTRAP_MPAMBWIDR_EL1")]
    [InlineData("mpamhcr +TIDR", "test.trace(2): unknown MPAMHCR_EL2 bit 'TIDR'; use one of TRAP_MPAMIDR_EL1")]
    [InlineData("mdcr +TDA -TDA", "test.trace(2): 'mdcr' both sets and clears the same bit")]
    [InlineData("flags q", "test.trace(2): unknown flag 'q'")]
    [InlineData("timer 5", "test.trace(2): expected 'timer +<ticks>'")]
    [InlineData("hcr +XYZ", "test.trace(2): unknown HCR_EL2 bit 'XYZ'; use one of FMO, IMO, TWI, TWE, TID0, TID1, TID2, TID3, TSC, TIDCP, TACR, TSW, TPC, TPU, TTLB, TVM, TDZ, TRVM, TLOR, TERR, API, APK, NV, NV1, AT, FIEN, TID4, TICAB, TOCU, EnSCXT, TTLBIS, TTLBOS, ATA, TID5, DC")]
    [InlineData("hcr +TID3 -TID3", "test.trace(2): 'hcr' both sets and clears the same bit")]
    [InlineData("hcr +TID3 TSW", "test.trace(2): expected 'hcr +<bit>' or 'hcr -<bit>' (any number of them) with one of FMO, IMO, TWI, TWE, TID0, TID1, TID2, TID3, TSC, TIDCP, TACR, TSW, TPC, TPU, TTLB, TVM, TDZ, TRVM, TLOR, TERR, API, APK, NV, NV1, AT, FIEN, TID4, TICAB, TOCU, EnSCXT, TTLBIS, TTLBOS, ATA, TID5, DC, NV2; got 'TSW'")]
    [InlineData("hcr", "test.trace(2): expected 'hcr +<bit>' or 'hcr -<bit>' (any number of them)")]
    [InlineData("0xZZ", "test.trace(2): '0xZZ' is not a 32-bit instruction word")]
    [InlineData("frobnicate x0", "test.trace(2): 'frobnicate' is not an instruction TrapGen models")]
    public void A_malformed_trace_line_is_reported_with_its_line_number(string line, string expected)
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64\n" + line + "\n"));

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("trapgen: error: " + expected, error, System.StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void An_hcrx_line_sets_and_clears_its_enables_and_says_which_the_model_has()
    {
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64 cpu apple-m3\nhcrx +TCR2En -EnFPM\nmrs x0, sctlr_el1\n"));

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("HCRX_EL2: trap controls set: none", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_trace_without_a_guest_is_refused()
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp("# nothing\n"));
        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Equal("trapgen: error: test.trace: the trace declares no guest; start it with 'guest aarch64' or 'guest aarch32'\n", error);
    }

    [Fact]
    public void A_guest_declared_after_an_instruction_is_refused()
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp("guest aarch64\nmsr tcr_el1, x0\nguest aarch32\n"));
        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Contains("test.trace(3): declare every guest vCPU before the first instruction", error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_trace_file_is_one_line()
    {
        var (exitCode, output, error) = Cli.Run("run", Path.Combine(Path.GetTempPath(), "no-such-trapgen.trace"));
        Assert.NotEqual(0, exitCode);
        Assert.Empty(output);
        Assert.Contains("no-such-trapgen.trace", error, System.StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("run", "a.trace", "--unhandled", "Explode")]
    [InlineData()]
    public void Usage_errors_are_one_line_pointing_to_help(params string[] args)
    {
        var (exitCode, output, error) = Cli.Run(args);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("trapgen: error: ", error, System.StringComparison.Ordinal);
        Assert.Contains(" --help')", error, System.StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("list")]
    [InlineData("run")]
    public void A_directory_where_a_file_belongs_is_one_line(string command)
    {
        var directory = Directory.CreateTempSubdirectory("trapgen-dir-");

        RunExpectingOneError([command, directory.FullName], directory.Name + " is a directory; give the path of a file");
    }

    [Theory]
    [InlineData("argument 1: 'zz' is not an ESR value; write it in hexadecimal, such as 0x62300400", "decode", "zz")]
    [InlineData("argument 2: '0x100000062300400' sets bits [63:56], which are RES0 in ESR_EL2", "decode", "0x62300400", "0x100000062300400")]
    [InlineData("argument 1: cannot encode 'msr sctrl_el1, x0': unknown system register 'sctrl_el1'", "encode", "msr sctrl_el1, x0")]
    [InlineData("argument 1: cannot encode 'mcr p15, 8, r0, c1, c0, 0': '8' is not a valid opc1; expected 0–7", "encode", "mcr p15, 8, r0, c1, c0, 0")]
    [InlineData("argument 1: cannot encode 'mcrxx p15, 0, r0, c1, c0, 0': unknown condition 'xx'", "encode", "mcrxx p15, 0, r0, c1, c0, 0")]
    [InlineData("argument 1: cannot encode 'mcr p13, 0, r0, c1, c0, 0': 'p13': only coprocessors p15 (system control) and p14 (debug)", "encode", "mcr p13, 0, r0, c1, c0, 0")]
    [InlineData("argument 1: cannot encode 'msr sctlr_el1, x31': 'x31' is not a register here; expected x0–x30 or xzr", "encode", "msr sctlr_el1, x31")]
    [InlineData("cannot read no-such-catalogue.yaml", "list", "no-such-catalogue.yaml")]
    [InlineData("cannot read no-such-catalogue.yaml", "check", "no-such-catalogue.yaml")]
    public void A_bad_value_is_one_line_naming_it(string expected, params string[] args)
    {
        RunExpectingOneError(args, expected);
    }

    [Fact]
    public void In_a_batch_the_bad_value_is_reported_and_the_good_ones_still_decoded()
    {
        var (exitCode, output, error) = Cli.RunWithInput("0x62300400\nnot-hex\n0x0f700c21\n", "decode", "--json");

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Equal(2, output.TrimEnd().Split('\n').Length);
        Assert.Equal("trapgen: error: line 2 of standard input: 'not-hex' is not an ESR value; write it in hexadecimal, such as 0x62300400\n", error);
    }

    [Theory]
    [InlineData("decode")]
    [InlineData("encode")]
    public void No_values_at_all_is_an_error(string command)
    {
        var (exitCode, _, error) = Cli.RunWithInput("# only a comment\n", command);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.StartsWith("trapgen: error: no ", error, System.StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_catalogue_that_is_not_yaml_gets_a_diagnostic_not_a_crash()
    {
        var path = Cli.Temp("registers: [ {{{ \n\t- :", "registers.yaml");

        var (exitCode, output, error) = Cli.Run("check", path);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Empty(error);
        Assert.Contains(": error TG0001: ", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("check", "--help")]
    [InlineData("list", "--help")]
    [InlineData("decode", "--help")]
    [InlineData("encode", "--help")]
    [InlineData("run", "--help")]
    [InlineData("boot", "--help")]
    [InlineData("replay", "--help")]
    public void Every_command_has_help(params string[] args)
    {
        var (exitCode, output, _) = Cli.Run(args);
        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, System.StringComparison.Ordinal);
    }

    private static void RunExpectingOneError(string[] args, string expected)
    {
        var (exitCode, _, error) = Cli.Run(args);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.StartsWith("trapgen: error: " + expected, error, System.StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error, System.StringComparison.Ordinal);
    }
}
