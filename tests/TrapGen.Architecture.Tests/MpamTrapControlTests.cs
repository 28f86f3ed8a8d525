using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// MPAM's EL2 traps (D24.12): each control's register, bit and polarity as its field description gives them, the
/// controls each MPAM register's EL1 accessor pseudocode checks, in its order, what makes each control exist (FEAT_MPAM,
/// FEAT_SME, MPAMIDR_EL1's HAS_HCR, HAS_TIDR and HAS_BW_CTRL, ID_AA64PFR1_EL1.MPAM_frac) and which models have them.
/// ArmArmTrapRuleTests compares the rows with the extracted pseudocode too; these are written out by hand.
/// </summary>
public sealed class MpamTrapControlTests
{
    /// <summary>Each control: register, bit (D24.12.3, .7, .12), and whether it traps while set.</summary>
    public static TheoryData<string, string, int, bool> Controls() => new()
    {
        { "MPAM2_EL2", "TRAPMPAM1EL1", 48, true },
        { "MPAM2_EL2", "TRAPMPAM0EL1", 49, true },
        { "MPAM2_EL2", "EnMPAMSM", 50, false },
        { "MPAM2_EL2", "TIDR", 58, true },
        { "MPAMBW2_EL2", "nTRAP_MPAMBWSM_EL1", 49, false },
        { "MPAMBW2_EL2", "nTRAP_MPAMBW1_EL1", 50, false },
        { "MPAMBW2_EL2", "nTRAP_MPAMBW0_EL1", 51, false },
        { "MPAMBW2_EL2", "nTRAP_MPAMBWIDR_EL1", 52, false },
        { "MPAMHCR_EL2", "TRAP_MPAMIDR_EL1", 31, true },
    };

    /// <summary>
    /// Per register: the EL2 controls its MRS and its MSR pseudocode check at EL1, in order ("-" for a direction the
    /// register lacks or a register at EL1 UNDEFINED). MPAM3_EL3.TRAPLOWER and MPAMBW3_EL3.nTRAPLOWER, EL3's, come first.
    /// </summary>
    private static readonly Dictionary<string, (string Read, string Write)> Pseudocode = new(System.StringComparer.Ordinal)
    {
        ["MPAM0_EL1"] = ("TRAPMPAM0EL1", "TRAPMPAM0EL1"),
        ["MPAM1_EL1"] = ("TRAPMPAM1EL1", "TRAPMPAM1EL1"),
        ["MPAMIDR_EL1"] = ("TRAP_MPAMIDR_EL1 TIDR", "-"),
        ["MPAMSM_EL1"] = ("EnMPAMSM", "EnMPAMSM"),
        ["MPAMBW0_EL1"] = ("nTRAP_MPAMBW0_EL1", "nTRAP_MPAMBW0_EL1"),
        ["MPAMBW1_EL1"] = ("nTRAP_MPAMBW1_EL1", "nTRAP_MPAMBW1_EL1"),
        ["MPAMBWIDR_EL1"] = ("nTRAP_MPAMBWIDR_EL1", "-"),
        ["MPAMBWSM_EL1"] = ("nTRAP_MPAMBWSM_EL1", "nTRAP_MPAMBWSM_EL1"),

        // At EL1 these are UNDEFINED unless HCR_EL2.NV makes them trap (D24.12: "EffectiveHCR_EL2_NVx() IN {'xx1'}").
        ["MPAM1_EL12"] = ("NV", "NV"),
        ["MPAMBW1_EL12"] = ("NV", "NV"),
        ["MPAM2_EL2"] = ("NV", "NV"),
        ["MPAMHCR_EL2"] = ("NV", "NV"),
    };

    private static readonly string[] MpamRegisters = [Mpam2El2.Name, MpamBw2El2.Name, MpamHcrEl2.Name];

    [Theory]
    [MemberData(nameof(Controls))]
    public void Each_control_is_its_register_bit_and_polarity(string register, string name, int bit, bool trapsWhenSet)
    {
        var control = TrapControls.All.Single(c => c.Name == name);

        Assert.Equal((register, bit, trapsWhenSet, false, (int?)null), (control.Register, control.Bit, control.TrapsWhenSet, control.DependsOnE2h, control.ForcedBy));
        Assert.Equal(1UL << bit, control.Mask);
        Assert.Equal(register + "." + name, control.QualifiedName);
    }

