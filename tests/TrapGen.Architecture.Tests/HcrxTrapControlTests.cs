using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// HCRX_EL2's enables (FEAT_HCX, D24.2.63) that trap EL1 System register accesses while 0: each one's bit, its
/// feature and the accesses it traps are the Arm ARM's (the field descriptions, and ArmArmTrapRuleTests holds every
/// row to its accessor pseudocode); each alone traps exactly its accesses in both directions; on a CPU without
/// FEAT_HCX, or without the enable's own feature, none traps, whatever HCRX_EL2 holds.
/// </summary>
public sealed class HcrxTrapControlTests
{
    /// <summary>Per enable: its bit, what it needs, and the registers whose reads and writes it traps.</summary>
    public static TheoryData<string, int, string, string[]> ArmArm() => new()
    {
        { "TCR2En", 14, "FEAT_HCX&FEAT_TCR2", ["TCR2_EL1", "TCR2ALIAS_EL1"] },
        { "SCTLR2En", 15, "FEAT_HCX&FEAT_SCTLR2", ["SCTLR2_EL1", "SCTLR2ALIAS_EL1"] },
        { "EnFPM", 23, "FEAT_HCX&FEAT_FPMR", ["FPMR"] },
        { "SRMASKEn", 26, "FEAT_HCX&FEAT_SRMASK", ["ACTLRMASK_EL1", "CPACRMASK_EL1", "SCTLR2MASK_EL1", "SCTLRMASK_EL1", "TCR2MASK_EL1", "TCRMASK_EL1"] },
    };

    /// <summary>
    /// Per instruction enable (D24.2.63): its bit, what it needs, and the instructions it traps (trapped-instructions.table,
    /// EC 0x0A) with the ISS a trap reports (D24.2.46: 0 ST64BV, 1 ST64BV0, 2 LD64B or ST64B).
    /// </summary>
    public static TheoryData<string, int, string, string[], int> InstructionEnables() => new()
    {
        { "EnAS0", 0, "FEAT_HCX&FEAT_LS64_ACCDATA", ["ST64BV0"], 1 },
        { "EnALS", 1, "FEAT_HCX&FEAT_LS64", ["LD64B", "ST64B"], 2 },
        { "EnASR", 2, "FEAT_HCX&FEAT_LS64_V", ["ST64BV"], 0 },
    };

    [Theory]
    [MemberData(nameof(InstructionEnables))]
    public void An_instruction_enable_traps_exactly_its_instructions_while_clear(string name, int bit, string needs, string[] instructions, int iss)
    {
        var control = TrapControls.All.Single(c => c.Register == HcrxEl2.Name && c.Name == name);
        var quiet = FineGrainedTrapTests.Quiet();
        var cleared = quiet with { Hcrx = quiet.Hcrx & ~control.Mask };

        Assert.Equal((bit, false, needs), (control.Bit, control.TrapsWhenSet, control.Needs));
        var trapped = TrappedInstructions.All.Where(i => ArchitecturalTraps.TrappingControl(cleared, i) == control).ToList();
        Assert.Equal(instructions, trapped.Select(i => i.Name));
        Assert.All(trapped, i => Assert.Equal((0x0AU, (uint)iss), (i.Class.ExceptionClass, i.Key)));
        Assert.All(TrappedInstructions.All, i => Assert.NotEqual(control, ArchitecturalTraps.TrappingControl(quiet, i)));
    }

    [Fact]
    public void The_table_has_exactly_the_four_enables_and_each_traps_while_clear()
    {
        // FGTnXS, bit 4, is a qualifier of HFGITR_EL2's TLBI fields, no trap; TALLINT, bit 6, traps while set (below);
        // EnAS0, EnALS and EnASR (bits 0 to 2) trap instructions (above); D128En and EnIDCP128 MRRS and MSRR
        // (Sys128TrapControlTests).
        var hcrx = TrapControls.All.Where(c => c.Register == HcrxEl2.Name && !c.IsQualifier && c.Bit > 2 && c.Name is not ("TALLINT" or "D128En" or "EnIDCP128")).ToList();

        Assert.Equal(["TCR2En", "SCTLR2En", "EnFPM", "SRMASKEn"], hcrx.Select(c => c.Name));
        Assert.Equal(["FGTnXS"], TrapControls.All.Where(c => c.Register == HcrxEl2.Name && c.IsQualifier).Select(c => c.Name));
        Assert.All(hcrx, c => Assert.False(c.TrapsWhenSet, c.Name));
        Assert.Contains(HcrxEl2.Name, TrapControlRegisters.Names);
    }

