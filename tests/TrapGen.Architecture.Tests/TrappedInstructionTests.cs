using System.Linq;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// trapped-instructions.table: the instructions that access no register (WFI, WFE, WFIT, WFET, SMC, ERET, SVC, ...), held to
/// their classes and to the Arm ARM's ESR_EL2 "ISS encoding for an exception from a WF* instruction" and "... ERET, ERETAA,
/// or ERETAB instruction", written out here.
/// </summary>
public sealed class TrappedInstructionTests
{
    /// <summary>D24.2.46 ESR_EL2, TI: 0b00 WFI, 0b01 WFE, 0b10 WFIT, 0b11 WFET; RV is 1 on a trap of WFIT or WFET; HCR_EL2.TWI traps WFI and WFIT, TWE WFE and WFET.</summary>
    public static TheoryData<string, uint, uint, string, bool> WaitInstructions => new()
    {
        { "WFI", 0b00, 0, "TWI", false },
        { "WFE", 0b01, 0, "TWE", false },
        { "WFIT", 0b10, 1, "TWI", true },
        { "WFET", 0b11, 1, "TWE", true },
    };

    [Theory]
    [MemberData(nameof(WaitInstructions))]
    public void Each_wait_instruction_has_the_arm_arm_syndrome_key_and_control(string name, uint ti, uint rv, string control, bool takesRegister)
    {
        var instruction = TrappedInstructions.All.Single(i => i.Class == TrapClasses.Wfx && i.Name == name);

        Assert.Equal(ti | (rv << 2), instruction.Key);
        Assert.Equal(takesRegister, instruction.TakesRegister);
        Assert.Equal(takesRegister ? "FEAT_WFxT" : null, instruction.Needs);
        Assert.Equal(HcrEl2.Name + "." + control, Assert.Single(instruction.Traps).Control.QualifiedName);
        Assert.True(TrappedInstructions.TryFind(TrapClasses.Wfx, instruction.Key, out var found));
        Assert.Same(instruction, found);
    }

    [Fact]
    public void Every_row_names_exactly_its_class_key_fields_and_its_keys_are_distinct()
    {
        foreach (var instruction in TrappedInstructions.All)
        {
            Assert.Equal(instruction.Class.KeyFields.Select(f => f.Name), instruction.KeyFieldsNamed);
            Assert.False(instruction.Class.IsDispatchable, instruction.Name + " is in a class a catalogue dispatches");
        }

        // A class with key fields tells its rows apart by them, but for the rows whose syndrome is one (LD64B and ST64B: EC
        // 0x0A's ISS 2; GCSSTR and GCSSTTR: EC 0x2D's ExType 0b0010; D24.2.46), which the same controls trap, so a syndrome
        // finds the first and names the right control.
        var keyed = TrappedInstructions.All.Where(i => i.Class.KeyFields.Count > 0).ToList();
        var sharing = keyed.GroupBy(i => (i.Class, i.Key)).Where(g => g.Count() > 1).ToList();
        Assert.Equal([["LD64B", "ST64B"], ["GCSSTR", "GCSSTTR"]], sharing.Select(g => g.Select(i => i.Name)));
        Assert.All(keyed, i => Assert.Equal(sharing.Any(g => g.Contains(i)), TrappedInstructions.IsShared(i)));
        foreach (var shared in sharing)
        {
            Assert.All(shared, i => Assert.Equal(shared.First().Traps.Select(t => t.Control), i.Traps.Select(t => t.Control)));
            Assert.True(TrappedInstructions.TryFind(shared.Key.Class, shared.Key.Key, out var found));
            Assert.Same(shared.First(), found);
        }

        // One without (SME's instructions and SMSTART) cannot, and a syndrome of it finds its first row, which stands for the class.
        foreach (var group in TrappedInstructions.All.Where(i => i.Class.KeyFields.Count == 0).GroupBy(i => i.Class))
        {
            Assert.True(TrappedInstructions.TryFind(group.Key, 0, out var first));
            Assert.Same(group.First(), first);
        }
    }

