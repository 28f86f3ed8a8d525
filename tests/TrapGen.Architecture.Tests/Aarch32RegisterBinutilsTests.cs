using System.Globalization;
using System.Linq;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// Every AArch32 row's form (MCR/MRC, MCRR/MRRC, LDC/STC, or for cp10 VMRS by its name), assembled by GNU as
/// for A32 and T32, is the word its coordinates give through TrapGen's instruction layouts. binutils has no
/// cp15 names, so the names and mappings are checked against the AArch64 table instead
/// (<see cref="TableConsistencyTests"/>); it does name the VMRS registers, which checks their reg numbers.
/// </summary>
public sealed class Aarch32RegisterBinutilsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_register_assembles_to_the_word_its_coordinates_give(bool thumb)
    {
        // VMRS reads; no VMSR writes an ID register.
        var rows = Aarch32Registers.All.SelectMany(r => new[] { (Register: r, IsRead: true), (Register: r, IsRead: false) })
            .Where(row => row.IsRead || row.Register.Class != TrapClasses.Vmrs).ToList();
        var lines = rows.Select(row => Instruction(row.Register, row.IsRead)).Prepend(thumb ? ".thumb" : ".arm").Prepend(".fpu fp-armv8").Prepend(".arch armv8-a");

        var words = Binutils.Assemble(Binutils.Arm, lines, thumb ? ["-mthumb"] : []);

        Assert.Equal(rows.Count, words.Count);
        foreach (var ((register, isRead), (word, text)) in rows.Zip(words))
        {
            Assert.True(Word(register, isRead) == word, register.Describe() + " assembled to " + text);
        }
    }

    private static string Instruction(Aarch32Register register, bool isRead)
    {
        var e = register.Encoding;
        return e.Form switch
        {
            AccessForm.Mcr when register.Class == TrapClasses.Vmrs => "vmrs r2, " + register.Name.ToLowerInvariant(),
            AccessForm.Mcr => string.Format(CultureInfo.InvariantCulture, "{0} p{1}, {2}, r2, c{3}, c{4}, {5}", isRead ? "mrc" : "mcr", register.Coprocessor, e.Opc1, e.CRn, e.CRm, e.Opc2),
            AccessForm.Mcrr => string.Format(CultureInfo.InvariantCulture, "{0} p{1}, {2}, r2, r3, c{3}", isRead ? "mrrc" : "mcrr", register.Coprocessor, e.Opc1, e.CRm),
            // STC reads the register into memory; LDC writes it. [r2] is the offset form with #0.
            _ => string.Format(CultureInfo.InvariantCulture, "{0} p{1}, c{2}, [r2]", isRead ? "stc" : "ldc", register.Coprocessor, e.CRn),
        };
    }

    /// <summary>The A32 word (T32 is the same with cond 0b1110, first halfword high) with Rt = r2 and Rt2 = r3.</summary>
    private static uint Word(Aarch32Register register, bool isRead)
    {
        var e = register.Encoding;
        ulong word = 0;
        if (e.Form == AccessForm.LdcStc)
        {
            word = Layouts.A32CoprocessorLoadStore.Cond.Insert(word, Aarch32Constants.ConditionAlways);
            word = Layouts.A32CoprocessorLoadStore.Fixed.Insert(word, Layouts.A32CoprocessorLoadStore.FixedValue);
            word = Layouts.A32CoprocessorLoadStore.P.Insert(word, 1);
            word = Layouts.A32CoprocessorLoadStore.U.Insert(word, 1);
            word = Layouts.A32CoprocessorLoadStore.L.Insert(word, isRead ? 0UL : 1UL);
            word = Layouts.A32CoprocessorLoadStore.Rn.Insert(word, 2);
            word = Layouts.A32CoprocessorLoadStore.CRd.Insert(word, (ulong)e.CRn);
            return (uint)Layouts.A32CoprocessorLoadStore.Coproc.Insert(word, (ulong)register.Coprocessor);
        }

        if (e.Form == AccessForm.Mcr)
        {
            word = Layouts.A32RegisterMove.Cond.Insert(word, Aarch32Constants.ConditionAlways);
            word = Layouts.A32RegisterMove.Fixed.Insert(word, Layouts.A32RegisterMove.FixedValue);
            word = Layouts.A32RegisterMove.Opc1.Insert(word, (ulong)e.Opc1);
            word = Layouts.A32RegisterMove.L.Insert(word, isRead ? 1UL : 0UL);
            word = Layouts.A32RegisterMove.CRn.Insert(word, (ulong)e.CRn);
            word = Layouts.A32RegisterMove.Rt.Insert(word, 2);
            word = Layouts.A32RegisterMove.Coproc.Insert(word, (ulong)register.Coprocessor);
            word = Layouts.A32RegisterMove.Opc2.Insert(word, (ulong)e.Opc2);
            word = Layouts.A32RegisterMove.One.Insert(word, Layouts.A32RegisterMove.OneValue);
            return (uint)Layouts.A32RegisterMove.CRm.Insert(word, (ulong)e.CRm);
        }

        word = Layouts.A32RegisterPairMove.Cond.Insert(word, Aarch32Constants.ConditionAlways);
        word = Layouts.A32RegisterPairMove.Fixed.Insert(word, Layouts.A32RegisterPairMove.FixedValue);
        word = Layouts.A32RegisterPairMove.L.Insert(word, isRead ? 1UL : 0UL);
        word = Layouts.A32RegisterPairMove.Rt2.Insert(word, 3);
        word = Layouts.A32RegisterPairMove.Rt.Insert(word, 2);
        word = Layouts.A32RegisterPairMove.Coproc.Insert(word, (ulong)register.Coprocessor);
        word = Layouts.A32RegisterPairMove.Opc1.Insert(word, (ulong)e.Opc1);
        return (uint)Layouts.A32RegisterPairMove.CRm.Insert(word, (ulong)e.CRm);
    }
}