    [Fact]
    public void The_three_registers_hold_exactly_their_traps_and_are_trap_control_registers()
    {
        Assert.Equal(["TRAPMPAM1EL1", "TRAPMPAM0EL1", "EnMPAMSM", "TIDR"], TrapControls.Of(Mpam2El2.Name).Select(c => c.Name));
        Assert.Equal(["nTRAP_MPAMBWSM_EL1", "nTRAP_MPAMBW1_EL1", "nTRAP_MPAMBW0_EL1", "nTRAP_MPAMBWIDR_EL1"], TrapControls.Of(MpamBw2El2.Name).Select(c => c.Name));
        Assert.Equal(["TRAP_MPAMIDR_EL1"], TrapControls.Of(MpamHcrEl2.Name).Select(c => c.Name));
        Assert.All(MpamRegisters, r => Assert.Contains(r, TrapControlRegisters.Names));

        var values = new TrapControlRegisters(0, 0, 0).With(Mpam2El2.Name, 0x0407_0000_0000_0000).With(MpamBw2El2.Name, 0x001E_0000_0000_0000).With(MpamHcrEl2.Name, 0x8000_0000);
        Assert.Equal((0x0407_0000_0000_0000UL, 0x001E_0000_0000_0000UL, 0x8000_0000UL), (values.Mpam2, values.MpamBw2, values.MpamHcr));
        Assert.Equal((values.Mpam2, values.MpamBw2, values.MpamHcr), (values.ValueOf(Mpam2El2.Name), values.ValueOf(MpamBw2El2.Name), values.ValueOf(MpamHcrEl2.Name)));
    }

    [Fact]
    public void Every_mpam_register_names_the_pseudocodes_controls_in_its_order()
    {
        foreach (var (name, (read, write)) in Pseudocode)
        {
            var register = Aarch64Registers.All.Single(r => r.Name == name);

            Assert.Equal((name, read), (name, RuleNames.Of(register.Traps, AccessDirection.Read, register.Allows(AccessDirection.Read))));
            Assert.Equal((name, write), (name, RuleNames.Of(register.Traps, AccessDirection.Write, register.Allows(AccessDirection.Write))));
        }
    }

    [Fact]
    public void No_other_register_or_instruction_names_an_mpam_control()
    {
        var controls = TrapControls.All.Where(c => MpamRegisters.Contains(c.Register)).ToHashSet();
        var others = Aarch64Registers.All.Where(r => !Pseudocode.ContainsKey(r.Name) && r.Traps.Any(t => controls.Contains(t.Control))).Select(r => r.Name)
            .Concat(Aarch32Registers.All.Where(r => r.Traps.Any(t => controls.Contains(t.Control))).Select(r => r.Name))
            .Concat(SystemInstructions.All.Where(i => i.Traps.Any(t => controls.Contains(t.Control))).Select(i => i.FullName));

        Assert.Empty(others);
    }

    [Theory]
    [InlineData("MPAMIDR_EL1", "TRAP_MPAMIDR_EL1 TIDR", "TRAP_MPAMIDR_EL1")]
    [InlineData("MPAMIDR_EL1", "TIDR", "TIDR")]
    [InlineData("MPAMIDR_EL1", "TRAPMPAM1EL1 TRAPMPAM0EL1", "-")]
    [InlineData("MPAM1_EL1", "TRAPMPAM0EL1 TIDR", "-")]
    [InlineData("MPAM1_EL1", "TRAPMPAM1EL1", "TRAPMPAM1EL1")]
    [InlineData("MPAM0_EL1", "TRAPMPAM0EL1 TRAPMPAM1EL1", "TRAPMPAM0EL1")]
    [InlineData("MPAMSM_EL1", "-", "EnMPAMSM")]
    [InlineData("MPAMSM_EL1", "EnMPAMSM", "-")]
    [InlineData("MPAMBW1_EL1", "nTRAP_MPAMBW0_EL1 nTRAP_MPAMBWIDR_EL1 nTRAP_MPAMBWSM_EL1", "nTRAP_MPAMBW1_EL1")]
    [InlineData("MPAMBW1_EL1", "nTRAP_MPAMBW1_EL1", "-")]
    [InlineData("MPAMBWIDR_EL1", "-", "nTRAP_MPAMBWIDR_EL1")]
    public void A_read_traps_by_the_first_active_control_of_the_pseudocode(string register, string set, string expected)
    {
        // The MPAM2_EL2.EnMPAMSM and MPAMBW2_EL2.nTRAP_* fields are set by "set" (so stop trapping); the rest trap when set.
        var controls = new TrapControlRegisters(0, 0, 0);
        foreach (var name in set == "-" ? [] : set.Split(' '))
        {
            var control = TrapControls.All.Single(c => c.Name == name);
            controls = controls.With(control.Register, controls.ValueOf(control.Register) | control.Mask);
        }

        var key = Aarch64Registers.All.Single(r => r.Name == register).Encoding.Key;
        var trapping = ArchitecturalTraps.TrappingControl(controls, TrapClasses.Msr, key, isRead: true);

        Assert.Equal(expected, trapping is null ? "-" : trapping.Name);
    }

