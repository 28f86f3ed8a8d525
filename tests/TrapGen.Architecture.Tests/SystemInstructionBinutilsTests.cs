using System.Collections.Generic;
using System.Linq;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>The System instruction table (DC, IC, TLBI, AT, …) against GNU binutils, both ways.</summary>
public sealed partial class SystemInstructionBinutilsTests
{
    [Fact]
    public void Every_instruction_assembles_to_its_encoding_with_or_without_a_register_as_its_operand_column_says()
    {
        var swept = SystemInstructions.All.Where(i => !i.IsLaterThanBinutils).ToList();
        var lines = swept
            .Select(i => (Aarch64Assembler.MarchFor(i.Feature), i.FullName.ToLowerInvariant() + (i.TakesRegister ? ", x0" : string.Empty)))
            .ToList();

        var words = Aarch64Assembler.Assemble(lines);

        foreach (var (instruction, (word, text)) in swept.Zip(words))
        {
            Assert.True(
                SysWord(instruction.Encoding, instruction.TakesRegister ? 0 : 31) == word,
                instruction.FullName + " assembled to " + text + ", not " + instruction.Encoding);
        }
    }

    [Fact]
    public void Every_sys_encoding_binutils_names_is_in_the_table()
    {
        var encodings = (
            from op1 in Enumerable.Range(0, 8)
            from crn in Enumerable.Range(0, 16)
            from crm in Enumerable.Range(0, 16)
            from op2 in Enumerable.Range(0, 8)
            select new Aarch64Encoding(1, op1, crn, crm, op2)).ToList();

        var words = Binutils.Assemble(Binutils.Aarch64, encodings.Select(e => Aarch64Assembler.Inst(SysWord(e, 0))));

        Assert.Equal(encodings.Count, words.Count);
        var missing = new List<string>();
        foreach (var (encoding, (_, text)) in encodings.Zip(words))
        {
            var name = text.Split(',')[0].Trim().ToUpperInvariant();
            if (name.StartsWith("SYS", System.StringComparison.Ordinal))
            {
                continue;
            }

            if (!SystemInstructions.TryFind(encoding, out var instruction) || !string.Equals(instruction.FullName, NormalSpace(name), System.StringComparison.Ordinal))
            {
                missing.Add(name + " " + encoding);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Binutils_2_40_knows_no_row_of_a_later_source_neither_its_name_nor_its_encoding()
    {
        var later = SystemInstructions.All.Where(i => i.IsLaterThanBinutils).ToList();
        Assert.Equal(97, later.Count); // the 78 nXS TLBIs, the 12 instructions of the fine-grained fields (AT S1E*A, BRB, COSP RCTX, DC *PS and *OC) and the 7 GCS ones
        Assert.All(later, i => Assert.Equal("armarm", i.Source));

        var rejected = RejectedLines(later.Select(i => i.FullName.ToLowerInvariant() + (i.TakesRegister ? ", x0" : string.Empty)).ToList());
        var known = later.Where((_, index) => !rejected.Contains(index + 1)).Select(i => i.FullName).ToList();
        Assert.True(known.Count == 0, "binutils 2.40 knows these, so the sweep must give their rows (source '-'): " + string.Join(", ", known));

        var words = Binutils.Assemble(Binutils.Aarch64, later.Select(i => Aarch64Assembler.Inst(SysWord(i.Encoding, 0))));
        Assert.Equal(later.Count, words.Count);
        var named = later.Zip(words).Where(p => !p.Second.Text.StartsWith("sys", System.StringComparison.Ordinal)).Select(p => p.First.FullName + " " + p.Second.Text).ToList();
        Assert.True(named.Count == 0, "binutils 2.40 names these encodings: " + string.Join(", ", named));
    }

    [Fact]
    public void The_later_source_check_fails_for_an_instruction_binutils_2_40_knows()
    {
        Assert.Equal([2], RejectedLines(["tlbi vae1, x0", "tlbi vae1nxs, x0"]));
    }

    /// <summary>The lines (1-based) of <paramref name="lines"/> GNU as rejects at the highest -march the table's features use.</summary>
    private static HashSet<int> RejectedLines(IReadOnlyList<string> lines)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("trapgen-later-sys-");
        try
        {
            var source = System.IO.Path.Combine(directory.FullName, "lines.s");
            System.IO.File.WriteAllLines(source, lines);
            using var process = ExternalTool.Start(Binutils.Aarch64 + "-as", "binutils-aarch64-linux-gnu", ["-march=armv9.3-a+sve+sme+memtag+profile+rng+ras+ls64+tme+predres", "-o", System.IO.Path.Combine(directory.FullName, "lines.o"), source]);
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return [.. ErrorLine().Matches(errors).Select(m => int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@":(?<line>\d+): Error: ")]
    private static partial System.Text.RegularExpressions.Regex ErrorLine();

    /// <summary>SYS #op1, Cn, Cm, #op2, Xt: the A64 system-move layout with op0 1 and L 0.</summary>
    private static uint SysWord(Aarch64Encoding encoding, int rt) =>
        (uint)Layouts.A64SystemMove.Rt.Insert(Aarch64Assembler.Word(encoding, isRead: false), (ulong)rt);

    private static string NormalSpace(string text) => string.Join(" ", text.Split((char[])[' ', '\t'], System.StringSplitOptions.RemoveEmptyEntries));
}
