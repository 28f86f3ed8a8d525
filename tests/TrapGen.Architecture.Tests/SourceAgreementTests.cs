using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The two later sources of aarch64-registers.table (Linux's arch/arm64/tools/sysreg and binutils-gdb master's
/// opcodes/aarch64-sys-regs.def, kept as Sources/linux-sysreg.txt and Sources/binutils-sys-regs.txt with their
/// commits) against each other and against the table: they agree on the encoding wherever both name a register;
/// Linux agrees with every binutils 2.40 row it also names; each later row says truly which source gives it, at
/// its encoding; and every name either source gives is in the table or left out for a stated reason.
/// </summary>
public sealed partial class SourceAgreementTests
{
    private static readonly Lazy<Dictionary<string, Aarch64Encoding>> Linux = new(() => Read("linux-sysreg.txt", LinuxLine()));

    private static readonly Lazy<Dictionary<string, Aarch64Encoding>> BinutilsMaster = new(() => Read("binutils-sys-regs.txt", BinutilsLine()));

    /// <summary>The names left out of the table, by pattern, each with why (tools/architecture/extract-later-registers.py).</summary>
    private static readonly (Regex Pattern, string Why)[] LeftOut =
    [
        (new Regex("^(ICC_(APR|CR0|PCR|HPPIR|IAFFIDR|ICSR|IDR0)_EL1|ICC_PPI_[A-Z]+[0-9]+_EL1|ICH_(APR|HFGRTR|HFGWTR|HFGITR|VCTLR|CONTEXTR)_EL2|ICH_PPI_[A-Z]+[0-9]+_EL2)$"), "the GICv5 CPU interface (FEAT_GCIE), which DDI 0487 M.a.a does not describe"),
        (new Regex("^NVHCR_EL2$"), "Linux's name; DDI 0487 M.a.a has no accessor for it"),
    ];

    [Fact]
    public void The_fixtures_hold_the_sources()
    {
        Assert.True(Linux.Value.Count > 250, Linux.Value.Count.ToString(CultureInfo.InvariantCulture));
        Assert.True(BinutilsMaster.Value.Count > 200, BinutilsMaster.Value.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(new Aarch64Encoding(3, 0, 1, 0, 3), Linux.Value["SCTLR2_EL1"]);
        Assert.Equal(new Aarch64Encoding(3, 0, 1, 0, 3), BinutilsMaster.Value["SCTLR2_EL1"]);
    }

    [Fact]
    public void Linux_and_binutils_master_agree_wherever_both_name_a_register()
    {
        var both = Linux.Value.Keys.Intersect(BinutilsMaster.Value.Keys, StringComparer.Ordinal).ToList();
        Assert.True(both.Count > 50, both.Count.ToString(CultureInfo.InvariantCulture));

        var differ = both.Where(n => Linux.Value[n] != BinutilsMaster.Value[n]).Select(n => n + ": linux " + Linux.Value[n] + ", binutils " + BinutilsMaster.Value[n]);

        Assert.Empty(differ);
    }

    [Fact]
    public void Linux_agrees_with_every_binutils_2_40_row_it_names()
    {
        var swept = Aarch64Registers.All.Where(r => !r.IsLaterThanBinutils).ToList();
        var compared = Linux.Value.Where(p => swept.Any(r => r.Name == p.Key)).ToList();
        Assert.True(compared.Count > 140, compared.Count.ToString(CultureInfo.InvariantCulture));

        var differ = compared.Where(p => swept.Single(r => r.Name == p.Key).Encoding != p.Value).Select(p => p.Key + " " + p.Value);

        Assert.Empty(differ);
    }

    [Fact]
    public void Every_later_row_names_its_sources_truly()
    {
        var later = Aarch64Registers.All.Where(r => r.IsLaterThanBinutils).ToList();
        Assert.NotEmpty(later);

        var wrong = new List<string>();
        foreach (var register in later)
        {
            var sources = register.Source!.Split(',');
            var claimed = new[] { ("linux", Linux.Value), ("binutils", BinutilsMaster.Value) };
            foreach (var (source, names) in claimed)
            {
                var has = names.TryGetValue(register.Name, out var encoding);
                if (has != sources.Contains(source) || (has && encoding != register.Encoding))
                {
                    wrong.Add(register.Name + " (" + register.Source + "): " + source + (has ? " has it at " + encoding : " lacks it"));
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_name_of_either_source_is_in_the_table_or_left_out_for_a_reason()
    {
        var names = Linux.Value.Keys.Concat(BinutilsMaster.Value.Keys).Distinct(StringComparer.Ordinal).ToList();

        var missing = names.Where(n => !Aarch64Registers.TryFind(n, out _) && !LeftOut.Any(l => l.Pattern.IsMatch(n))).ToList();
        var reasonless = LeftOut.Where(l => !names.Any(l.Pattern.IsMatch)).Select(l => l.Why);
        var leftButPresent = names.Where(n => LeftOut.Any(l => l.Pattern.IsMatch(n)) && Aarch64Registers.TryFind(n, out _));

        Assert.True(missing.Count == 0, "in a source, not in the table: " + string.Join(", ", missing));
        Assert.Empty(reasonless);
        Assert.Empty(leftButPresent);
    }

    private static Dictionary<string, Aarch64Encoding> Read(string file, Regex line)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Sources", file);
        var result = new Dictionary<string, Aarch64Encoding>(StringComparer.Ordinal);
        foreach (var text in File.ReadLines(path).Where(l => !l.StartsWith('#')))
        {
            var match = line.Match(text);
            Assert.True(match.Success, file + ": " + text);
            int Field(int i) => int.Parse(match.Groups["f" + i.ToString(CultureInfo.InvariantCulture)].Value, CultureInfo.InvariantCulture);
            result.Add(match.Groups["name"].Value.ToUpperInvariant(), new Aarch64Encoding(Field(0), Field(1), Field(2), Field(3), Field(4)));
        }

        return result;
    }

    [GeneratedRegex(@"^Sysreg\t(?<name>[A-Z0-9_]+)\t(?<f0>\d+)\t(?<f1>\d+)\t(?<f2>\d+)\t(?<f3>\d+)\t(?<f4>\d+)$")]
    private static partial Regex LinuxLine();

    [GeneratedRegex(@"^SYSREG \(""(?<name>[a-z0-9_]+)"", CPENC \((?<f0>\d+),(?<f1>\d+),(?<f2>\d+),(?<f3>\d+),(?<f4>\d+)\), [A-Z0-9_]+, .*\)$")]
    private static partial Regex BinutilsLine();
}
