using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary><c>trapgen encode</c> and <c>trapgen decode</c>, through the CLI's entry point.</summary>
public sealed class DecodeEncodeTests
{
    [Theory]
    [MemberData(nameof(CataloguedAccesses.Cases), MemberType = typeof(CataloguedAccesses))]
    public void Decode_of_encode_gives_back_the_instruction_and_its_register(CataloguedAccess access)
    {
        var encoded = Json(Cli.Run("encode", "--json", access.Instruction));
        var esr = encoded.GetProperty("esr").GetString()!;

        var decoded = Json(Cli.Run("decode", "--json", esr));

        Assert.Equal(access.Instruction, encoded.GetProperty("instruction").GetString());
        Assert.Equal(access.Instruction, decoded.GetProperty("instruction").GetString());
        Assert.Equal(access.Register, encoded.GetProperty("register").GetProperty("name").GetString());
        Assert.Equal(access.Register, decoded.GetProperty("register").GetProperty("name").GetString());
        Assert.Equal(esr, decoded.GetProperty("esr").GetString());
    }

    [Theory]
    [MemberData(nameof(CataloguedAccesses.Cases), MemberType = typeof(CataloguedAccesses))]
    public void Encode_of_the_instruction_word_gives_what_encode_of_its_text_gives(CataloguedAccess access)
    {
        var fromText = Json(Cli.Run("encode", "--json", access.Instruction));
        var word = fromText.GetProperty("word").GetString()!;

        var fromWord = Json(Cli.Run("encode", "--json", fromText.GetProperty("instructionSet").GetString() + " " + word));

        Assert.Equal(fromText.ToString(), fromWord.ToString());
    }

    [Theory]
    [InlineData("0xd508871f", "tlbi vmalle1")]
    [InlineData("0xee010f10", "mcr p15, 0, r0, c1, c0, 0")]
    [InlineData("t32 0xee010f10", "mcr p15, 0, r0, c1, c0, 0")]
    public void Encode_takes_a_word_of_either_set(string word, string instruction)
    {
        Assert.Equal(instruction, Json(Cli.Run("encode", "--json", word)).GetProperty("instruction").GetString());
    }

    [Fact]
    public void A_word_that_is_no_system_move_is_one_error_line()
    {
        var (exitCode, output, error) = Cli.Run("encode", "0x12345678");

        Assert.Equal((1, string.Empty), (exitCode, output));
        Assert.Equal("trapgen: error: argument 1: cannot decode '0x12345678': 0x12345678 is no system-register, cp14 or VMRS move, LDC/STC of p14, c5, System instruction, SMC, wait, or SIMD and floating-point, SVE or SME instruction in A64 or A32 (name the set for a T32 word: t32 0x12345678)\n", error);
    }

    [Fact]
    public void Every_syndrome_key_in_the_listing_is_what_encode_reports()
    {
        var listing = Json(Cli.Run("list", "--json", Cli.CatalogueOfRepository)).GetProperty("registers");
        var keysByName = listing.EnumerateArray()
            .SelectMany(r => r.GetProperty("aliases").EnumerateArray().Select(a => (Name: a.GetProperty("name").GetString()!, Kind: a.GetProperty("trapClass").GetString()!, Key: a.GetProperty("syndromeKey").GetString()!))
                .Prepend((Name: r.GetProperty("name").GetString()!, Kind: "msr", Key: r.GetProperty("syndromeKey").GetString()!)))
            .ToLookup(entry => (entry.Name, entry.Kind), entry => Parse(entry.Key));

        foreach (var access in CataloguedAccesses.All)
        {
            var encoded = Json(Cli.Run("encode", "--json", access.Instruction));
            var decoded = Json(Cli.Run("decode", "--json", encoded.GetProperty("esr").GetString()!));
            var kind = decoded.GetProperty("trapClass").GetString()!;
            var iss = Parse(decoded.GetProperty("iss").GetString()!);
            var key = Assert.Single(keysByName[(access.Register, kind)]);

            // The key's bits are exactly the register-identifying fields: ISS with Rt, Rt2, direction and condition
            // cleared, and for LDC/STC (whose one register no field names) its addressing: imm8, Rn, Offset and AM.
            var identifying = decoded.GetProperty("fields").EnumerateArray()
                .Where(f => f.GetProperty("name").GetString() is not ("Rt" or "Rt2" or "Direction" or "CV" or "COND" or "imm8" or "Rn" or "Offset" or "AM"))
                .Aggregate(0u, (bits, f) => bits | (f.GetProperty("value").GetUInt32() << f.GetProperty("lsb").GetInt32()));
            Assert.Equal(key, identifying);
            Assert.Equal(key, iss & key);
        }
    }

