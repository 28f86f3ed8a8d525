using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// A syndrome with RES0 bits set or a reserved field value still decodes, with a warning line (and an entry in
/// <c>warnings</c> with <c>--json</c>). The values are built by hand from the Arm ARM's ESR_EL2 encodings.
/// </summary>
public sealed class SyndromeWarningTests
{
    [Theory]
    // MSR SCTLR_EL1, X0 (0x62300400) with ISS bit 22 set: ISS[24:22] are RES0 for EC 0x18.
    [InlineData("0x62700400", "ISS bit [22] is 0x1 where no field of this exception class applies")]
    // SMC #0 from AArch64 (EC 0x17, IL 1) with ISS bit 16 set: ISS[24:16] are RES0, imm16 is [15:0].
    [InlineData("0x5e010000", "ISS bit [16] is 0x1")]
    // An unknown-reason exception (EC 0x00) with ISS bits [3:0] set: its whole ISS is RES0.
    [InlineData("0x0000000f", "ISS bits [3:0] are 0xf")]
    // A data abort, synchronous External abort (DFSC 0b010000) with SET [12:11] = 0b01, which the Arm ARM reserves.
    [InlineData("0x96000810", "SET = 0x1 is a value the Arm ARM reserves")]
    // An MSR trap with ESR_EL2[40] set: EC 0x18 defines no ISS2.
    [InlineData("0x0000010062300400", "ISS2 [55:32] is 0x100 but this exception class defines no ISS2")]
    public void A_res0_bit_or_reserved_value_is_a_warning_and_the_value_still_decodes(string esr, string warning)
    {
        var (exitCode, json, error) = Cli.Run("decode", "--json", esr);
        var (_, text, _) = Cli.Run("decode", esr);

        Assert.True(exitCode == 0, error);
        var warnings = JsonDocument.Parse(json).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains(warning, System.StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), line => line.StartsWith("  warning      ", System.StringComparison.Ordinal) && line.Contains(warning, System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0x93c08046")]
    [InlineData("0x62300400")]
    [InlineData("0xbe000000")]
    public void A_well_formed_syndrome_has_no_warning(string esr)
    {
        var (_, json, _) = Cli.Run("decode", "--json", esr);
        var (_, text, _) = Cli.Run("decode", esr);

        Assert.Empty(JsonDocument.Parse(json).RootElement.GetProperty("warnings").EnumerateArray());
        Assert.DoesNotContain("warning", text, System.StringComparison.Ordinal);
    }
}
