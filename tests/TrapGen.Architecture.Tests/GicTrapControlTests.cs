using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The GIC CPU interface's EL2 traps, against a table written out from Arm's accessor pseudocode of the ICC_* System
/// registers (the machine-readable System register specification's <c>ICC_*_EL1_reg_read</c> and <c>_reg_write</c>,
/// EL1 branch; DDI 0487 leaves them to IHI 0069, so ArmArmTrapRuleTests has none): each control's register, bit
/// and polarity, and for each register the EL2 controls its pseudocode checks, in that order, per direction.
/// ICC_SRE_EL1.SRE == 0 (a trap to EL1) comes first in every one; TrapGen's CPU holds SRE at 1.
/// </summary>
public sealed class GicTrapControlTests
{
    /// <summary>Each control: its register and bit (IHI 0069's ICH_HCR_EL2, DDI 0487's HCR_EL2), all trapping while set.</summary>
    public static TheoryData<string, string, int> Controls() => new()
    {
        { "ICH_HCR_EL2", "TC", 10 },
        { "ICH_HCR_EL2", "TALL0", 11 },
        { "ICH_HCR_EL2", "TALL1", 12 },
        { "ICH_HCR_EL2", "TDIR", 14 },
        { "HCR_EL2", "FMO", 3 },
        { "HCR_EL2", "IMO", 4 },
    };

    /// <summary>
    /// Per AArch64 register: the EL2 controls its read and its write pseudocode check, in order ("-" for a direction
    /// the register lacks). HCR_EL2.IMO/FMO, where the pseudocode returns the ICV_* register, is no trap and is absent.
    /// </summary>
    private static readonly Dictionary<string, (string Read, string Write)> Pseudocode = new(System.StringComparer.Ordinal)
    {
        ["ICC_PMR_EL1"] = ("TC", "TC"),
        ["ICC_RPR_EL1"] = ("TC", "-"),
        ["ICC_CTLR_EL1"] = ("TC", "TC"),
        ["ICC_DIR_EL1"] = ("-", "TDIR TC"),
        ["ICC_SGI0R_EL1"] = ("-", "TC FMO IMO"),
        ["ICC_SGI1R_EL1"] = ("-", "TC FMO IMO"),
        ["ICC_ASGI1R_EL1"] = ("-", "TC FMO IMO"),
        ["ICC_IAR0_EL1"] = ("TALL0", "-"),
        ["ICC_EOIR0_EL1"] = ("-", "TALL0"),
        ["ICC_HPPIR0_EL1"] = ("TALL0", "-"),
        ["ICC_BPR0_EL1"] = ("TALL0", "TALL0"),
        ["ICC_AP0R0_EL1"] = ("TALL0", "TALL0"),
        ["ICC_AP0R1_EL1"] = ("TALL0", "TALL0"),
        ["ICC_AP0R2_EL1"] = ("TALL0", "TALL0"),
        ["ICC_AP0R3_EL1"] = ("TALL0", "TALL0"),
        ["ICC_IGRPEN0_EL1"] = ("HFGRTR_EL2.ICC_IGRPENn_EL1 TALL0", "HFGWTR_EL2.ICC_IGRPENn_EL1 TALL0"),
        ["ICC_IAR1_EL1"] = ("TALL1", "-"),
        ["ICC_NMIAR1_EL1"] = ("TALL1", "-"),
        ["ICC_EOIR1_EL1"] = ("-", "TALL1"),
        ["ICC_HPPIR1_EL1"] = ("TALL1", "-"),
        ["ICC_BPR1_EL1"] = ("TALL1", "TALL1"),
        ["ICC_AP1R0_EL1"] = ("TALL1", "TALL1"),
        ["ICC_AP1R1_EL1"] = ("TALL1", "TALL1"),
        ["ICC_AP1R2_EL1"] = ("TALL1", "TALL1"),
        ["ICC_AP1R3_EL1"] = ("TALL1", "TALL1"),
        ["ICC_IGRPEN1_EL1"] = ("HFGRTR_EL2.ICC_IGRPENn_EL1 TALL1", "HFGWTR_EL2.ICC_IGRPENn_EL1 TALL1"),

        // ICC_SRE_EL1 is trapped by ICC_SRE_EL2.Enable, not by ICH_HCR_EL2.
        ["ICC_SRE_EL1"] = ("-", "-"),
    };

