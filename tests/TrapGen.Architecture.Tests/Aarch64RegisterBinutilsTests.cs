using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The AArch64 register table against GNU binutils, both ways: every name (and other name) assembles
/// to its row's encoding at the -march its feature column gives, in each direction its access allows;
/// every row's encoding disassembles to its name; and every encoding objdump names is in the table. The rows of later
/// sources (<see cref="Aarch64Register.Source"/>: Linux's sysreg, binutils master) are exempt, and binutils 2.40 must
/// know none of them: a marked row it knows is a row the sweep should have written.
/// </summary>
public sealed partial class Aarch64RegisterBinutilsTests
{
    [Fact]
    public void Every_name_assembles_to_its_encoding_in_each_direction_its_access_allows()
    {
        var lines = new List<(string March, string Line)>();
        var expected = new List<(Aarch64Register Register, string Name, bool IsRead)>();
        foreach (var register in Aarch64Registers.All.Where(r => !r.IsLaterThanBinutils))
        {
            foreach (var name in register.OtherNames.Prepend(register.Name))
            {
                var spelling = name.ToLowerInvariant();
                var march = Aarch64Assembler.MarchFor(register.Feature);
                if (register.Allows(AccessDirection.Read))
                {
                    lines.Add((march, "mrs x0, " + spelling));
                    expected.Add((register, name, true));
                }

                if (register.Allows(AccessDirection.Write))
                {
                    lines.Add((march, "msr " + spelling + ", x0"));
                    expected.Add((register, name, false));
                }
            }
        }

        var words = Aarch64Assembler.Assemble(lines);

        foreach (var ((register, name, isRead), (word, text)) in expected.Zip(words))
        {
            Assert.True(
                Aarch64Assembler.Word(register.Encoding, isRead) == word,
                name + " assembled to " + text + ", not " + register.Encoding);
        }
    }

    [Fact]
    public void Every_encoding_disassembles_to_its_name_in_each_direction_its_access_allows()
    {
        var rows = Aarch64Registers.All.Where(r => !r.IsLaterThanBinutils)
            .SelectMany(r => new[] { (Register: r, IsRead: true), (Register: r, IsRead: false) })
            .Where(e => e.Register.Allows(e.IsRead ? AccessDirection.Read : AccessDirection.Write))
            .ToList();

        var words = Binutils.Assemble(Binutils.Aarch64, rows.Select(e => Aarch64Assembler.Inst(Aarch64Assembler.Word(e.Register.Encoding, e.IsRead))));

        Assert.Equal(rows.Count, words.Count);
        foreach (var ((register, isRead), (_, text)) in rows.Zip(words))
        {
            Assert.Equal(register.Name.ToLowerInvariant(), RegisterOperand(text, isRead));
        }
    }

