using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// 'list --architecture' says which trap controls act only with another set, and which another forces: HCR_EL2.NV1
/// traps only while HCR_EL2.NV is set too and NV2 clear (D24.2.62: the accessors' <c>EffectiveHCR_EL2_NVx() == '011'</c>), and
/// MDCR_EL2.TDE makes TDA, TDOSA and TDRA act as set whatever their own values (D24.3.17). No other control of the tables
/// has either: the expectations are the Arm ARM's, written out here, not read from the tables.
/// </summary>
public sealed class ControlConditionCliTests
{
    private static readonly Dictionary<string, (string? Requires, string? ForcedBy, string? RequiresClear)> Expected = new()
    {
        ["HCR_EL2.NV1"] = ("HCR_EL2.NV", null, "HCR_EL2.NV2"),
        ["MDCR_EL2.TDA"] = (null, "MDCR_EL2.TDE", null),
        ["MDCR_EL2.TDOSA"] = (null, "MDCR_EL2.TDE", null),
        ["MDCR_EL2.TDRA"] = (null, "MDCR_EL2.TDE", null),
    };

    [Fact]
    public void The_json_names_the_required_and_forcing_control_of_exactly_these_controls()
    {
        var controls = JsonDocument.Parse(Cli.Run("list", "--architecture", "--json").Output).RootElement
            .GetProperty("trapControls").EnumerateArray()
            .ToDictionary(c => c.GetProperty("register").GetString() + "." + c.GetProperty("name").GetString());

        var conditioned = controls.Where(c => c.Value.TryGetProperty("requires", out _) || c.Value.TryGetProperty("forcedBy", out _))
            .ToDictionary(c => c.Key, c => (Requires: Text(c.Value, "requires"), ForcedBy: Text(c.Value, "forcedBy"), RequiresClear: Text(c.Value, "requiresClear")));

        Assert.Equal(Expected.OrderBy(e => e.Key), conditioned.OrderBy(e => e.Key));
    }

    [Theory]
    [InlineData("HCR_EL2.NV1", "set, with HCR_EL2.NV and without HCR_EL2.NV2")]
    [InlineData("MDCR_EL2.TDA", "set, or by MDCR_EL2.TDE")]
    [InlineData("HCR_EL2.NV", "set")]
    [InlineData("HCR_EL2.API", "clear")]
    public void The_text_table_writes_the_condition_after_traps_when(string control, string trapsWhen)
    {
        var line = Cli.Run("list", "--architecture").Output.Split('\n').Single(l => l.StartsWith(control + " ", System.StringComparison.Ordinal));

        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(control) + @" +\d+ +" + System.Text.RegularExpressions.Regex.Escape(trapsWhen) + "  ", line);
    }

    private static string? Text(JsonElement control, string property) =>
        control.TryGetProperty(property, out var value) ? value.GetString() : null;
}
