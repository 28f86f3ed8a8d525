using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TrapGen.Architecture;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// <c>trapgen encode</c> beyond the catalogued forms: cp14 moves, VMRS of the ID registers, SMC in each set
/// and the System instructions by name, from the architecture's tables, against GNU as; and the exception
/// class each one's trap reports.
/// </summary>
public sealed class EncodeClassesTests
{
    private static readonly string[] Aarch32Prelude = [".arch armv8-a", ".arch_extension sec", ".fpu fp-armv8"];

    [Fact]
    public void Cp14_words_match_the_arm_assembler_in_both_sets_for_every_row_of_the_table()
    {
        var instructions = Aarch32Registers.All.Where(r => r.Coprocessor == Aarch32Constants.Cp14).SelectMany(Moves).ToList();

        AssertAarch32(instructions, instructions);
    }

    [Fact]
    public void Vmrs_words_match_the_arm_assembler_in_both_sets()
    {
        var instructions = Aarch32Registers.All.Where(r => r.Class == TrapClasses.Vmrs).Select(r => "vmrs r3, " + r.Name.ToLowerInvariant()).ToList();
        Assert.NotEmpty(instructions);

        AssertAarch32(instructions, instructions);
    }

    [Fact]
    public void Smc_words_match_both_assemblers()
    {
        var immediates = Enumerable.Range(0, 16).Select(i => "smc #" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        AssertAarch32(immediates, [.. immediates.Select(i => "a32 " + i)]);
        Assert.Equal(
            Binutils.Assemble(Binutils.Arm, [.. Aarch32Prelude, ".arm", "smcne #7"]).Select(i => i.Word),
            Encode(["a32 smcne #7"], "word"));

        List<string> a64 = ["smc #0", "smc #1", "smc #0x1234", "smc #65535"];
        Assert.Equal(Binutils.Assemble(Binutils.Aarch64, [".arch armv8-a", .. a64]).Select(i => i.Word), Encode(a64, "word"));
    }

    [Fact]
    public void System_instructions_by_name_match_the_aarch64_assembler()
    {
        var instructions = SystemInstructions.All.Where(i => i.Feature is null)
            .Select(i => i.Operation.ToLowerInvariant() + " " + i.Name.ToLowerInvariant() + (i.TakesRegister ? ", x3" : string.Empty))
            .ToList();

        Assert.Equal(Binutils.Assemble(Binutils.Aarch64, [".arch armv8-a", .. instructions]).Select(i => i.Word), Encode(instructions, "word"));
    }

    [Theory]
    [InlineData("mcr p14, 0, r1, c0, c0, 4", 0x05, "DBGBVR0")]
    [InlineData("mrrc p14, 0, r1, r2, c1", 0x0C, "DBGDRAR")]
    [InlineData("vmrs r0, mvfr2", 0x08, "MVFR2")]
    [InlineData("smc #0x1234", 0x17, null)]
    [InlineData("a32 smc #0", 0x13, null)]
    [InlineData("dc civac, x0", 0x18, "DC CIVAC")]
    [InlineData("at s1e1r, x0", 0x18, "AT S1E1R")]
    public void Encode_reports_the_exception_class_and_the_catalogued_or_architectural_name_of_each_trap(string instruction, int ec, string? name)
    {
        var encoded = Json(instruction);

        var esr = uint.Parse(encoded.GetProperty("esr").GetString().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.Equal((uint)ec, EsrFields(esr));
        var register = encoded.GetProperty("register");
        Assert.Equal(name, register.ValueKind == JsonValueKind.Object ? register.GetProperty("name").GetString() : encoded.GetProperty("architecturalName").GetString());
    }

    [Theory]
    [InlineData("0xeef01a10", "vmrs r1, fpsid")]
    [InlineData("0xeef00e10", "mrc p14, 7, r0, c0, c0, 0")]
    [InlineData("0xd4024683", "smc #0x1234")]
    [InlineData("0xe1600075", "a32 smc #5")]
    [InlineData("t32 0xf7f58000", "t32 smc #5")]
    public void A_word_of_each_class_reads_back_as_its_text(string word, string instruction)
    {
        Assert.Equal(instruction, Json(word).GetProperty("instruction").GetString());
        Assert.Equal(Json(word).GetProperty("word").GetString(), Json(instruction).GetProperty("word").GetString());
    }

    [Theory]
    [InlineData("a32 smc #16", "'#16' is not a valid SMC immediate; expected #0–#15 (A32 and T32 SMC have 4 bits; an A64 SMC, without a32/t32 before it, has 16)")]
    [InlineData("smc #65536", "'#65536' is not a valid SMC immediate; expected #0–#65535")]
    [InlineData("smcne #0", "an A64 SMC has no condition; name the set for the A32 one: 'a32 smcne #<imm4>'")]
    [InlineData("t32 smcne #0", "a T32 instruction takes its condition from an IT block, not a suffix")]
    [InlineData("vmrs r0, fpscr", "'fpscr' is no floating-point ID register; VMRS traps to EL2 (HCR_EL2.TID0, TID3) only for fpsid, mvfr2, mvfr1, mvfr0")]
    [InlineData("vmrs pc, fpsid", "r15 (pc) as the destination of VMRS of FPSID is UNPREDICTABLE (Arm ARM F5.1, VMRS; APSR_nzcv is for FPSCR only)")]
    [InlineData("mrc p13, 0, r0, c0, c0, 0", "'p13': only coprocessors p15 (system control) and p14 (debug) are modelled (the floating-point ID registers are read with vmrs)")]
    [InlineData("dc cisww, x0", "unknown DC operation 'cisww' (did you mean dc cisw?)")]
    [InlineData("tlbi vmalle1, x0", "'tlbi vmalle1' takes no register")]
    [InlineData("dc cisw", "expected 'dc cisw, x<t>'")]
    [InlineData("a32 dc cisw, x0", "'dc' is an A64 instruction, not A32")]
    [InlineData("a64 mrc p14, 7, r0, c0, c0, 0", "'mrc' is an AArch32 instruction, not A64")]
    public void Bad_input_is_one_error_line(string instruction, string message)
    {
        var (exitCode, output, error) = Cli.Run("encode", instruction);

        Assert.Equal((1, string.Empty), (exitCode, output));
        Assert.Equal("trapgen: error: argument 1: cannot encode '" + instruction + "': " + message + "\n", error);
    }

    private static IEnumerable<string> Moves(Aarch32Register register)
    {
        var e = register.Encoding;
        return [Aarch32Spelling.Read(e, register.Name, rt: 1, rt2: 2), Aarch32Spelling.Write(e, rt: 3, rt2: 4)!];
    }

    private static void AssertAarch32(List<string> assembler, List<string> encodeText)
    {
        Assert.Equal(Binutils.Assemble(Binutils.Arm, [.. Aarch32Prelude, ".arm", .. assembler]).Select(i => i.Word), Encode(encodeText, "word"));
        Assert.Equal(Binutils.Assemble(Binutils.Arm, [.. Aarch32Prelude, ".thumb", .. assembler], "-mthumb").Select(i => i.Word), Encode(encodeText, "t32Word"));
    }

    private static uint EsrFields(uint esr) => (uint)Layouts.Esr.EC.Extract(esr);

    private static JsonElement Json(string instruction)
    {
        var (exitCode, output, error) = Cli.Run("encode", "--json", instruction);
        Assert.True(exitCode == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private static List<uint> Encode(List<string> instructions, string property)
    {
        var (exitCode, output, error) = Cli.RunWithInput(string.Join('\n', instructions), "encode", "--json");
        Assert.True(exitCode == 0, error);
        return output.TrimEnd().Split('\n')
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty(property).GetString()!)
            .Select(hex => uint.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToList();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