    [Fact]
    public void Every_encoding_binutils_names_is_in_the_table_with_that_name()
    {
        // All MRS and MSR words with op0 2 or 3: 2 x 2 x 8 x 16 x 16 x 8.
        var encodings = (
            from op0 in new[] { 2, 3 }
            from op1 in Enumerable.Range(0, 8)
            from crn in Enumerable.Range(0, 16)
            from crm in Enumerable.Range(0, 16)
            from op2 in Enumerable.Range(0, 8)
            select new Aarch64Encoding(op0, op1, crn, crm, op2)).ToList();
        var accesses = encodings.SelectMany(e => new[] { (Encoding: e, IsRead: true), (Encoding: e, IsRead: false) }).ToList();

        var words = Binutils.Assemble(Binutils.Aarch64, accesses.Select(a => Aarch64Assembler.Inst(Aarch64Assembler.Word(a.Encoding, a.IsRead))));

        Assert.Equal(accesses.Count, words.Count);
        var missing = new List<string>();
        foreach (var ((encoding, isRead), (_, text)) in accesses.Zip(words))
        {
            var name = RegisterOperand(text, isRead);
            if (name == encoding.ToString() || ArmV8RProfileOnly.Contains(name.ToUpperInvariant()))
            {
                continue;
            }

            var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
            if (Aarch64Registers.NameAt(encoding, direction)?.ToLowerInvariant() != name)
            {
                missing.Add(name + " " + encoding);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Binutils_2_40_knows_no_row_of_a_later_source_neither_its_name_nor_its_encoding()
    {
        var later = Aarch64Registers.All.Where(r => r.IsLaterThanBinutils).ToList();
        Assert.True(later.Count > 200, later.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var known = KnownNames(later.Select(r => r.Name));
        var words = Binutils.Assemble(Binutils.Aarch64, later.Select(r => Aarch64Assembler.Inst(Aarch64Assembler.Word(r.Encoding, r.Allows(AccessDirection.Read)))));

        Assert.True(known.Count == 0, "binutils 2.40 knows these names, so the sweep must give their rows (source '-'): " + string.Join(", ", known));
        Assert.Equal(later.Count, words.Count);
        var named = later.Zip(words).Where(p => RegisterOperand(p.Second.Text, p.First.Allows(AccessDirection.Read)) != p.First.Encoding.ToString()).Select(p => p.First.Name + " " + p.Second.Text).ToList();
        Assert.True(named.Count == 0, "binutils 2.40 names these encodings: " + string.Join(", ", named));
    }

    [Fact]
    public void The_later_source_check_fails_for_a_name_binutils_2_40_knows()
    {
        Assert.Equal(["sctlr_el1"], KnownNames(["SCTLR_EL1", "SCTLR2_EL1"]));
    }

    /// <summary>
    /// The names of <paramref name="names"/> (lower case) that GNU as accepts in <c>mrs x0, NAME</c> at the highest
    /// -march the table's features use (armv9.3-a with SME, SVE, MTE, SPE, ...): one run, its errors read by line.
    /// </summary>
    private static List<string> KnownNames(IEnumerable<string> names)
    {
        var spellings = names.Select(n => n.ToLowerInvariant()).ToList();
        var directory = System.IO.Directory.CreateTempSubdirectory("trapgen-later-");
        try
        {
            var source = System.IO.Path.Combine(directory.FullName, "names.s");
            System.IO.File.WriteAllLines(source, spellings.Select(n => "mrs x0, " + n));
            using var process = ExternalTool.Start(Binutils.Aarch64 + "-as", "binutils-aarch64-linux-gnu", ["-march=armv9.3-a+sve+sme+memtag+profile+rng+ras+ls64+tme+predres", "-o", System.IO.Path.Combine(directory.FullName, "names.o"), source]);
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var rejected = ErrorLine().Matches(errors).Select(m => int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            Assert.True(rejected.Count > 0 || spellings.Count == 0 || process.ExitCode == 0, errors);
            return [.. spellings.Where((_, i) => !rejected.Contains(i + 1))];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@":(?<line>\d+): Error: ")]
    private static partial Regex ErrorLine();

    /// <summary>
    /// Armv8-R (MPU) registers objdump also names: they share A-profile encodings, and the table is the
    /// A-profile architecture's. GNU as accepts them only with -march=armv8-r.
    /// </summary>
    private static readonly HashSet<string> ArmV8RProfileOnly = new(
        new[] { "MPUIR_EL1", "MPUIR_EL2", "PRENR_EL1", "PRENR_EL2", "PRSELR_EL1", "PRSELR_EL2", "PRBAR_EL1", "PRBAR_EL2", "PRLAR_EL1", "PRLAR_EL2" }
            .Concat(Enumerable.Range(1, 15).SelectMany(n => new[] { "PRBAR" + n + "_EL1", "PRLAR" + n + "_EL1", "PRBAR" + n + "_EL2", "PRLAR" + n + "_EL2" })),
        StringComparer.Ordinal);

    [Fact]
    public void The_armv8_r_names_left_out_really_are_armv8_r_only()
    {
        var words = Binutils.Assemble(Binutils.Aarch64, ArmV8RProfileOnly.Select(n => "mrs x0, " + n.ToLowerInvariant()), "-march=armv8-r");

        Assert.Equal(ArmV8RProfileOnly.Count, words.Count);
        Assert.All(ArmV8RProfileOnly, name => Assert.False(Aarch64Registers.TryFind(name, out _), name + " is in the A-profile table"));
    }

    /// <summary>The register operand objdump printed: <c>mrs x0, sctlr_el1</c> gives sctlr_el1.</summary>
    private static string RegisterOperand(string text, bool isRead)
    {
        var match = Operand().Match(text);
        Assert.True(match.Success, "not an MRS/MSR: " + text);
        Assert.Equal(isRead ? "mrs" : "msr", match.Groups["op"].Value);
        return isRead ? match.Groups["second"].Value : match.Groups["first"].Value;
    }

    [GeneratedRegex(@"^(?<op>mrs|msr)\s+(?<first>[^,\s]+),\s*(?<second>[^\s/]+)")]
    private static partial Regex Operand();
}
