using System.IO;
using System.Linq;
using System.Text.Json;
using TrapGen.Runtime;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary><c>trapgen check</c> and <c>trapgen list</c>, through the CLI's entry point.</summary>
public sealed class CheckAndListTests
{
    [Fact]
    public void Check_accepts_the_repository_catalogue_and_summarises_it()
    {
        var (exitCode, output, error) = Cli.Run("check", Cli.CatalogueOfRepository);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var registers = SystemRegisters.All.Count;
        var aliases = SystemRegisters.All.Sum(r => r.Aliases.Count);
        Assert.StartsWith(Cli.CatalogueOfRepository + ": " + registers + " registers, " + aliases + " AArch32 aliases (", output, System.StringComparison.Ordinal);
        Assert.EndsWith("; 0 errors, 0 warnings\n", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_the_generators_diagnostics_at_their_yaml_positions_and_fails()
    {
        var path = Cli.Temp(Broken, "registers.yaml");

        var (exitCode, output, _) = Cli.Run("check", path);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Equal(
            [
                path + "(6,38): error TG0005: crn of ESR_EL1 is 16, but it must be between 0 and 15",
                path + "(8,11): error TG0022: The architecture has no AArch64 register named SCTRL_EL1. Did you mean SCTLR_EL1? Use an architectural name, or give its encoding and mark it implementation_defined: true",
                path + ": 1 register, 1 AArch32 alias (1 mcr), 0 trap groups, 0 hooks, 0 emulators; 2 errors, 0 warnings",
            ],
            output.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Check_names_cntfrq_el0_at_the_line_where_cntpct_el0_is_given_the_seeds_encoding()
    {
        var catalogue = Minimal + "  - name: CNTPCT_EL0\n    encoding: { op0: 3, op1: 3, crn: 14, crm: 0, op2: 0 }\n    handling: raz-wi\n";
        var line = catalogue.Split('\n').Length - 2;
        var path = Cli.Temp(catalogue, "registers.yaml");

        var (exitCode, output, _) = Cli.Run("check", path);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.StartsWith(
            path + "(" + line + ",15): error TG0021: The encoding (3,3,14,0,0) is CNTFRQ_EL0; CNTPCT_EL0 is (3,3,14,0,1)",
            output,
            System.StringComparison.Ordinal);
    }

    [Fact]
    public void Check_fails_on_warnings_only_when_asked()
    {
        var path = Cli.Temp(Minimal + "hooks:\n  - name: NeverUsed\n    description: unused\n", "registers.yaml");

        var (lenient, output, _) = Cli.Run("check", path);
        var (strict, _, _) = Cli.Run("check", path, "--warnings-as-errors");

        Assert.Equal(0, lenient);
        Assert.Equal(CliApplication.InputError, strict);
        Assert.Contains("(6,11): warning TG0019: The hook 'NeverUsed' is declared but nothing refers to it", output, System.StringComparison.Ordinal);
        Assert.EndsWith("0 errors, 1 warning\n", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_what_the_catalogues_cpus_lack_at_each_entry()
    {
        var path = Cli.Temp(
            "version: 1\ncpus: [cortex-a57, cortex-a75]\nregisters:\n  - name: CCSIDR2_EL1\n    handling: raz-wi\n"
            + "  - name: ID_AA64PFR0_EL1\n    handling: sanitised\n    fields: { SVE: 1 }\n",
            "registers.yaml");

        var (exitCode, output, _) = Cli.Run("check", path);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Equal(
            [
                path + "(2,20): error TG0034: cpus: unknown CPU model 'cortex-a75'; did you mean cortex-a57, cortex-a35, cortex-a72 or cortex-a76? (trapgen list --cpus lists them); name one of TrapGen's models, or remove it",
                path + "(4,11): warning TG0035: the register CCSIDR2_EL1 is not implemented on cortex-a57 (needs FEAT_CCIDX), so an access UNDEFs at EL1 before any trap and this entry never runs: remove it, or add a model that has it to cpus",
                path + "(8,20): error TG0036: ID_AA64PFR0_EL1.SVE = 1 advertises more than the hardware has on cortex-a57 (SVE = 0): a sanitised ID register may only hide features; give at most 0, or remove the model from cpus",
                path + ": 2 registers, 1 AArch32 alias (1 mcr), 0 trap groups, 0 hooks, 0 emulators, checked against cortex-a57; 2 errors, 1 warning",
            ],
            output.TrimEnd().Split('\n'));
    }

    [Fact]
    public void List_prints_the_registry_as_a_table()
    {
        var (exitCode, output, _) = Cli.Run("list", Cli.CatalogueOfRepository);

        Assert.Equal(0, exitCode);
        Cli.MatchSnapshot(nameof(CheckAndListTests), nameof(List_prints_the_registry_as_a_table), output.Replace(Cli.CatalogueOfRepository, "registers.yaml", System.StringComparison.Ordinal));
    }

    [Fact]
    public void List_json_is_the_documented_contract()
    {
        var (exitCode, output, _) = Cli.Run("list", "--json", Cli.CatalogueOfRepository);

        Assert.Equal(0, exitCode);
        Cli.MatchSnapshot(nameof(CheckAndListTests), nameof(List_json_is_the_documented_contract), output.Replace(Cli.CatalogueOfRepository, "registers.yaml", System.StringComparison.Ordinal), ".json");
    }

    [Fact]
    public void A_catalogue_of_every_new_class_checks_clean_and_lists_each_form_in_its_class()
    {
        var path = Cli.Temp("""
            version: 1
            trap_groups:
              - name: TID0
              - name: TID3
                others: raz-wi
            registers:
              - { name: JIDR, handling: constant, value: 0, traps: { TID0: read } }
              - { name: FPSID, handling: constant, value: 0x41034070, traps: { TID0: read } }
              - { name: MVFR0_EL1, handling: constant, value: 0x10110222, traps: { TID3: read } }
              - { name: DBGBVR0_EL1, handling: passthrough }
              - { name: DBGDTRTX_EL0, handling: passthrough }
            """, "registers.yaml");

        var check = Cli.Run("check", path);
        var (_, list, _) = Cli.Run("list", "--json", path);

        Assert.Equal((0, string.Empty), (check.ExitCode, check.Error));
        Assert.EndsWith("; 0 errors, 0 warnings\n", check.Output, System.StringComparison.Ordinal);
        var forms = JsonDocument.Parse(list).RootElement.GetProperty("registers").EnumerateArray()
            .SelectMany(r => r.GetProperty("aliases").EnumerateArray())
            .Select(a => a.GetProperty("name").GetString() + " " + a.GetProperty("trapClass").GetString() + " " + a.GetProperty("exceptionClass").GetString());
        Assert.Equal(
            ["JIDR cp14mcr 0x05", "FPSID vmrs 0x08", "MVFR0 vmrs 0x08", "DBGBVR0 cp14mcr 0x05", "DBGBXVR0 cp14mcr 0x05", "DBGDTRTXINT cp14mcr 0x05", "DBGDTRTXINT ldcstc 0x06"],
            forms);
    }

    [Fact]
    public void List_json_agrees_with_the_generated_registry()
    {
        var (_, output, _) = Cli.Run("list", "--json", Cli.CatalogueOfRepository);
        var registers = JsonDocument.Parse(output).RootElement.GetProperty("registers").EnumerateArray().ToList();

        Assert.Equal(SystemRegisters.All.Select(r => r.Name), registers.Select(r => r.GetProperty("name").GetString()));
        foreach (var (generated, listed) in SystemRegisters.All.Zip(registers))
        {
            var encoding = listed.GetProperty("encoding");
            Assert.Equal(generated.IsAarch32Only, encoding.ValueKind == JsonValueKind.Null);
            if (!generated.IsAarch32Only)
            {
                Assert.Equal(
                    (generated.Op0, generated.Op1, generated.CRn, generated.CRm, generated.Op2),
                    (encoding.GetProperty("op0").GetInt32(), encoding.GetProperty("op1").GetInt32(), encoding.GetProperty("crn").GetInt32(), encoding.GetProperty("crm").GetInt32(), encoding.GetProperty("op2").GetInt32()));
            }

            Assert.Equal("0x" + generated.Key.ToString("x8"), listed.GetProperty("syndromeKey").GetString());
            Assert.Equal(generated.Width, listed.GetProperty("width").GetInt32());
            Assert.Equal(generated.IsAarch64Dispatched, listed.GetProperty("aarch64Dispatched").GetBoolean());
            var aliases = listed.GetProperty("aliases").EnumerateArray().ToList();
            Assert.Equal(generated.Aliases.Select(a => (a.Name, "0x" + a.Key.ToString("x8"))), aliases.Select(a => (a.GetProperty("name").GetString()!, a.GetProperty("syndromeKey").GetString()!)));
        }
    }

    [Fact]
    public void Without_a_path_check_and_list_use_the_catalogue_trapgen_was_built_with()
    {
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Directory.CreateTempSubdirectory("trapgen-cwd-").FullName);
        try
        {
            var (exitCode, output, _) = Cli.Run("check");

            Assert.Equal(0, exitCode);
            Assert.StartsWith("registers.yaml (built in): " + SystemRegisters.All.Count + " registers", output, System.StringComparison.Ordinal);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public void List_refuses_a_catalogue_with_errors_in_one_line()
    {
        var path = Cli.Temp(Broken, "registers.yaml");

        var (exitCode, output, error) = Cli.Run("list", path);

        Assert.Equal(CliApplication.InputError, exitCode);
        Assert.Empty(output);
        Assert.Equal("trapgen: error: " + path + " has 2 error(s); 'trapgen check " + path + "' shows them\n", error);
    }

    private const string Minimal = """
        version: 1
        registers:
          - name: CONTEXTIDR_EL1
            handling: passthrough

        """;

    private const string Broken = Minimal + """
          - name: ESR_EL1
            encoding: { op0: 3, op1: 0, crn: 16, crm: 2, op2: 0 }
            handling: passthrough
          - name: SCTRL_EL1
            handling: passthrough

        """;
}
