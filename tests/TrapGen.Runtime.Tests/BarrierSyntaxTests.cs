using System.Linq;
using System.Text.RegularExpressions;
using TrapGen.Instructions;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>Barrier and NOP names in traces are what GNU objdump prints for the same words.</summary>
public sealed partial class BarrierSyntaxTests
{
    private static readonly string[] Options = ["sy", "st", "ld", "ish", "ishst", "ishld", "nsh", "nshst", "nshld", "osh", "oshst", "oshld"];

    [Theory]
    [InlineData(Binutils.Aarch64, InstructionSet.A64)]
    [InlineData(Binutils.Arm, InstructionSet.A32)]
    [InlineData(Binutils.Arm, InstructionSet.T32)]
    public void Every_barrier_is_named_as_objdump_names_it(string target, InstructionSet instructionSet)
    {
        var lines = Options.SelectMany(o => new[] { "dsb " + o, "dmb " + o }).Append(instructionSet == InstructionSet.A64 ? "isb" : "isb sy");
        if (instructionSet != InstructionSet.T32)
        {
            lines = lines.Append("nop");
        }

        var assembled = Binutils.Assemble(target, [".arch armv8-a", .. instructionSet == InstructionSet.T32 ? new[] { ".thumb" } : [], .. lines], instructionSet == InstructionSet.T32 ? ["-mthumb"] : []);

        Assert.NotEmpty(assembled);
        foreach (var (word, text) in assembled)
        {
            Assert.True(BarrierSyntax.TryFormat(word, instructionSet, out var formatted), text);
            Assert.Equal(Normalise(text), formatted);
        }
    }

    [Fact]
    public void Other_words_are_not_barriers()
    {
        Assert.False(BarrierSyntax.TryFormat(0xD5181000, InstructionSet.A64, out _));   // msr sctlr_el1, x0
        Assert.False(BarrierSyntax.TryFormat(0xD503305F, InstructionSet.A64, out _));   // clrex
        Assert.False(BarrierSyntax.TryFormat(0xEE010F10, InstructionSet.A32, out _));   // mcr p15, 0, r0, c1, c0, 0
        Assert.False(BarrierSyntax.TryFormat(0xF57FF040, InstructionSet.A32, out _));   // dsb #0: no named option
    }

    /// <summary>
    /// objdump separates operands with a tab, prints A32's NOP as "nop {0}", and uses the old AArch32
    /// names UN and UNST where the Arm ARM now prefers NSH and NSHST.
    /// </summary>
    private static string Normalise(string objdump)
    {
        var text = Whitespace().Replace(objdump.Replace("{0}", string.Empty, System.StringComparison.Ordinal), " ").Trim();
        return text.EndsWith(" unst", System.StringComparison.Ordinal) ? text[..^4] + "nshst"
            : text.EndsWith(" un", System.StringComparison.Ordinal) ? text[..^2] + "nsh"
            : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