    [Theory]
    [InlineData("0x62300400", "0x18", "msr sctlr_el1, x0", "SCTLR_EL1")]
    [InlineData("0x0f700c21", "0x03", "mrcvc p15, 0, r1, c3, c0, 0", "DACR")]
    [InlineData("0x13e00c5d", "0x04", "mrrc p15, 0, r2, r3, c14", "CNTPCT")]
    public void Decode_names_the_exception_class_the_instruction_and_the_register(string esr, string ec, string instruction, string register)
    {
        var decoded = Json(Cli.Run("decode", "--json", esr));

        Assert.Equal(ec, decoded.GetProperty("ec").GetString());
        Assert.Equal(instruction, decoded.GetProperty("instruction").GetString());
        Assert.Equal(register, decoded.GetProperty("register").GetProperty("name").GetString());
    }

    [Fact]
    public void Decode_reports_banked_aarch32_registers_by_their_aarch64_view()
    {
        // mcr p15, 0, r13, c13, c0, 1 from Supervisor mode: SP_svc is X19 in the AArch64 view.
        var (exitCode, output, _) = Cli.Run("decode", "0x0fe23660");

        Assert.Equal(0, exitCode);
        Assert.Contains("Rt         [9:5]    19         SP_svc", output, System.StringComparison.Ordinal);
        Assert.Contains("instruction  mcr p15, 0, r13, c13, c0, 1", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_prints_op0_1_as_the_System_instruction_binutils_prints()
    {
        // DC CIVAC, X0 trapped by HCR_EL2.TPC: op0 1, op1 3, CRn 7, CRm 14, op2 1; printed by its name, as objdump prints it.
        var decoded = Json(Cli.Run("decode", "--json", "0x6212dc1c"));
        var instruction = decoded.GetProperty("instruction").GetString()!;

        var (word, text) = TrapGen.Testing.Binutils.Assemble(TrapGen.Testing.Binutils.Aarch64, [".arch armv8-a", instruction]).Single();

        Assert.Equal("dc civac, x0", instruction);
        Assert.Equal(0xD50B7E20u, word);
        Assert.Equal("dc\tcivac, x0", text);
    }

    [Fact]
    public void Decode_of_a_register_the_catalogue_lacks_gives_its_architectural_name()
    {
        var decoded = Json(Cli.Run("decode", "--json", "0x0fe03061"));

        Assert.Equal("mrc p15, 0, r3, c12, c0, 0", decoded.GetProperty("instruction").GetString());
        Assert.Equal(JsonValueKind.Null, decoded.GetProperty("register").ValueKind);
        Assert.Equal("VBAR", decoded.GetProperty("architecturalName").GetString());
    }

    [Theory]
    [InlineData("0x62300400", "msr", "msr sctlr_el1, x0")]
    [InlineData("0x0e2a0c10", "mcr", "mcr p15, 0, r0, c3, c8, 5")]
    [InlineData("0x13e00404", "mcrr", "mcrr p15, 0, r0, r1, c2")]
    public void Decode_names_the_trap_class_by_its_instruction_as_the_catalogue_does(string esr, string trapClass, string instruction)
    {
        var decoded = Json(Cli.Run("decode", "--json", esr));

        Assert.Equal(trapClass, decoded.GetProperty("trapClass").GetString());
        Assert.Equal(instruction, decoded.GetProperty("instruction").GetString());
    }

    [Fact]
    public void Decode_of_a_data_abort_explains_it_field_by_field_and_decodes_no_instruction()
    {
        var decoded = Json(Cli.Run("decode", "--json", "93c08004"));

        Assert.Equal("Data Abort from a lower Exception level", decoded.GetProperty("ecName").GetString());
        Assert.Equal("DataAbortIss", decoded.GetProperty("layout").GetString());
        Assert.Equal(JsonValueKind.Null, decoded.GetProperty("instruction").ValueKind);
        Assert.Equal(JsonValueKind.Null, decoded.GetProperty("trapClass").ValueKind);
        var sas = decoded.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "SAS");
        Assert.Equal(("Doubleword", 22), (sas.GetProperty("meaning").GetString(), sas.GetProperty("lsb").GetInt32()));
        Assert.Equal("a read of a doubleword into x0: Translation fault, level 0", decoded.GetProperty("summary").GetString());
        Assert.Equal("FAR_EL2 holds the faulting virtual address", decoded.GetProperty("faultAddress").GetString());
    }

    [Fact]
    public void Decode_with_cv_clear_says_the_condition_is_unknown()
    {
        var decoded = Json(Cli.Run("decode", "--json", "0x0e700c21"));

        Assert.False(decoded.GetProperty("conditionValid").GetBoolean());
        Assert.Equal("mrc p15, 0, r1, c3, c0, 0", decoded.GetProperty("instruction").GetString());
        var cond = decoded.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "COND");
        Assert.Equal("UNKNOWN (CV = 0)", cond.GetProperty("meaning").GetString());
    }

