using System.Linq;
using System.Text.Json;
using TrapGen.Architecture;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// Every tool takes a CPU model: <c>list --cpus</c> lists them, <c>list --architecture --cpu</c> shows what one
/// has, <c>decode</c> and <c>encode --cpu</c> say when a register does not exist there and what that CPU does
/// instead, and an unknown name is one line naming the closest ones. The expected facts are the issue's,
/// measured on QEMU: the Cortex-A57 lacks CCSIDR2_EL1, DC CVAP, TTBCR2, ACTLR2 and the IMPLEMENTATION DEFINED
/// encodings it does not define; QEMU's max has TTBCR2 and ACTLR2.
/// </summary>
public sealed class CpuModelCliTests
{
    public static TheoryData<string> Models() => [.. CpuModels.All.Select(m => m.Name)];

    [Fact]
    public void List_cpus_json_holds_every_model_with_its_features_and_counts()
    {
        var (exitCode, output, _) = Cli.Run("list", "--cpus", "--json");
        var json = JsonDocument.Parse(output).RootElement;
        var cpus = json.GetProperty("cpus").EnumerateArray().ToList();

        Assert.Equal(0, exitCode);
        Assert.Equal(CpuModels.DefaultName, json.GetProperty("default").GetString());
        Assert.Equal(CpuModels.All.Select(m => m.Name), cpus.Select(c => c.GetProperty("name").GetString()));
        foreach (var (model, cpu) in CpuModels.All.Zip(cpus))
        {
            Assert.Equal(model.FeatureNames.OrderBy(f => f, System.StringComparer.Ordinal), cpu.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
            Assert.Equal(model.HasAarch32El1, cpu.GetProperty("aarch32El1").GetBoolean());
            Assert.Equal((model.Breakpoints, model.Watchpoints, model.EventCounters), (cpu.GetProperty("breakpoints").GetInt32(), cpu.GetProperty("watchpoints").GetInt32(), cpu.GetProperty("eventCounters").GetInt32()));
            Assert.Equal(model.Caches.Count, cpu.GetProperty("caches").GetArrayLength());
        }

        var a57 = cpus.Single(c => c.GetProperty("name").GetString() == "cortex-a57");
        Assert.Equal("0x411fd070", a57.GetProperty("midr").GetString());
        Assert.Contains(a57.GetProperty("implementationDefined").EnumerateArray(), r => r.GetProperty("name").GetString() == "CPUACTLR_EL1" && r.GetProperty("encoding").GetString() == "s3_1_c15_c2_0");
    }

    [Fact]
    public void List_cpus_prints_a_row_and_the_features_of_each_model()
    {
        var (exitCode, output, _) = Cli.Run("list", "--cpus");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("CPU models (TrapGen.Architecture, Tables/cpu-models.table): " + CpuModels.All.Count + "; a guest runs on cortex-a57", output, System.StringComparison.Ordinal);
        Assert.Matches(@"\ncortex-a57 +0x411fd070 +yes +6 \(2 context\) +4 +6 ", output);
        Assert.Matches(@"\ncortex-a76 +0x414fd0b1 +no ", output);
        Assert.Matches(@"\ncortex-a57:\n  features  ASID16 EL2 EL3 FEAT_AA32EL0 FEAT_AA32EL1 ", output);
        Assert.Contains("  caches    L1 instruction 48 KB, 64-byte lines, 3 ways, 256 sets\n", output, System.StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void List_architecture_on_a_model_holds_what_the_model_implements(string name)
    {
        var model = CpuModels.Find(name)!;

        var (exitCode, output, _) = Cli.Run("list", "--architecture", "--cpu", name, "--json");
        var json = JsonDocument.Parse(output).RootElement;

        Assert.Equal(0, exitCode);
        Assert.Equal(name, json.GetProperty("cpu").GetString());
        Assert.Equal(Aarch64Registers.All.Where(model.Implements).Select(r => r.Name), Names(json, "aarch64Registers"));
        Assert.Equal(SystemInstructions.All.Where(model.Implements).Select(i => i.FullName), Names(json, "systemInstructions"));
        Assert.Equal(Aarch32Registers.All.Where(model.Implements).Select(r => r.Name), Names(json, "aarch32Registers"));
        Assert.Equal(model.HasAarch32El1, Names(json, "aarch32Registers").Length > 0);
    }

    [Theory]
    [InlineData("cortex-a57", "CCSIDR2_EL1", false)]
    [InlineData("cortex-a57", "DBGBVR5_EL1", true)]
    [InlineData("cortex-a57", "DBGBVR6_EL1", false)]
    [InlineData("cortex-a57", "ERRSELR_EL1", false)]
    [InlineData("cortex-a76", "ERRSELR_EL1", true)]
    [InlineData("max", "ZCR_EL1", true)]
    [InlineData("cortex-a72", "ZCR_EL1", false)]
    [InlineData("neoverse-v1", "CCSIDR2_EL1", true)]
    public void List_architecture_on_a_model_shows_a_register_only_where_it_exists(string name, string register, bool listed)
    {
        var (_, output, _) = Cli.Run("list", "--architecture", "--cpu", name, "--json");

        Assert.Equal(listed, Names(JsonDocument.Parse(output).RootElement, "aarch64Registers").Contains(register));
    }

    [Theory]
    [InlineData(null, "HCR_EL2.TID4", true)]
    [InlineData("cortex-a57", "HCR_EL2.TID4", false)]
    [InlineData("cortex-a57", "HCR_EL2.APK", false)]
    [InlineData("cortex-a57", "CPTR_EL2.TCPAC", true)]
    [InlineData("max", "HCR_EL2.APK", true)]
    [InlineData("max", "HCR_EL2.TERR", true)]
    [InlineData("max", "HCR_EL2.TTLBIS", false)]
    [InlineData("neoverse-v1", "HCR_EL2.TTLBIS", true)]
    public void List_architecture_shows_a_later_control_only_on_a_model_with_its_feature(string? cpu, string control, bool listed)
    {
        var (_, output, _) = Cli.Run(cpu is null ? ["list", "--architecture", "--json"] : ["list", "--architecture", "--cpu", cpu, "--json"]);
        var controls = JsonDocument.Parse(output).RootElement.GetProperty("trapControls").EnumerateArray().ToList();

        Assert.Equal(listed, controls.Any(c => c.GetProperty("register").GetString() + "." + c.GetProperty("name").GetString() == control));
        var apk = JsonDocument.Parse(Cli.Run("list", "--architecture", "--json").Output).RootElement.GetProperty("trapControls").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "APK");
        Assert.Equal(("clear", "FEAT_PAuth", false), (apk.GetProperty("trapsWhen").GetString(), apk.GetProperty("needs").GetString(), apk.GetProperty("dependsOnE2h").GetBoolean()));
    }

    [Theory]
    [InlineData("mrs x2, ccsidr2_el1", "cortex-a57", "cortex-a57 has no CCSIDR2_EL1, which needs FEAT_CCIDX: the access is UNDEFINED at EL1 there, before any EL2 trap, so this syndrome never comes from it")]
    [InlineData("dc cvap, x4", "cortex-a57", "cortex-a57 has no DC CVAP, which needs FEAT_DPB: the access is UNDEFINED at EL1 there, before any EL2 trap, so this syndrome never comes from it")]
    [InlineData("mrc p15, 0, r2, c2, c0, 3", "cortex-a57", "cortex-a57 has no TTBCR2, which needs FEAT_AA32HPD: the access is UNDEFINED at EL1 there, before any EL2 trap, so this syndrome never comes from it")]
    [InlineData("mrc p15, 0, r2, c1, c0, 3", "cortex-a57", "cortex-a57 has no ACTLR2, which needs AA32ACTLR2: the access is UNDEFINED at EL1 there, before any EL2 trap, so this syndrome never comes from it")]
    [InlineData("mrc p15, 0, r2, c2, c0, 3", "max", "max has TTBCR2")]
    [InlineData("mrc p15, 0, r2, c1, c0, 3", "max", "max has ACTLR2")]
    [InlineData("mrs x2, s3_0_c15_c0_0", "cortex-a57", "cortex-a57 defines no IMPLEMENTATION DEFINED register at this encoding: the access is UNDEFINED at EL1 there unless HCR_EL2.TIDCP traps it first, as this syndrome's would")]
    [InlineData("mrs x2, s3_1_c15_c2_0", "cortex-a57", "cortex-a57 has its IMPLEMENTATION DEFINED CPUACTLR_EL1")]
    [InlineData("mrc p15, 0, r2, c15, c0, 0", "cortex-a57", "cortex-a57 defines no IMPLEMENTATION DEFINED register at this encoding: the access is UNDEFINED at EL1 there, before any EL2 trap, so this syndrome never comes from it")]
    [InlineData("mrs x2, id_aa64zfr0_el1", "cortex-a57", "cortex-a57 has ID_AA64ZFR0_EL1")]
    [InlineData("mrs x1, dbgbvr6_el1", "cortex-a57", "cortex-a57 has no DBGBVR6_EL1, which needs at least 7 breakpoints (ID_AA64DFR0_EL1.BRPs + 1): the access is UNDEFINED at EL1 there, before any EL2 trap, so this syndrome never comes from it")]
    [InlineData("mrc p15, 0, r2, c1, c0, 0", "cortex-a76", "cortex-a76 has no AArch32 at EL1 (ID_AA64PFR0_EL1.EL1 is 0b0001): no guest of it makes this access")]
    public void Encode_and_decode_say_what_a_model_does_with_the_access(string instruction, string cpu, string summary)
    {
        var (encodeExit, encodeOutput, _) = Cli.Run("encode", "--json", "--cpu", cpu, instruction);
        var encoded = JsonDocument.Parse(encodeOutput).RootElement;
        var (decodeExit, decodeOutput, _) = Cli.Run("decode", "--cpu", cpu, encoded.GetProperty("esr").GetString()!);

        Assert.Equal((0, 0), (encodeExit, decodeExit));
        Assert.Equal(summary, encoded.GetProperty("cpu").GetProperty("summary").GetString());
        Assert.Equal(summary.Contains(" has " + "no ", System.StringComparison.Ordinal) || summary.Contains("defines no", System.StringComparison.Ordinal), !encoded.GetProperty("cpu").GetProperty("exists").GetBoolean());
        Assert.Contains("\n  cpu          " + summary + "\n", decodeOutput, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_without_a_model_says_nothing_of_one()
    {
        var (_, output, _) = Cli.Run("decode", "--json", "0x62344041");

        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(output).RootElement.GetProperty("cpu").ValueKind);
    }

    [Theory]
    [InlineData("decode", "0x62344041")]
    [InlineData("encode", "mrs x2, ccsidr2_el1")]
    [InlineData("list", "--architecture")]
    public void An_unknown_model_is_one_line_naming_the_closest(string command, string value)
    {
        var (exitCode, output, error) = Cli.Run(command, value, "--cpu", "a53");

        Assert.Equal((CliApplication.InputError, string.Empty), (exitCode, output));
        Assert.Equal("trapgen: error: unknown CPU model 'a53'; did you mean cortex-a53? (trapgen list --cpus lists them)", error.TrimEnd());
    }

    [Fact]
    public void List_refuses_cpu_without_architecture_and_cpus_with_anything_else()
    {
        var (cpuAlone, _, cpuError) = Cli.Run("list", "--cpu", "max");
        var (cpusWithCpu, _, cpusError) = Cli.Run("list", "--cpus", "--cpu", "max");

        Assert.Equal((CliApplication.InputError, CliApplication.InputError), (cpuAlone, cpusWithCpu));
        Assert.Equal("trapgen: error: --cpu goes with --architecture: 'trapgen list --architecture --cpu max' lists what that model has", cpuError.TrimEnd());
        Assert.Equal("trapgen: error: --cpus lists the CPU models alone; leave out --architecture, --cpu and the catalogue", cpusError.TrimEnd());
    }

    private static string?[] Names(JsonElement json, string property) =>
        [.. json.GetProperty(property).EnumerateArray().Select(r => r.GetProperty("name").GetString())];
}
