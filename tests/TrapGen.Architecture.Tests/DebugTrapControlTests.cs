using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// MDCR_EL2's debug trap controls against the Arm ARM's own lists, typed here from DDI 0487 M.a.a (D24.3.17
/// MDCR_EL2: TDA, TDOSA, TDRA; G8.3 for the AArch32 views, whose pseudocode checks
/// <c>MDCR_EL2.&lt;TDE,TDx&gt; != '00'</c>) rather than from the tables: a row that loses its rule, or gains one
/// the Arm ARM does not give, fails. Breakpoint and watchpoint registers stand for all 16 of each.
/// </summary>
public sealed class DebugTrapControlTests
{
    private static readonly Dictionary<string, string[]> Aarch64 = new()
    {
        ["TDA"] =
        [
            "DBGAUTHSTATUS_EL1", "DBGBCRn_EL1", "DBGBVRn_EL1", "DBGCLAIMCLR_EL1", "DBGCLAIMSET_EL1", "DBGWCRn_EL1", "DBGWVRn_EL1",
            "MDCCINT_EL1", "MDCCSR_EL0", "MDSCR_EL1", "OSDTRRX_EL1", "OSDTRTX_EL1", "OSECCR_EL1", "DBGDTR_EL0", "DBGDTRRX_EL0", "DBGDTRTX_EL0",
            "MDSELR_EL1", "MDSTEPOP_EL1",
        ],
        ["TDOSA"] = ["OSLAR_EL1", "OSLSR_EL1", "OSDLR_EL1", "DBGPRCR_EL1"],
        ["TDRA"] = ["MDRAR_EL1"],
    };

    private static readonly Dictionary<string, string[]> Cp14 = new()
    {
        ["TDA"] =
        [
            "DBGAUTHSTATUS", "DBGBCRn", "DBGBVRn", "DBGBXVRn", "DBGCLAIMCLR", "DBGCLAIMSET", "DBGDCCINT", "DBGDEVID", "DBGDEVID1", "DBGDEVID2",
            "DBGDIDR", "DBGDSCREXT", "DBGDSCRINT", "DBGDTRRXEXT", "DBGDTRTXEXT", "DBGOSECCR", "DBGVCR", "DBGWCRn", "DBGWFAR", "DBGWVRn",
            "DBGDTRTXINT",
        ],
        ["TDOSA"] = ["DBGOSLAR", "DBGOSLSR", "DBGOSDLR", "DBGPRCR"],
        ["TDRA"] = ["DBGDRAR", "DBGDSAR"],
    };

    /// <summary>MDCR_EL2's debug trap controls; TPM and TPMCR, which TDE does not force, are PmuTrapControlTests'.</summary>
    private static readonly string[] DebugControls = ["TDA", "TDOSA", "TDRA"];

    public static TheoryData<string> Controls() => new(DebugControls);

    [Theory]
    [MemberData(nameof(Controls))]
    public void The_aarch64_rows_a_debug_control_traps_are_the_arm_arms(string control)
    {
        var rows = Aarch64Registers.All.Where(r => r.Traps.Any(t => t.Control.Name == control)).Select(r => Family(r.Name)).Distinct().Order();

        Assert.Equal(Aarch64[control].Order(), rows);
    }

    [Theory]
    [MemberData(nameof(Controls))]
    public void The_cp14_rows_a_debug_control_traps_are_the_arm_arms_in_every_form(string control)
    {
        var rows = Aarch32Registers.All.Where(r => r.Traps.Any(t => t.Control.Name == control)).ToList();

        Assert.Equal(Cp14[control].Order(), rows.Select(r => Family(r.Name)).Distinct().Order());
        Assert.All(rows, r => Assert.Equal(14, r.Coprocessor));
    }

    [Fact]
    public void Every_debug_rule_traps_the_directions_the_register_has_and_tde_forces_it()
    {
        var rules = Aarch64Registers.All.Select(r => (r.Name, r.Access, r.Traps))
            .Concat(Aarch32Registers.All.Select(r => (r.Name, r.Access, r.Traps)))
            .SelectMany(r => r.Traps.Where(t => DebugControls.Contains(t.Control.Name)).Select(t => (r.Name, r.Access, Rule: t)))
            .ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.Equal(RegisterAccessRules.Directions(r.Access), r.Rule.Direction));
        Assert.All(rules, r => Assert.True(r.Rule.Control.IsActive(1UL << MdcrEl2.TDE), r.Name + ": TDE does not force " + r.Rule.Control.Name));
        Assert.All(rules, r => Assert.False(r.Rule.Control.IsActive(0), r.Name));
    }

    [Fact]
    public void The_mdcr_controls_are_at_the_arm_arms_bits()
    {
        Assert.Equal(
            [("HPMN", 0), ("TPMCR", 5), ("TPM", 6), ("TDA", 9), ("TDOSA", 10), ("TDRA", 11), ("E2PB", 12), ("TPMS", 14), ("EnSPM", 15), ("TTRF", 19), ("E2TB", 24), ("TDCC", 27)],
            TrapControls.All.Where(c => c.Register == MdcrEl2.Name).Select(c => (c.Name, c.Bit)));
    }

    /// <summary>DBGBVR5_EL1 is DBGBVRn_EL1; other names are themselves.</summary>
    private static string Family(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name, "^(DBG(?:B|W)X?[VC]R)[0-9]+", "$1n");
}