    [Fact]
    public void Decode_and_encode_read_standard_input_one_value_a_line()
    {
        var (exitCode, output, error) = Cli.RunWithInput("# from a log\n0x62300400\n\n0x0f700c21  # DACR\n", "decode", "--json");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Equal(["msr sctlr_el1, x0", "mrcvc p15, 0, r1, c3, c0, 0"], output.TrimEnd().Split('\n').Select(line => JsonDocument.Parse(line).RootElement.GetProperty("instruction").GetString()));

        (exitCode, output, _) = Cli.RunWithInput("msr tcr_el1, x1\nmcr p15, 0, r0, c2, c0, 2\n", "encode");
        Assert.Equal(0, exitCode);
        Assert.Contains("a64 word  0xd5182041", output, System.StringComparison.Ordinal);
        Assert.Contains("a32 word  0xee020f50", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_prints_every_field_as_text()
    {
        var (exitCode, output, _) = Cli.Run("decode", "0x62300400", "0x0f700c21", "0x0fe20461", "0x93c08004");

        Assert.Equal(0, exitCode);
        Cli.MatchSnapshot(nameof(DecodeEncodeTests), nameof(Decode_prints_every_field_as_text), output);
    }

    /// <summary>
    /// Which control caused the trap: the text's <c>trapped by</c> line and <c>trappedBy[]</c> in JSON, in the order
    /// the access's pseudocode checks them (D24.2.175 SCTLR_EL1: HCR_EL2.TVM, then HFGWTR_EL2.SCTLR_EL1), and with <c>--cpu</c>
    /// only the controls the model has (TID4 needs FEAT_EVT; cortex-a57 has no FEAT_FGT).
    /// </summary>
    [Theory]
    [InlineData("0x62340421", null, "CPTR_EL2.TCPAC (set) or HFGRTR_EL2.CPACR_EL1 (set)")]
    [InlineData("0x62300421", null, "HCR_EL2.TRVM (set) or HFGRTR_EL2.SCTLR_EL1 (set)")]
    [InlineData("0x62300420", null, "HCR_EL2.TVM (set) or HFGWTR_EL2.SCTLR_EL1 (set)")]
    [InlineData("0x62300420", "cortex-a57", "HCR_EL2.TVM (set)")]
    [InlineData("0x62300823", null, "HCR_EL2.APK (clear) or HFGRTR_EL2.APIAKey (set)")]
    [InlineData("0x62344041", null, "HCR_EL2.TID2 (set) or HCR_EL2.TID4 (set)")]
    [InlineData("0x62344041", "cortex-a57", "HCR_EL2.TID2 (set)")]
    [InlineData("0x6a000000", null, "HFGITR_EL2.ERET (set) or HCR_EL2.NV (set)")] // EC 0x1A, IL 1, ISS 0: ERET (AArch64.CheckForERetTrap's order)
    [InlineData("0x6a000002", "apple-m3", "HFGITR_EL2.ERET (set) or HCR_EL2.NV (set)")] // ISS ERET 1, ERETA 0: ERETAA
    [InlineData("0x56001234", null, "HFGITR_EL2.SVC_EL1 (set)")] // EC 0x15, IL 1, imm16 0x1234
    public void Decode_names_the_controls_that_trap_the_access(string esr, string? cpu, string trappedBy)
    {
        var (_, text, _) = Cli.Run(cpu is null ? ["decode", esr] : ["decode", "--cpu", cpu, esr]);
        var (_, json, _) = Cli.Run(cpu is null ? ["decode", "--json", esr] : ["decode", "--json", "--cpu", cpu, esr]);

        Assert.Contains("  trapped by   " + trappedBy + "\n", text, System.StringComparison.Ordinal);
        var controls = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("trappedBy").EnumerateArray()
            .Select(c => c.GetProperty("control").GetString() + " (" + c.GetProperty("trapsWhen").GetString() + ")");
        Assert.Equal(trappedBy, string.Join(" or ", controls));
    }

    [Fact]
    public void Encode_prints_words_syndrome_and_register_as_text()
    {
        var (exitCode, output, _) = Cli.Run("encode", "msr sctlr_el1, x0", "mrrc p15, 0, r2, r3, c14", "mcrne p15, 0, r0, c1, c0, 0", "mrc p15, 0, r3, c1, c0, 1");

        Assert.Equal(0, exitCode);
        Cli.MatchSnapshot(nameof(DecodeEncodeTests), nameof(Encode_prints_words_syndrome_and_register_as_text), output);
    }

    private static JsonElement Json((int ExitCode, string Output, string Error) run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement;
    }

    private static uint Parse(string hex) => uint.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