    [Fact]
    public void A_row_names_only_the_registers_its_class_reports()
    {
        Assert.All(TrappedInstructions.All.Where(i => i.TakesRegister), i => Assert.NotNull(i.Class.Rt));
        Assert.All(TrappedInstructions.All.Where(i => i.TakesAddress), i => Assert.NotNull(i.Class.Rn));
        Assert.Equal(["GCSSTR", "GCSSTTR"], TrappedInstructions.All.Where(i => i.TakesAddress).Select(i => i.Name));
    }

    /// <summary>
    /// D24.2.46 ESR_EL2's ISS of EC 0x2D for GCSSTR and GCSSTTR (J1.1 GCSSTRTrapException): ExType [23:20] 0b0010, Raddr [14:10]
    /// the instruction's Rn, Rvalue [9:5] its Rt; C6.2.169-170 (FEAT_GCS); J1.1 CheckGCSSTREnabled (HFGITR_EL2.nGCSSTR_EL1, bit 58,
    /// traps while 0, on a CPU with FEAT_FGT and FEAT_GCS).
    /// </summary>
    [Theory]
    [InlineData("GCSSTR")]
    [InlineData("GCSSTTR")]
    public void Gcsstr_and_gcssttr_have_the_arm_arm_key_registers_feature_and_control(string name)
    {
        var instruction = TrappedInstructions.Named(TrapClasses.GcsStore, name);
        var trapClass = instruction.Class;

        Assert.Equal((0x2DU, 0x200000U, "FEAT_GCS"), (trapClass.ExceptionClass, instruction.Key, instruction.Needs));
        Assert.Equal(((5, 5), (10, 5), (20, 4)), ((trapClass.Rt!.Lsb, trapClass.Rt.Width), (trapClass.Rn!.Lsb, trapClass.Rn.Width), (trapClass.KeyFields[0].Lsb, trapClass.KeyFields[0].Width)));
        Assert.Equal((true, true), (instruction.TakesRegister, instruction.TakesAddress));
        var rule = Assert.Single(instruction.Traps);
        Assert.Equal(("HFGITR_EL2.nGCSSTR_EL1", 58, false), (rule.Control.QualifiedName, rule.Control.Bit, rule.Control.TrapsWhenSet));
        Assert.Same(TrapClasses.GcsStore, ArchitecturalTraps.ReportedIn(rule.Control, TrapClasses.GcsStore));
    }

    [Theory]
    [InlineData(0x000000U)] // ExType 0b0000: a GCS data check
    [InlineData(0x100000U)] // ExType 0b0001: an EXLOCK exception
    [InlineData(0x300000U)] // ExType 0b0011: reserved
    public void No_row_has_ec_0x2d_s_other_exception_types(uint key)
    {
        Assert.False(TrappedInstructions.TryFind(TrapClasses.GcsStore, key, out _));
    }

    [Fact]
    public void Every_class_without_a_form_has_its_instructions_and_only_they_trap_in_it()
    {
        foreach (var trapClass in TrapClasses.All.Where(c => !c.IsDispatchable))
        {
            Assert.Contains(TrappedInstructions.All, i => i.Class == trapClass);
        }

        // A WF* syndrome whose TI and RV no instruction reports (TI 0b00 with RV 1) traps under nothing.
        var everything = new TrapControlRegisters(ulong.MaxValue, 0, 0, 0);
        Assert.Null(ArchitecturalTraps.TrappingControl(everything, TrapClasses.Wfx, 0b100, isRead: false));
    }

