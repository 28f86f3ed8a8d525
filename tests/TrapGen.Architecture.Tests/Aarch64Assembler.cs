using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>How GNU as is asked for a register or instruction the table says a feature adds.</summary>
internal static class Aarch64Assembler
{
    /// <summary>The assembler's extension flag for each FEAT_ name the table uses.</summary>
    private static readonly Dictionary<string, string> ExtensionFlags = new(StringComparer.Ordinal)
    {
        ["FEAT_SVE"] = "sve",
        ["FEAT_SME"] = "sme",
        ["FEAT_MTE"] = "memtag",
        ["FEAT_SPE"] = "profile",
        ["FEAT_RNG"] = "rng",
        ["FEAT_RAS"] = "ras",
        ["FEAT_LS64"] = "ls64",
        ["FEAT_TME"] = "tme",
        ["FEAT_SPECRES"] = "predres",
    };

    /// <summary>
    /// The lowest -march the table's feature column says assembles the row: armv8-a for Armv8.0,
    /// armv8.4-a for Armv8.4, armv8-a+sve for FEAT_SVE. The binutils tests assemble each row with
    /// exactly this, so a wrong feature fails them.
    /// </summary>
    public static string MarchFor(string? feature)
    {
        if (feature is null)
        {
            return "armv8-a";
        }

        if (feature.StartsWith("Armv", StringComparison.Ordinal))
        {
            return string.Concat("armv", feature.AsSpan(4), "-a");
        }

        Assert.True(ExtensionFlags.TryGetValue(feature, out var flag), "no assembler flag known for " + feature);
        return "armv8-a+" + flag;
    }

    /// <summary>Assembles <paramref name="lines"/> grouped by -march, returning each line's word and disassembly in input order.</summary>
    public static IReadOnlyList<(uint Word, string Text)> Assemble(IReadOnlyList<(string March, string Line)> lines)
    {
        var results = new (uint, string)[lines.Count];
        foreach (var group in lines.Select((line, index) => (line.March, line.Line, Index: index)).GroupBy(l => l.March))
        {
            var words = Binutils.Assemble(Binutils.Aarch64, group.Select(l => l.Line), "-march=" + group.Key);
            Assert.Equal(group.Count(), words.Count);
            foreach (var (entry, word) in group.Zip(words))
            {
                results[entry.Index] = word;
            }
        }

        return results;
    }

    /// <summary>The A64 word of MRS (read) or MSR (write) of <paramref name="encoding"/> with Rt = 0.</summary>
    public static uint Word(Aarch64Encoding encoding, bool isRead)
    {
        var word = (ulong)Layouts.A64SystemMove.FixedValue << Layouts.A64SystemMove.Fixed.Lsb;
        word = Layouts.A64SystemMove.L.Insert(word, isRead ? 1UL : 0UL);
        word = Layouts.A64SystemMove.Op0.Insert(word, (ulong)encoding.Op0);
        word = Layouts.A64SystemMove.Op1.Insert(word, (ulong)encoding.Op1);
        word = Layouts.A64SystemMove.CRn.Insert(word, (ulong)encoding.CRn);
        word = Layouts.A64SystemMove.CRm.Insert(word, (ulong)encoding.CRm);
        word = Layouts.A64SystemMove.Op2.Insert(word, (ulong)encoding.Op2);
        return (uint)word;
    }

    /// <summary>Reads op0..op2 out of an A64 system-move word.</summary>
    public static Aarch64Encoding EncodingOf(uint word) => new(
        (int)Layouts.A64SystemMove.Op0.Extract(word),
        (int)Layouts.A64SystemMove.Op1.Extract(word),
        (int)Layouts.A64SystemMove.CRn.Extract(word),
        (int)Layouts.A64SystemMove.CRm.Extract(word),
        (int)Layouts.A64SystemMove.Op2.Extract(word));

    public static string Inst(uint word) => ".inst 0x" + word.ToString("x8", CultureInfo.InvariantCulture);
}
