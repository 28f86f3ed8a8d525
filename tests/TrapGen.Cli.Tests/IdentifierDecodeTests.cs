using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// <c>decode --midr</c> and <c>--smccc</c> against values whose fields were worked out by hand: MIDR_EL1 from the Arm
/// ARM's field positions (Implementer [31:24], Variant [23:20], Architecture [19:16], PartNum [15:4], Revision [3:0])
/// and the parts' TRMs (the MIDRs real machines report); SMCCC function IDs from DEN0028 (bit 31 fast, bit 30 SMC64,
/// owner [29:24], function [15:0]) and the PSCI, TRNG and FF-A specifications' function numbers.
/// </summary>
public sealed class IdentifierDecodeTests
{
    [Theory]
    // Cortex-A53 r0p4 (Raspberry Pi 3): Arm 0x41, variant 0, architecture 0xF, part 0xD03, revision 4.
    [InlineData("0x410fd034", "Implementer=65,Variant=0,Architecture=15,PartNum=3331,Revision=4", "Arm Limited Cortex-A53 r0p4")]
    // Neoverse N1 r3p1 (AWS Graviton2): part 0xD0C, variant 3, revision 1.
    [InlineData("0x413fd0c1", "Implementer=65,Variant=3,PartNum=3340,Revision=1", "Arm Limited Neoverse N1 r3p1")]
    // Cortex-A57 r1p0, QEMU's cortex-a57.
    [InlineData("0x411fd070", "PartNum=3335,Variant=1,Revision=0", "Arm Limited Cortex-A57 r1p0")]
    // ThunderX2 r1p1: Cavium 0x43, part 0x0AF.
    [InlineData("0x431f0af1", "Implementer=67,Variant=1,PartNum=175,Revision=1", "Cavium Inc. ThunderX2 r1p1")]
    // A64FX r0p0: Fujitsu 0x46, part 0x001.
    [InlineData("0x460f0010", "Implementer=70,PartNum=1", "Fujitsu Ltd. A64FX r0p0")]
    // Kunpeng 920 r1p0: HiSilicon 0x48, part 0xD01.
    [InlineData("0x481fd010", "Implementer=72,Variant=1,PartNum=3329", "HiSilicon Technologies Co. Ltd. TSV110 (Kunpeng 920) r1p0")]
    // An implementer no table lists.
    [InlineData("0x12345678", "Implementer=18,Variant=3,Architecture=4,PartNum=1383,Revision=8", "implementer 0x12 part 0x567 r3p8")]
    public void A_midr_decodes_into_its_fields_and_names(string midr, string fields, string summary) =>
        AssertDecodes("--midr", midr, fields, summary);

