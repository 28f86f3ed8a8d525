using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// An AArch32 register no catalogue entry handles is still placed: decode and encode say which bits of which
/// AArch64 register it is, as the Arm ARM's "architecturally mapped to" statements give them.
/// </summary>
public sealed class ArchitecturalMappingTests
{
    [Theory]
    [InlineData("mrc p15, 0, r0, c0, c0, 0", "MIDR", "bits [31:0] of MIDR_EL1")]
    [InlineData("mrc p15, 0, r0, c0, c0, 5", "MPIDR", "bits [31:0] of MPIDR_EL1")]
    [InlineData("mrc p15, 0, r0, c1, c0, 2", "CPACR", "bits [31:0] of CPACR_EL1")]
    [InlineData("mrc p15, 0, r0, c12, c0, 0", "VBAR", "bits [31:0] of VBAR_EL1")]
    [InlineData("mrc p15, 0, r0, c13, c0, 2", "TPIDRURW", "bits [31:0] of TPIDR_EL0")]
    [InlineData("mrrc p15, 0, r0, r1, c7", "PAR", "all of PAR_EL1")]
    public void An_uncatalogued_aarch32_register_says_where_its_bits_live(string instruction, string name, string mapping)
    {
        var (_, encodeOutput, _) = Cli.Run("encode", "--json", instruction);
        var encoded = JsonDocument.Parse(encodeOutput).RootElement;
        var (exitCode, decodeOutput, _) = Cli.Run("decode", encoded.GetProperty("esr").GetString()!);

        Assert.Equal(0, exitCode);
        Assert.Equal((name, mapping), (encoded.GetProperty("architecturalName").GetString(), encoded.GetProperty("architecturalMapping").GetString()));
        Assert.Contains("  register     none catalogued (the architecture calls it " + name + ", " + mapping + "): ", decodeOutput, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_instruction_has_no_mapping()
    {
        var (_, output, _) = Cli.Run("encode", "--json", "mcr p15, 0, r0, c7, c5, 0");

        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(output).RootElement.GetProperty("architecturalMapping").ValueKind);
    }
}
