using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// <c>trapgen encode</c>'s instruction words for every catalogued form against GNU as, an encoder that
/// owes nothing to TrapGen.
/// </summary>
public sealed class EncodeBinutilsTests
{
    [Fact]
    public void A64_words_match_the_aarch64_assembler()
    {
        var instructions = CataloguedAccesses.All.Where(a => a.IsA64).Select(a => a.Instruction).ToList();

        var expected = Binutils.Assemble(Binutils.Aarch64, [".arch armv8-a", .. instructions]).Select(i => i.Word);

        Assert.Equal(expected, Encode(instructions, "word"));
    }

    [Fact]
    public void A32_words_match_the_arm_assembler()
    {
        var instructions = CataloguedAccesses.All.Where(a => !a.IsA64).Select(a => a.Instruction).ToList();

        var expected = Binutils.Assemble(Binutils.Arm, [".arch armv8-a", ".fpu fp-armv8", .. instructions]).Select(i => i.Word);

        Assert.Equal(expected, Encode(instructions, "word"));
    }

    [Fact]
    public void T32_words_match_the_arm_assembler_in_thumb_mode()
    {
        // A T32 coprocessor move takes its condition from an IT block: only the unconditional forms have a T32 word.
        var instructions = CataloguedAccesses.All.Where(a => !a.IsA64 && a.Instruction.Split(' ')[0] is "mcr" or "mrc" or "mcrr" or "mrrc" or "vmrs" or "ldc" or "stc").Select(a => a.Instruction).ToList();

        var expected = Binutils.Assemble(Binutils.Arm, [".arch armv8-a", ".fpu fp-armv8", ".thumb", .. instructions], "-mthumb").Select(i => i.Word);

        Assert.Equal(expected, Encode(instructions, "t32Word"));
    }

    private static List<uint> Encode(List<string> instructions, string property)
    {
        var (exitCode, output, error) = Cli.RunWithInput(string.Join('\n', instructions), "encode", "--json");
        Assert.True(exitCode == 0, error);
        return output.TrimEnd().Split('\n')
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty(property).GetString()!)
            .Select(hex => uint.Parse(hex.AsSpan(2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }
}
