using System.Collections.Generic;
using System.Linq;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>The System instruction table (DC, IC, TLBI, AT, …) against GNU binutils, both ways.</summary>
public sealed class SystemInstructionBinutilsTests
{
    [Fact]
    public void Every_instruction_assembles_to_its_encoding_with_or_without_a_register_as_its_operand_column_says()
    {
        var lines = SystemInstructions.All
            .Select(i => (Aarch64Assembler.MarchFor(i.Feature), i.FullName.ToLowerInvariant() + (i.TakesRegister ? ", x0" : string.Empty)))
            .ToList();

        var words = Aarch64Assembler.Assemble(lines);

        foreach (var (instruction, (word, text)) in SystemInstructions.All.Zip(words))
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

    /// <summary>SYS #op1, Cn, Cm, #op2, Xt: the A64 system-move layout with op0 1 and L 0.</summary>
    private static uint SysWord(Aarch64Encoding encoding, int rt) =>
        (uint)Layouts.A64SystemMove.Rt.Insert(Aarch64Assembler.Word(encoding, isRead: false), (ulong)rt);

    private static string NormalSpace(string text) => string.Join(" ", text.Split((char[])[' ', '\t'], System.StringSplitOptions.RemoveEmptyEntries));
}
