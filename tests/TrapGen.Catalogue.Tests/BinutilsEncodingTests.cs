using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue;
using TrapGen.Catalogue.Model;
using TrapGen.Testing;
using Xunit;
using A32 = TrapGen.Architecture.Layouts.A32RegisterMove;
using A32Pair = TrapGen.Architecture.Layouts.A32RegisterPairMove;
using A64 = TrapGen.Architecture.Layouts.A64SystemMove;

namespace TrapGen.Catalogue.Tests;

/// <summary>Every catalogued encoding agrees with what binutils assembles.</summary>
public sealed class BinutilsEncodingTests
{
    private static readonly RegisterCatalogue Catalogue = CatalogueLoader.Load(TestFiles.RealCatalogue).ValidCatalogue!;

    [Fact]
    public void Every_aarch64_register_name_assembles_to_the_catalogued_encoding()
    {
        var accesses = new List<(RegisterDefinition Register, bool IsRead, int Rt)>();
        var lines = new List<string> { ".arch armv8-a" };
        foreach (var (register, i) in Catalogue.Registers.Where(r => !r.IsAarch32Only).Select((r, i) => (r, i)))
        {
            var rt = i % 31;
            var name = register.Name.ToLowerInvariant();
            if (register.IsReadable)
            {
                lines.Add("mrs x" + rt + ", " + name);
                accesses.Add((register, true, rt));
            }

            if (register.IsWritable)
            {
                lines.Add("msr " + name + ", x" + rt);
                accesses.Add((register, false, rt));
            }
        }

        var words = Binutils.Assemble(Binutils.Aarch64, lines);

        Assert.Equal(accesses.Count, words.Count);
        foreach (var ((register, isRead, rt), (word, text)) in accesses.Zip(words))
        {
            var e = register.Encoding!;
            Assert.True(Layouts.A64SystemMove.FixedValue == A64.Fixed.Extract(word), register.Name + " assembled as " + text);
            Assert.Equal([e.Op0, e.Op1, e.CRn, e.CRm, e.Op2], Fields(word, A64.Op0, A64.Op1, A64.CRn, A64.CRm, A64.Op2));
            Assert.Equal(isRead ? 1UL : 0UL, A64.L.Extract(word));
            Assert.Equal((ulong)rt, A64.Rt.Extract(word));
            Assert.Contains(register.Name.ToLowerInvariant(), text, System.StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("arm")]
    [InlineData("thumb")]
    public void Every_cp15_alias_assembles_to_words_our_instruction_layouts_decode(string instructionSet)
    {
        var aliases = Catalogue.Registers.SelectMany(r => r.Aliases).Where(a => a.Class == TrapClasses.Mcr || a.Class == TrapClasses.Mcrr).ToList();
        var lines = new List<string> { ".arch armv8-a", instructionSet == "thumb" ? ".thumb" : ".arm" };
        foreach (var (alias, i) in aliases.Select((a, i) => (a, i)))
        {
            var e = alias.Encoding;
            var rt = i % 12;
            lines.Add(e.Form == AccessForm.Mcr
                ? $"mrc p15, {e.Opc1}, r{rt}, c{e.CRn}, c{e.CRm}, {e.Opc2}"
                : $"mrrc p15, {e.Opc1}, r{rt}, r{rt + 1}, c{e.CRm}");
            lines.Add(e.Form == AccessForm.Mcr
                ? $"mcr p15, {e.Opc1}, r{rt}, c{e.CRn}, c{e.CRm}, {e.Opc2}"
                : $"mcrr p15, {e.Opc1}, r{rt}, r{rt + 1}, c{e.CRm}");
        }

        var words = Binutils.Assemble(Binutils.Arm, lines, instructionSet == "thumb" ? ["-mthumb"] : []);

        Assert.Equal(aliases.Count * 2, words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var alias = aliases[i / 2];
            var e = alias.Encoding;
            var (word, text) = words[i];
            var isRead = i % 2 == 0;
            var rt = (ulong)((i / 2) % 12);
            if (e.Form == AccessForm.Mcr)
            {
                Assert.Equal(Layouts.A32RegisterMove.FixedValue, A32.Fixed.Extract(word));
                Assert.Equal(Aarch32Constants.ConditionAlways, A32.Cond.Extract(word));
                Assert.Equal(Aarch32Constants.Cp15, A32.Coproc.Extract(word));
                Assert.Equal([e.Opc1, e.CRn, e.CRm, e.Opc2], Fields(word, A32.Opc1, A32.CRn, A32.CRm, A32.Opc2));
                Assert.Equal(isRead ? 1UL : 0UL, A32.L.Extract(word));
                Assert.Equal(rt, A32.Rt.Extract(word));
                Assert.Contains($"cr{e.CRn}, cr{e.CRm}, {{{e.Opc2}}}", text, System.StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(Layouts.A32RegisterPairMove.FixedValue, A32Pair.Fixed.Extract(word));
                Assert.Equal(Aarch32Constants.ConditionAlways, A32Pair.Cond.Extract(word));
                Assert.Equal(Aarch32Constants.Cp15, A32Pair.Coproc.Extract(word));
                Assert.Equal([e.Opc1, e.CRm], Fields(word, A32Pair.Opc1, A32Pair.CRm));
                Assert.Equal(isRead ? 1UL : 0UL, A32Pair.L.Extract(word));
                Assert.Equal(rt, A32Pair.Rt.Extract(word));
                Assert.Equal(rt + 1, A32Pair.Rt2.Extract(word));
                Assert.Contains($"15, {e.Opc1}, r{rt}, r{rt + 1}, cr{e.CRm}", text, System.StringComparison.Ordinal);
            }
        }
    }

    private static int[] Fields(uint word, params TrapGen.Architecture.BitField[] fields) =>
        fields.Select(f => (int)f.Extract(word)).ToArray();
}