    /// <summary>
    /// The exception returns and SVC, from the Arm ARM: D24.2.46 ESR_EL2's ISS of EC 0x1A (ERET bit [1]: 1 for ERETAA and ERETAB;
    /// ERETA bit [0]: 1 for ERETAB), C6.2.158 (ERETAA and ERETAB need FEAT_PAuth), J1.1.2.43 AArch64.CheckForERetTrap (HFGITR_EL2.ERET,
    /// then HCR_EL2.NV, then ERETAA's and ERETAB's AuthIA or AuthIB, which HCR_EL2.API traps) and J1.1.2.45 AArch64.CheckForSVCTrap
    /// (HFGITR_EL2.SVC_EL1 at EL1); and the synchronization hints, C6.2.318 PSB and C6.2.482 TSB (NOPs without their feature, so
    /// they need none; their Operation checks HFGITR_EL2.PSBCSYNC or HFGITR2_EL2.TSBCSYNC alone) with D24.2.46's ISS of EC 0x0A
    /// (0b100 PSB CSYNC, 0b011 TSB CSYNC).
    /// </summary>
    public static TheoryData<string, string, uint, string?, string> ReturnsAndCalls => new()
    {
        { "Eret", "ERET", 0b00, null, "HFGITR_EL2.ERET HCR_EL2.NV" },
        { "Eret", "ERETAA", 0b10, "FEAT_PAuth", "HFGITR_EL2.ERET HCR_EL2.NV HCR_EL2.API" },
        { "Eret", "ERETAB", 0b11, "FEAT_PAuth", "HFGITR_EL2.ERET HCR_EL2.NV HCR_EL2.API" },
        { "Svc64", "SVC", 0, null, "HFGITR_EL2.SVC_EL1" },
        { "Other", "PSB", 0b100, null, "HFGITR_EL2.PSBCSYNC" },
        { "Other", "TSB", 0b011, null, "HFGITR2_EL2.TSBCSYNC" },
    };

    [Theory]
    [MemberData(nameof(ReturnsAndCalls))]
    public void Each_exception_return_svc_and_synchronization_hint_has_the_arm_arm_key_feature_and_controls_in_order(string trapClass, string name, uint key, string? needs, string controls)
    {
        var instruction = TrappedInstructions.Named(TrapClasses.All.Single(c => c.Name == trapClass), name);

        Assert.Equal((key, needs), (instruction.Key, instruction.Needs));
        Assert.Equal(controls, string.Join(" ", instruction.Traps.Select(t => t.Control.QualifiedName)));
        Assert.All(instruction.Traps, t => Assert.Equal(AccessDirection.ReadWrite, t.Direction));
    }

    [Fact]
    public void Eret_and_svc_report_ec_0x1a_and_0x15_and_api_still_reports_in_the_pointer_authentication_class()
    {
        var eret = TrappedInstructions.Named(TrapClasses.Eret, "ERETAA");

        Assert.Equal((0x1AU, 0x15U), (TrapClasses.Eret.ExceptionClass, TrapClasses.Svc64.ExceptionClass));
        Assert.Equal((0, 16), (TrapClasses.Svc64.Immediate!.Lsb, TrapClasses.Svc64.Immediate.Width));
        Assert.Same(TrapClasses.Eret, ArchitecturalTraps.ReportedIn(eret.Traps[0].Control, TrapClasses.Eret));
        Assert.Same(TrapClasses.Eret, ArchitecturalTraps.ReportedIn(TrapControls.NV, TrapClasses.Eret));
        Assert.Same(TrapClasses.Pac, ArchitecturalTraps.ReportedIn(TrapControls.API, TrapClasses.Eret));
        Assert.Null(ArchitecturalTraps.ReportedIn(TrapControls.NV)); // NV's MSR traps stay EC 0x18
        var svcEl0 = FineGrainedTraps.All.Single(f => f.QualifiedName == "HFGITR_EL2.SVC_EL0"); // an EL0 SVC's: no row
        Assert.DoesNotContain(TrappedInstructions.All, i => i.Traps.Any(t => t.Control == svcEl0));
    }

    [Fact]
    public void The_wait_class_reports_both_states_with_the_condition_and_the_timeout_register()
    {
        var wfx = TrapClasses.Wfx;

        Assert.Equal(0x01U, wfx.ExceptionClass);
        Assert.Equal(TrapClassState.Either, wfx.State);
        Assert.True(wfx.Reports(aarch64: true) && wfx.Reports(aarch64: false));
        Assert.Equal((24, 1), (wfx.ConditionValid!.Lsb, wfx.ConditionValid.Width));
        Assert.Equal((20, 4), (wfx.Condition!.Lsb, wfx.Condition.Width));
        Assert.Equal((5, 5), (wfx.Rt!.Lsb, wfx.Rt.Width));
        Assert.Equal(new[] { "TI", "RV" }, wfx.KeyFields.Select(f => f.Name));
        Assert.False(TrapClasses.Msr.Reports(aarch64: false));
        Assert.False(TrapClasses.Mcr.Reports(aarch64: true));
    }