    [Theory]
    [InlineData("cortex-a57", "")]
    [InlineData("max", "")]
    [InlineData("a64fx", "")]
    [InlineData("neoverse-n2", "")]
    [InlineData("apple-m3", "")]
    [InlineData("neoverse-v1", "TRAPMPAM1EL1 TRAPMPAM0EL1")]
    public void The_controls_exist_on_the_models_with_mpam(string modelName, string controls)
    {
        // neoverse-v1's dump reports MPAM v1.0 (ID_AA64PFR0_EL1.MPAM 1) without SME and lists no MPAMIDR_EL1, so it has
        // neither MPAMHCR_EL2 nor TIDR nor the bandwidth controls; QEMU 7.2's models have no MPAM.
        var model = CpuModels.Find(modelName)!;

        Assert.Equal(controls, string.Join(' ', TrapControls.All.Where(c => MpamRegisters.Contains(c.Register) && c.ExistsOn(model)).Select(c => c.Name)));
        Assert.Equal(controls.Length > 0, model.Has("FEAT_MPAM"));
    }

    [Theory]
    [InlineData(0x1UL, 0x0UL, 0x0UL, "FEAT_MPAM", "TRAPMPAM1EL1 TRAPMPAM0EL1")]
    [InlineData(0x1UL, 0x0UL, 0x2_0000UL, "FEAT_MPAM MPAM_HCR", "TRAPMPAM1EL1 TRAPMPAM0EL1 TRAP_MPAMIDR_EL1")]
    [InlineData(0x1UL, 0x0UL, 0x0400_0000_0000_0000UL, "FEAT_MPAM MPAM_TIDR", "TRAPMPAM1EL1 TRAPMPAM0EL1")]
    [InlineData(0x1UL, 0x1UL, 0x0400_0000_0000_0000UL, "FEAT_MPAM MPAM_minor1 MPAM_TIDR", "TRAPMPAM1EL1 TRAPMPAM0EL1 TIDR")]
    [InlineData(0x0UL, 0x1UL, 0x0500_0000_0002_0000UL, "FEAT_MPAM MPAM_minor1 MPAM_HCR MPAM_TIDR FEAT_MPAM_PE_BW_CTRL", "TRAPMPAM1EL1 TRAPMPAM0EL1 TIDR nTRAP_MPAMBW1_EL1 nTRAP_MPAMBW0_EL1 nTRAP_MPAMBWIDR_EL1 TRAP_MPAMIDR_EL1")]
    public void Mpamidr_el1_and_the_version_fields_make_the_controls_exist(ulong mpam, ulong mpamFrac, ulong mpamidr, string features, string controls)
    {
        // ID_AA64PFR0_EL1.MPAM [43:40], ID_AA64PFR1_EL1.MPAM_frac [19:16] (v0.1 is 0/1, v1.0 1/0, v1.1 1/1), MPAMIDR_EL1
        // HAS_HCR [17], HAS_BW_CTRL [56], HAS_TIDR [58] (D24.2.93-94, D24.12.13). No SME, so no EnMPAMSM or nTRAP_MPAMBWSM_EL1.
        var model = new CpuModel("mpam", "test", [("ID_AA64PFR0_EL1", (mpam << 40) | 0x1111), ("ID_AA64PFR1_EL1", mpamFrac << 16), ("MPAMIDR_EL1", mpamidr)], [], [], []);
        string[] mpamFeatures = ["FEAT_MPAM", "MPAM_minor1", "MPAM_HCR", "MPAM_TIDR", "FEAT_MPAM_PE_BW_CTRL"];

        Assert.Equal(features, string.Join(' ', mpamFeatures.Where(model.Has)));
        Assert.Equal(controls, string.Join(' ', TrapControls.All.Where(c => MpamRegisters.Contains(c.Register) && c.ExistsOn(model)).Select(c => c.Name)));
    }

    [Fact]
    public void The_sme_controls_need_sme_and_the_mpam_registers_need_their_features()
    {
        var model = new CpuModel("mpam-sme", "test", [("ID_AA64PFR0_EL1", 0x100_0000_1111UL), ("ID_AA64PFR1_EL1", 0x100_0000UL), ("MPAMIDR_EL1", 0x0100_0000_0000_0000UL)], [], [], []);

        Assert.True(TrapControls.All.Single(c => c.Name == "EnMPAMSM").ExistsOn(model));
        Assert.True(TrapControls.All.Single(c => c.Name == "nTRAP_MPAMBWSM_EL1").ExistsOn(model));
        Assert.True(model.Implements(Aarch64Registers.All.Single(r => r.Name == "MPAMSM_EL1")));
        Assert.True(model.Implements(Aarch64Registers.All.Single(r => r.Name == "MPAMBWSM_EL1")));
        Assert.False(model.Implements(Aarch64Registers.All.Single(r => r.Name == "MPAMHCR_EL2")));
        Assert.False(CpuModels.Find("neoverse-v1")!.Implements(Aarch64Registers.All.Single(r => r.Name == "MPAMSM_EL1")));
        Assert.False(CpuModels.Find("neoverse-v1")!.Implements(Aarch64Registers.All.Single(r => r.Name == "MPAMBW1_EL1")));
        Assert.True(CpuModels.Find("neoverse-v1")!.Implements(Aarch64Registers.All.Single(r => r.Name == "MPAM1_EL1")));
    }
}