    private static readonly string[] GicControls = ["TC", "TALL0", "TALL1", "TDIR", "FMO", "IMO"];

    [Theory]
    [MemberData(nameof(Controls))]
    public void Each_control_is_its_register_bit_and_traps_while_set(string register, string name, int bit)
    {
        var control = TrapControls.All.Single(c => c.Name == name);

        Assert.Equal((register, bit, true, false), (control.Register, control.Bit, control.TrapsWhenSet, control.DependsOnE2h));
        Assert.Equal(1UL << bit, control.Mask);
    }

    [Fact]
    public void Ich_hcr_el2_holds_exactly_the_four_traps_and_is_a_trap_control_register()
    {
        Assert.Equal(["TC", "TALL0", "TALL1", "TDIR"], TrapControls.Of(IchHcrEl2.Name).Select(c => c.Name));
        Assert.Contains(IchHcrEl2.Name, TrapControlRegisters.Names);
        Assert.Equal(0x5c00UL, new TrapControlRegisters(0, 0, 0).With(IchHcrEl2.Name, 0x5c00).IchHcr);
    }

    [Fact]
    public void Every_aarch64_gic_register_names_the_pseudocodes_controls_in_its_order()
    {
        foreach (var (name, (read, write)) in Pseudocode)
        {
            var register = Aarch64Registers.All.Single(r => r.Name == name);

            Assert.Equal((name, read), (name, RuleNames.Of(register.Traps, AccessDirection.Read, register.Allows(AccessDirection.Read))));
            Assert.Equal((name, write), (name, RuleNames.Of(register.Traps, AccessDirection.Write, register.Allows(AccessDirection.Write))));
        }
    }

    [Fact]
    public void No_other_register_or_instruction_names_a_gic_control()
    {
        var others = Aarch64Registers.All.Where(r => !Pseudocode.ContainsKey(r.Name) && r.Traps.Any(t => GicControls.Contains(t.Control.Name))).Select(r => r.Name)
            .Concat(Aarch32Registers.All.Where(r => !Pseudocode.ContainsKey(r.MapsTo ?? string.Empty) && r.Traps.Any(t => GicControls.Contains(t.Control.Name))).Select(r => r.Name))
            .Concat(SystemInstructions.All.Where(i => i.Traps.Any(t => GicControls.Contains(t.Control.Name))).Select(i => i.FullName));

        Assert.Empty(others);
    }

    [Fact]
    public void Every_aarch32_view_has_its_aarch64_registers_gic_controls()
    {
        // The AArch32 ICC_* accessors check the same ICH_HCR_EL2 and HCR_EL2 bits, in the same order (reported as
        // EC 0x03, or 0x04 for the SGI registers' MCRR); they have no fine-grained trap. ICC_NMIAR1 has no view.
        var views = Aarch32Registers.All.Where(r => r.MapsTo is { } to && to.StartsWith("ICC_", System.StringComparison.Ordinal) && to.EndsWith("_EL1", System.StringComparison.Ordinal)).ToList();

        Assert.Equal(Pseudocode.Count - 1, views.Count);
        foreach (var view in views)
        {
            var (read, write) = Pseudocode[view.MapsTo!];
            Assert.Equal((view.Name, Aarch32(read)), (view.Name, RuleNames.Of(Gic(view.Traps), AccessDirection.Read, view.Allows(AccessDirection.Read))));
            Assert.Equal((view.Name, Aarch32(write)), (view.Name, RuleNames.Of(Gic(view.Traps), AccessDirection.Write, view.Allows(AccessDirection.Write))));
        }
    }