    [Theory]
    [InlineData("WFI", "TWI")]
    [InlineData("WFE", "TWE")]
    [InlineData("WFIT", "TWI")]
    [InlineData("WFET", "TWE")]
    public void A_wait_instruction_traps_exactly_while_its_control_is_set_and_whatever_else_is(string name, string control)
    {
        var instruction = TrappedInstructions.All.Single(i => i.Class == TrapClasses.Wfx && i.Name == name);
        var bit = TrapControls.Find(control)!.Mask;

        foreach (var hcr in new[] { 0UL, bit, ~bit, ulong.MaxValue })
        {
            var trapping = ArchitecturalTraps.TrappingControl(new TrapControlRegisters(hcr, 0, 0, 0), TrapClasses.Wfx, instruction.Key, isRead: false);
            Assert.Equal((hcr & bit) != 0 ? control : null, trapping?.Name);
        }
    }

    /// <summary>
    /// D24.2.38 CPTR_EL2.TFP: it traps the SIMD and floating-point functionality, reported with EC 0x07, "in AArch64 state ...
    /// FPCR, FPSR" and "if FEAT_FPMR is implemented, FPMR", "in AArch32 state ... MVFR0, MVFR1, MVFR2, FPSCR, FPEXC" and VMSR (here VMRS) of FPSID: each row the tables
    /// have, and nothing else, checks TFP first, and TFP reports in the floating-point class.
    /// </summary>
    [Fact]
    public void Cptr_el2_tfp_traps_the_floating_point_registers_first_and_reports_ec_0x07()
    {
        var tfp = TrapControls.Find("CPTR_EL2.TFP")!;
        string[] aarch64 = ["FPCR", "FPMR", "FPSR"];
        string[] aarch32 = ["FPSID", "MVFR0", "MVFR1", "MVFR2"];

        Assert.Equal((10, true, true), (tfp.Bit, tfp.TrapsWhenSet, tfp.DependsOnE2h));
        Assert.Same(TrapClasses.FpSimd, ArchitecturalTraps.ReportedIn(tfp));
        Assert.Equal(0x07U, TrapClasses.FpSimd.ExceptionClass);
        Assert.Null(ArchitecturalTraps.ReportedIn(TrapControls.Find("TVM")!));
        Assert.Equal(aarch64, Aarch64Registers.All.Where(r => r.Traps.Any(t => t.Control == tfp)).Select(r => r.Name).Order());
        Assert.Equal(aarch32, Aarch32Registers.All.Where(r => r.Traps.Any(t => t.Control == tfp)).Select(r => r.Name).Order());
        Assert.All(new[] { "FPCR", "FPSR" }.Select(n => Aarch64Registers.All.First(r => r.Name == n)), r => Assert.Same(tfp, r.Traps[0].Control));
        Assert.Equal(["HCRX_EL2.EnFPM", "CPTR_EL2.TFP"], Aarch64Registers.All.First(r => r.Name == "FPMR").Traps.Select(t => t.Control.QualifiedName)); // FEAT_FPMR's enable first
        Assert.All(aarch32.Select(n => Aarch32Registers.Named(n)[0]), r => Assert.Same(tfp, r.Traps[0].Control));
        Assert.True(GuestEnables.AnyIn(ArchitecturalTraps.RulesOf(TrapClasses.Msr, Aarch64Registers.All.First(r => r.Name == "FPCR").Encoding.Key)));
        Assert.False(GuestEnables.AnyIn(ArchitecturalTraps.RulesOf(TrapClasses.Msr, Aarch64Registers.All.First(r => r.Name == "SCTLR_EL1").Encoding.Key)));
    }
}