    [Theory]
    [MemberData(nameof(ArmArm))]
    public void An_enable_alone_traps_exactly_its_registers_reads_and_writes(string name, int bit, string needs, string[] registers)
    {
        var control = TrapControls.All.Single(c => c.Register == HcrxEl2.Name && c.Name == name);
        var enabled = FineGrainedTrapTests.Quiet();
        var cleared = enabled with { Hcrx = enabled.Hcrx & ~control.Mask };
        Assert.NotEqual(0UL, enabled.Hcrx & control.Mask);

        Assert.Equal((bit, needs), (control.Bit, control.Needs));
        var trapped = new List<string>();
        foreach (var register in Aarch64Registers.All)
        {
            foreach (var isRead in new[] { true, false }.Where(r => register.Allows(r ? AccessDirection.Read : AccessDirection.Write)))
            {
                Assert.NotEqual(control, ArchitecturalTraps.TrappingControl(enabled, TrapClasses.Msr, register.Encoding.Key, isRead));
                if (ArchitecturalTraps.TrappingControl(cleared, TrapClasses.Msr, register.Encoding.Key, isRead) == control)
                {
                    trapped.Add(register.Name + (isRead ? ":r" : ":w"));
                }
            }
        }

        Assert.Equal(registers.SelectMany(r => new[] { r + ":r", r + ":w" }).Order(), trapped.Order());
    }

    [Fact]
    public void Tallint_traps_the_el1_writes_of_allint_alone_while_set()
    {
        // D24.2.63 HCRX_EL2.TALLINT, bit [6] (FEAT_NMI): MSR (register) writes of ALLINT at EL1 trap while it is 1; reads do not.
        var control = TrapControls.All.Single(c => c.Register == HcrxEl2.Name && c.Name == "TALLINT");
        var quiet = FineGrainedTrapTests.Quiet();
        var set = quiet with { Hcrx = quiet.Hcrx | control.Mask };
        Assert.Equal((6, true, "FEAT_HCX&FEAT_NMI"), (control.Bit, control.TrapsWhenSet, control.Needs));

        var trapped = Aarch64Registers.All
            .SelectMany(r => new[] { true, false }.Where(isRead => r.Allows(isRead ? AccessDirection.Read : AccessDirection.Write)).Select(isRead => (r, isRead)))
            .Where(access => ArchitecturalTraps.TrappingControl(set, TrapClasses.Msr, access.r.Encoding.Key, access.isRead) == control)
            .Select(access => access.r.Name + (access.isRead ? ":r" : ":w"));

        Assert.Equal(["ALLINT:w"], trapped);
        Assert.Null(ArchitecturalTraps.TrappingControl(quiet, TrapClasses.Msr, Aarch64Registers.All.Single(r => r.Name == "ALLINT").Encoding.Key, isRead: false));
    }

    [Theory]
    [InlineData("cortex-a57")]
    [InlineData("max")]
    [InlineData("apple-m3")]
    public void On_a_model_without_the_features_no_enable_traps_whatever_hcrx_holds(string modelName)
    {
        var model = CpuModels.Find(modelName)!;
        var everything = new TrapControlRegisters(0, 0, 0) { Hcrx = 0 };
        var hcrx = TrapControls.All.Where(c => c.Register == HcrxEl2.Name).ToList();

        Assert.True(modelName == "cortex-a57" ? !model.Satisfies("FEAT_HCX") : modelName != "apple-m3" || model.Satisfies("FEAT_HCX"), modelName);
        Assert.All(hcrx, c => Assert.False(c.ExistsOn(model), c.Name + " on " + modelName));
        Assert.All(hcrx, c => Assert.False(everything.IsActive(c, model), c.Name));
        Assert.True(everything.IsActive(hcrx[0], model: null));
    }
}