    [Theory]
    // PSCI 1.3, 5.1: PSCI_VERSION 0x84000000, CPU_ON 0xC4000003 (SMC64), SYSTEM_OFF 0x84000008.
    [InlineData("0x84000000", "Fast=1,SMC64=0,Owner=4,Function=0", "PSCI_VERSION (PSCI), a fast SMC32/HVC32 call")]
    [InlineData("0xc4000003", "Fast=1,SMC64=1,Owner=4,Function=3", "CPU_ON (PSCI), a fast SMC64/HVC64 call")]
    [InlineData("0x84000008", "Owner=4,Function=8", "SYSTEM_OFF (PSCI)")]
    // PSCI_VERSION has no SMC64 form.
    [InlineData("0xc4000000", "SMC64=1,Owner=4,Function=0", "function 0x0000 of the Standard Secure Service Calls, a fast SMC64/HVC64 call")]
    // SMCCC 1.5: SMCCC_VERSION 0x80000000 and SMCCC_ARCH_WORKAROUND_1 0x80008000, owner 0 (Arm Architecture Calls).
    [InlineData("0x80000000", "Owner=0,Function=0", "SMCCC_VERSION (SMCCC Arm Architecture Call)")]
    [InlineData("0x80008000", "Owner=0,Function=32768", "SMCCC_ARCH_WORKAROUND_1")]
    // TRNG 1.0: TRNG_RND32 0x84000053, TRNG_RND64 0xC4000053.
    [InlineData("0x84000053", "SMC64=0,Function=83", "TRNG_RND (TRNG), a fast SMC32/HVC32 call")]
    [InlineData("0xc4000053", "SMC64=1,Function=83", "TRNG_RND (TRNG), a fast SMC64/HVC64 call")]
    // FF-A 1.1: FFA_VERSION 0x84000063, FFA_MSG_SEND_DIRECT_REQ (SMC64) 0xC400006F.
    [InlineData("0x84000063", "Function=99", "FFA_VERSION (FF-A)")]
    [InlineData("0xc400006f", "Function=111", "FFA_MSG_SEND_DIRECT_REQ (FF-A)")]
    // Owner 6: Vendor Specific Hypervisor Service Calls; owner 2: SiP.
    [InlineData("0x86000001", "Owner=6,Function=1", "of the Vendor Specific Hypervisor Service Calls")]
    [InlineData("0x82000010", "Owner=2,Function=16", "of the SiP Service Calls")]
    // Owners 8 to 47 are reserved.
    [InlineData("0x88000000", "Owner=8", "Reserved for future use (owner 8)")]
    // A yielding call (bit 31 clear) has no owner in this sense.
    [InlineData("0x02001234", "Fast=0,SMC64=0,Function=4660", "a yielding SMC32/HVC32 call")]
    public void An_smccc_function_id_decodes_into_its_fields_and_names(string id, string fields, string summary) =>
        AssertDecodes("--smccc", id, fields, summary);

    [Fact]
    public void A_fast_call_with_must_be_zero_bits_set_warns_but_decodes()
    {
        // SMCCC 2.5: bits [23:17] of a fast call's function ID must be zero; 0x84fe0000 sets all of them.
        var (exitCode, output, _) = Cli.Run("decode", "--smccc", "--json", "0x84fe0000");
        var (_, text, _) = Cli.Run("decode", "--smccc", "0x84fe0000");

        Assert.Equal(0, exitCode);
        var warning = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Contains("bits [23:17]", warning.GetString(), System.StringComparison.Ordinal);
        Assert.Contains("  warning      bits [23:17] are 0x7f", text, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--midr", "nope")]
    [InlineData("--midr", "0x100000000")]
    [InlineData("--smccc", "-1")]
    [InlineData("--smccc", "0x1ffffffff")]
    public void A_value_that_is_not_32_bits_of_hexadecimal_is_one_error_line(string flag, string value)
    {
        var (exitCode, output, error) = Cli.Run("decode", flag, value);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.StartsWith("trapgen: error: argument 1: '" + value + "'", error, System.StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Midr_and_smccc_together_is_an_error()
    {
        var (exitCode, _, error) = Cli.Run("decode", "--midr", "--smccc", "0x84000000");

        Assert.Equal(1, exitCode);
        Assert.Contains("--midr and --smccc", error, System.StringComparison.Ordinal);
    }

    private static void AssertDecodes(string flag, string value, string fields, string summary)
    {
        var (exitCode, output, error) = Cli.Run("decode", flag, "--json", value);

        Assert.True(exitCode == 0, error);
        var decoded = JsonDocument.Parse(output).RootElement;
        var values = decoded.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetUInt32());
        foreach (var pair in fields.Split(','))
        {
            var (name, expected) = (pair.Split('=')[0], uint.Parse(pair.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(values.TryGetValue(name, out var actual) && actual == expected, value + ": " + name + " is " + (values.TryGetValue(name, out var a) ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing") + ", expected " + expected);
        }

        Assert.Contains(summary, decoded.GetProperty("summary").GetString(), System.StringComparison.Ordinal);
    }
}
