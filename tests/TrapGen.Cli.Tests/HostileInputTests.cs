using System;
using System.IO;
using System.Linq;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// Input made to crash, exhaust or fool the tool: every one gets one clear line (or its positioned
/// diagnostic) and a non-zero exit, never a stack trace, and nothing it echoes can drive a terminal.
/// </summary>
public sealed class HostileInputTests
{
    private const string Registers = "version: 1\nregisters:\n";

    [Theory]
    [InlineData("nesting", "registers: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", "(1,75): error TG0025: TrapGen stops reading: the YAML nests 65 levels deep here")]
    [InlineData("tab", Registers + "  - name: FAR_EL1\n\thandling: passthrough\n", "(4,1): error TG0001: The catalogue is not valid YAML: While scanning a plain scalar, found a tab character")]
    [InlineData("alias", Registers + "  - name: FAR_EL1\n    handling: *nope\n", "(4,15): error TG0001: The catalogue is not valid YAML: the alias *nope refers to no anchor")]
    [InlineData("utf8", Registers + "  - name: FAR_EL1\n    description: caf\uFFFD\n    handling: passthrough\n", "(4,21): error TG0027: The catalogue is not valid UTF-8 here")]
    public void Check_reports_hostile_catalogues_at_their_position(string what, string catalogue, string expected)
    {
        var path = Cli.Temp(catalogue, what + ".yaml");

        var (exitCode, output, error) = Cli.Run("check", path);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Empty(error);
        Assert.Contains(path + expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_of_alias_amplification_prints_one_diagnostic_not_millions()
    {
        var catalogue = string.Concat(Enumerable.Range(0, 200).Select(i => "a" + i + ": &a" + i + " [" + (i == 0 ? "x" : string.Join(", ", Enumerable.Repeat("*a" + (i - 1), 200))) + "]\n")) + "registers: []\n";
        var path = Cli.Temp(catalogue, "laughs.yaml");

        var (exitCode, output, _) = Cli.Run("check", path);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("error TG0025", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalogue_limit_can_be_raised_on_the_command_line()
    {
        var path = Cli.Temp("version: 1\nregisters: " + new string('[', 70) + new string(']', 70) + "\n", "deep.yaml");

        var (strict, strictOutput, _) = Cli.Run("check", path);
        var (_, raisedOutput, _) = Cli.Run("check", path, "--max-catalogue-depth", "100");

        Assert.Equal(CliApplication.InputError, strict);
        Assert.Contains("or --max-catalogue-depth for trapgen", strictOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("TG0025", raisedOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("list")]
    [InlineData("run")]
    public void An_endless_file_is_refused_after_a_bounded_read(string command)
    {
        var (exitCode, output, error) = Cli.Run(command, "/dev/zero");

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Empty(output);
        Assert.Matches(@"^trapgen: error: zero(\(1\): the line is longer than 4096 characters| is larger than 4194304 characters)", error);
    }

    [Fact]
    public void Decode_of_endless_standard_input_stops_at_the_first_overlong_line()
    {
        using var zero = new StreamReader(File.OpenRead("/dev/zero"));

        var (exitCode, _, error) = Cli.RunWithReader(zero, "decode");

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Equal("trapgen: error: standard input(1): the line is longer than 4096 characters; is this the right file?\n", error);
    }

    [Fact]
    public void A_long_bad_value_is_echoed_cut_short()
    {
        var (exitCode, _, error) = Cli.Run("decode", new string('z', 1_000_000));

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.True(error.Length < 600, "the error is " + error.Length + " characters long");
        Assert.Contains("more characters)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decode", "0x62\u001b]0;pwned\u0007")]
    [InlineData("encode", "msr sctlr\u001b[2J_el1, x0")]
    public void Control_characters_in_echoed_input_are_escaped(string command, string value)
    {
        var (exitCode, output, error) = Cli.Run(command, value);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.DoesNotContain('\u001b', output + error);
        Assert.DoesNotContain('\u0007', output + error);
        Assert.Contains("\\x1b", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("encode", "msr sctlr\u202e1le_, x0", "\\u202e")]
    [InlineData("decode", "0x62\u200b00", "\\u200b")]
    public void Bidirectional_and_zero_width_characters_in_echoed_input_are_shown_as_their_code(string command, string value, string shown)
    {
        var (exitCode, output, error) = Cli.Run(command, value);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.DoesNotContain(value, output + error, StringComparison.Ordinal);
        Assert.Contains(shown, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_a_trace_line_are_escaped()
    {
        var path = Cli.Temp("guest aarch64\nmsr sctlr_el1\u001b]52;c;AAAA\u0007, x0\n");

        var (exitCode, _, error) = Cli.Run("run", path);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("test.trace(2): ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mcr p15, 0, r15, c1, c0, 0", "r15 (pc) as the source of MCR is UNPREDICTABLE")]
    [InlineData("mcrr p15, 0, r15, r15, c2", "r15 (pc) as Rt or Rt2 of MCRR is UNPREDICTABLE")]
    [InlineData("mrrc p15, 0, r4, r4, c2", "MRRC with Rt = Rt2 is UNPREDICTABLE")]
    public void Encode_refuses_the_unpredictable_transfer_register_forms(string instruction, string message)
    {
        var (exitCode, _, error) = Cli.Run("encode", instruction);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x620013e0", "op0 = 0 encodes MSR (immediate)")]
    [InlineData("0x0fe003e0", "Rt = 31 names no AArch32 general-purpose register")]
    [InlineData("0x13e07fe4", "Rt = 31 names no AArch32 general-purpose register")]
    public void Decode_prints_no_instruction_for_fields_no_instruction_spells_and_says_why(string esr, string why)
    {
        var (exitCode, output, _) = Cli.Run("decode", "--json", esr);

        Assert.Equal(0, exitCode);
        var decoded = System.Text.Json.JsonDocument.Parse(output).RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, decoded.GetProperty("instruction").ValueKind);
        Assert.Contains(why, decoded.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hash_before_a_digit_on_standard_input_is_an_immediate_not_a_comment()
    {
        var (exitCode, output, error) = Cli.RunWithInput("# cache maintenance\nsys #0, c7, c5, #0   # ic iallu\nsysl x3, #3, c7, c4, #1\n", "encode", "--json");

        Assert.Equal((0, string.Empty), (exitCode, error));
        var words = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("word").GetString());
        Assert.Equal(["0xd508751f", "0xd52b7423"], words);
    }

    [Fact]
    public void Mrc_to_apsr_nzcv_round_trips_through_encode_and_decode()
    {
        var (_, encoded, _) = Cli.Run("encode", "--json", "mrc p15, 0, APSR_nzcv, c1, c0, 0");
        var esr = System.Text.Json.JsonDocument.Parse(encoded).RootElement.GetProperty("esr").GetString()!;

        var (_, decoded, _) = Cli.Run("decode", "--json", esr);

        Assert.Equal("mrc p15, 0, APSR_nzcv, c1, c0, 0", System.Text.Json.JsonDocument.Parse(decoded).RootElement.GetProperty("instruction").GetString());
    }

    [Fact]
    public void A_trace_with_an_unpredictable_mcrr_is_refused_and_its_raw_word_is_an_undef()
    {
        var text = Cli.Temp("guest aarch32\nmcrr p15, 0, r15, r15, c2 = 0x1111111122222222\n");
        var word = Cli.Temp("guest aarch32\n0xec4fff02\nmrrc p15, 0, r2, r3, c2\n");

        var (refused, _, error) = Cli.Run("run", text);
        var (exitCode, output, _) = Cli.Run("run", word);

        Assert.Equal(CliApplication.InputError, refused);
        Assert.Contains("test.trace(2): r15 (pc) as Rt or Rt2 of MCRR is UNPREDICTABLE", error, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Contains("mcrr p15, 0, r15, r15, c2      UNDEF@EL1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("0x1111111111111111", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("guest aarch32\nmcr p15, 4, r4, c1, c1, 0 = 0xffffffff\nmrc p15, 4, r4, c1, c1, 0\n", "HCR")]
    [InlineData("guest aarch32\nmcrr p15, 6, r0, r1, c2 = 0x1234\nmrrc p15, 6, r0, r1, c2\n", "VTTBR")]
    [InlineData("guest aarch64\nmsr s2_4_c0_c7_0, x0 = 1\nmrs x0, dbgvcr32_el2\n", "DBGVCR32_EL2")]
    public void A_guest_access_to_hypervisor_state_is_undefined_and_reads_back_nothing(string trace, string register)
    {
        var (exitCode, output, _) = Cli.Run("run", Cli.Temp(trace));

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n').Where(l => (l + " ").Contains(" " + register + " ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, line => Assert.Contains("UNDEF@EL1", line, StringComparison.Ordinal));
        Assert.DoesNotContain("=> 0x", string.Join("\n", lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("guest aarch64\ntimer +0xffffffffffffffff\ntimer +1\n", "test.trace(3): the physical counter would pass 2^64 - 1")]
    [InlineData("guest aarch32\nmsr sctlr_el1, x0 = 1\n", "test.trace(2): this is an A64 instruction (msr, mrs, sys, dc, ic, tlbi, at, smc, wfi, wfe, wfit, wfet), but vCPU 0 is AArch32")]
    [InlineData("guest aarch64\nguest aarch32\nvcpu 1\nmrs x0, sctlr_el1\n", "test.trace(4): this is an A64 instruction (msr, mrs, sys, dc, ic, tlbi, at, smc, wfi, wfe, wfit, wfet), but vCPU 1 is AArch32")]
    [InlineData("guest aarch64\n0xd5381000 = 5\n", "test.trace(2): '= value' belongs to a write")]
    public void Trace_mistakes_found_while_running_name_the_file_and_line(string trace, string expected)
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp(trace));

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.StartsWith("trapgen: error: " + expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trace_runs_as_it_is_read_so_a_bad_line_stops_it_where_it_stands()
    {
        var good = string.Concat(Enumerable.Range(0, 1_000).Select(i => "msr contextidr_el1, x1 = " + i + "\n"));
        var (exitCode, output, error) = Cli.Run("run", Cli.Temp("guest aarch64\n" + good + "bogus line\n"));

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.StartsWith("trapgen: error: test.trace(1002): ", error, StringComparison.Ordinal);
        Assert.Contains("<= 0x00000000000003e7", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trace_declares_at_most_a_bounded_number_of_guests()
    {
        var guests = string.Concat(Enumerable.Repeat("guest aarch64\n", 100_001));

        var (exitCode, _, error) = Cli.Run("run", Cli.Temp(guests));

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.StartsWith("trapgen: error: test.trace(100001): a trace declares at most 100,000 guest vCPUs", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directive_before_any_guest_asks_for_the_guest_first()
    {
        var (exitCode, _, error) = Cli.Run("run", Cli.Temp("vcpu 0\nguest aarch64\n"));

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.StartsWith("trapgen: error: test.trace(1): declare the guest first", error, StringComparison.Ordinal);
    }
}