    [Theory]
    [InlineData("ICC_SGI1R_EL1", "TC FMO IMO", "TC")]
    [InlineData("ICC_SGI1R_EL1", "FMO IMO", "FMO")]
    [InlineData("ICC_SGI0R_EL1", "IMO", "IMO")]
    [InlineData("ICC_ASGI1R_EL1", "FMO", "FMO")]
    [InlineData("ICC_DIR_EL1", "TC TDIR", "TDIR")]
    [InlineData("ICC_DIR_EL1", "TC", "TC")]
    [InlineData("ICC_DIR_EL1", "FMO IMO TALL0 TALL1", "-")]
    [InlineData("ICC_EOIR1_EL1", "TALL0 TC IMO", "-")]
    [InlineData("ICC_EOIR1_EL1", "TALL1 TALL0 TC", "TALL1")]
    [InlineData("ICC_IGRPEN0_EL1", "TALL0 HFGWTR_EL2.ICC_IGRPENn_EL1", "HFGWTR_EL2.ICC_IGRPENn_EL1")]
    [InlineData("ICC_PMR_EL1", "TC TALL0 TALL1 FMO IMO TDIR", "TC")]
    [InlineData("ICC_BPR1_EL1", "IMO FMO", "-")]
    public void A_write_traps_by_the_first_active_control_of_the_pseudocode(string register, string active, string expected)
    {
        var controls = new TrapControlRegisters(0, 0, 0);
        foreach (var name in active.Split(' '))
        {
            var control = Find(name);
            controls = controls.With(control.Register, controls.ValueOf(control.Register) | control.Mask);
        }

        var key = Aarch64Registers.All.Single(r => r.Name == register).Encoding.Key;
        var trapping = ArchitecturalTraps.TrappingControl(controls, TrapClasses.Msr, key, isRead: false);

        Assert.Equal(expected, trapping is null ? "-" : trapping.IsFineGrained ? trapping.QualifiedName : trapping.Name);
    }

    [Theory]
    [InlineData("cortex-a57", false)]
    [InlineData("max", false)]
    [InlineData("apple-m3", false)]
    [InlineData("neoverse-n2", true)]
    [InlineData("neoverse-v1", true)]
    [InlineData("a64fx", true)]
    public void The_ich_hcr_el2_bits_exist_exactly_on_a_model_with_the_gic_system_registers(string modelName, bool hasGic)
    {
        // ID_AA64PFR0_EL1.GIC: QEMU's virt board reports the CPU interface's System registers only with
        // gic-version=3; the silicon dumps (neoverse-n2, neoverse-v1, a64fx) have them.
        var model = CpuModels.Find(modelName)!;
        var everything = new TrapControlRegisters(0, 0, 0) { IchHcr = ~0UL };

        Assert.Equal(hasGic, model.Satisfies("GICv3"));
        Assert.All(TrapControls.Of(IchHcrEl2.Name), c => Assert.Equal(hasGic, c.ExistsOn(model)));
        Assert.All(TrapControls.Of(IchHcrEl2.Name), c => Assert.Equal(hasGic, everything.IsActive(c, model)));
        Assert.All(TrapControls.Of(IchHcrEl2.Name), c => Assert.True(everything.IsActive(c, model: null), c.Name));
    }

    private static TrapControl Find(string name) =>
        name.Contains('.', System.StringComparison.Ordinal)
            ? FineGrainedTraps.All.Single(f => f.QualifiedName == name)
            : TrapControls.All.Single(c => c.Name == name);

    private static IEnumerable<TrapRule> Gic(IEnumerable<TrapRule> rules) => rules.Where(t => t.Control.Register is "ICH_HCR_EL2" || t.Control.Name is "FMO" or "IMO");

    private static string Aarch32(string rules) =>
        string.Join(' ', rules.Split(' ').Where(r => !r.Contains('.', System.StringComparison.Ordinal))) is { Length: > 0 } left ? left : "-";
}
