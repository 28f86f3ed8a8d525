using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// MPAM's EL2 traps on the emulated CPU (D24.12): MPAM2_EL2's TRAPMPAM1EL1, TRAPMPAM0EL1, EnMPAMSM (traps while 0) and
/// TIDR, MPAMBW2_EL2's nTRAP_* fields (trap while 0) and MPAMHCR_EL2.TRAP_MPAMIDR_EL1, in each accessor's order
/// (TRAP_MPAMIDR_EL1 before TIDR), reported with EC 0x18. No model of cpu-models.table has all of MPAM (neoverse-v1 has
/// v1.0 without MPAMIDR_EL1; QEMU 7.2 has none), so the model is max given MPAM v1.1 (ID_AA64PFR0_EL1.MPAM 1,
/// ID_AA64PFR1_EL1.MPAM_frac 1) and an MPAMIDR_EL1 with HAS_HCR, HAS_TIDR and HAS_BW_CTRL; max has SME. The syndromes
/// are worked out by hand from the ISS of EC 0x18 (Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5], CRm
/// [4:1], Direction [0]: 1 a read), IL 1: 0x62000000 | ISS. GNU as 2.40 knows no MPAMBW register, so the S3 names.
/// </summary>
public sealed class MpamTrapTests
{
    /// <summary>An instruction, the control that traps it with every register at 0 or its trapping value, and the ESR.</summary>
    public static TheoryData<string, string, uint> Syndromes() => new()
    {
        { "mrs x1, s3_0_c10_c5_0", "TRAPMPAM1EL1", 0x6230282Bu },        // MPAM1_EL1: Op0 3, Op2 0, Op1 0, CRn 10, Rt 1, CRm 5, read
        { "msr s3_0_c10_c5_0, x2", "TRAPMPAM1EL1", 0x6230284Au },        // MPAM1_EL1 write, Rt 2
        { "mrs x3, s3_0_c10_c5_1", "TRAPMPAM0EL1", 0x6232286Bu },        // MPAM0_EL1: Op2 1, Rt 3
        { "mrs x0, s3_0_c10_c4_4", "TRAP_MPAMIDR_EL1", 0x62382809u },    // MPAMIDR_EL1: Op2 4, CRm 4, Rt 0
        { "msr s3_0_c10_c5_3, x5", "EnMPAMSM", 0x623628AAu },            // MPAMSM_EL1: Op2 3, CRm 5, Rt 5, write
        { "mrs x1, s3_0_c10_c5_4", "nTRAP_MPAMBW1_EL1", 0x6238282Bu },   // MPAMBW1_EL1: Op2 4, CRm 5, Rt 1
        { "msr s3_0_c10_c5_5, x4", "nTRAP_MPAMBW0_EL1", 0x623A288Au },   // MPAMBW0_EL1: Op2 5, Rt 4, write
        { "mrs x2, s3_0_c10_c4_5", "nTRAP_MPAMBWIDR_EL1", 0x623A2849u }, // MPAMBWIDR_EL1: Op2 5, CRm 4, Rt 2
        { "mrs x6, s3_0_c10_c5_7", "nTRAP_MPAMBWSM_EL1", 0x623E28CBu },  // MPAMBWSM_EL1: Op2 7, CRm 5, Rt 6
    };

    /// <summary>
    /// An instruction, MPAM2_EL2, MPAMBW2_EL2 and MPAMHCR_EL2, and the control that traps it or "-" (the access runs).
    /// </summary>
    public static TheoryData<string, ulong, ulong, ulong, string> Decisions() => new()
    {
        // MPAMIDR_EL1: MPAMHCR_EL2.TRAP_MPAMIDR_EL1 (bit 31) before MPAM2_EL2.TIDR (bit 58).
        { "mrs x0, s3_0_c10_c4_4", 1UL << 58, 0, 1UL << 31, "TRAP_MPAMIDR_EL1" },
        { "mrs x0, s3_0_c10_c4_4", 1UL << 58, 0, 0, "TIDR" },
        { "mrs x0, s3_0_c10_c4_4", 0x0003_0000_0000_0000, 0, 0, "-" },
        { "mrs x1, s3_0_c10_c5_0", 1UL << 49, 0, 1UL << 31, "-" },
        { "mrs x1, s3_0_c10_c5_1", 1UL << 49, 0, 0, "TRAPMPAM0EL1" },
        { "mrs x1, s3_0_c10_c5_1", 1UL << 48, 0, 0, "-" },

        // EnMPAMSM (bit 50) set gives MPAMSM_EL1 to EL1.
        { "mrs x1, s3_0_c10_c5_3", 0, 0, 0, "EnMPAMSM" },
        { "mrs x1, s3_0_c10_c5_3", 1UL << 50, 0, 0, "-" },

        // MPAMBW2_EL2: nTRAP_MPAMBWSM_EL1 49, nTRAP_MPAMBW1_EL1 50, nTRAP_MPAMBW0_EL1 51, nTRAP_MPAMBWIDR_EL1 52.
        { "mrs x1, s3_0_c10_c5_4", 0, 0x001A_0000_0000_0000, 0, "nTRAP_MPAMBW1_EL1" },
        { "mrs x1, s3_0_c10_c5_4", 0, 1UL << 50, 0, "-" },
        { "msr s3_0_c10_c5_5, x1", 0, 1UL << 51, 0, "-" },
        { "mrs x1, s3_0_c10_c4_5", 0, 1UL << 52, 0, "-" },
        { "msr s3_0_c10_c5_7, x1", ~0UL, 0x001C_0000_0000_0000, ~0UL, "nTRAP_MPAMBWSM_EL1" },
        { "msr s3_0_c10_c5_7, x1", 0, 1UL << 49, 0, "-" },
    };

    [Theory]
    [MemberData(nameof(Syndromes))]
    public void Each_control_traps_its_register_with_the_access_syndrome(string instruction, string control, uint esr)
    {
        // Every register where nothing traps (MPAM2_EL2 only EnMPAMSM set, MPAMBW2_EL2 all ones, MPAMHCR_EL2 0), with the
        // one control flipped to its trapping value.
        var trapping = Find(control);
        var quiet = new TrapControlRegisters(0, 0, 0) { Mpam2 = TrapControls.EnMPAMSM.Mask, MpamBw2 = ~0UL };
        var controls = quiet.With(trapping.Register, quiet.ValueOf(trapping.Register) ^ trapping.Mask);

        var result = Run(instruction, MpamModel(), controls.Mpam2, controls.MpamBw2, controls.MpamHcr);

        Assert.Equal((ExecutionKind.Trapped, trapping, esr), (result.Kind, result.Control, (uint)result.Esr));
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void The_first_active_control_of_the_pseudocode_decides(string instruction, ulong mpam2, ulong mpamBw2, ulong mpamHcr, string expected)
    {
        var result = Run(instruction, MpamModel(), mpam2, mpamBw2, mpamHcr);

        Assert.Equal(expected, result.Kind == ExecutionKind.Trapped ? result.Control!.Name : "-");
        Assert.NotEqual(ExecutionKind.UndefinedAtEl1, result.Kind);
    }

    [Theory]
    [InlineData("mrs x0, s3_0_c10_c4_4")]
    [InlineData("mrs x1, s3_0_c10_c5_0")]
    [InlineData("mrs x1, s3_0_c10_c5_4")]
    public void Without_mpam_the_registers_are_undefined_whatever_the_controls_hold(string instruction)
    {
        var result = Run(instruction, CpuModels.Find("max")!, ~0UL, 0, ~0UL);

        Assert.Equal(ExecutionKind.UndefinedAtEl1, result.Kind);
    }

    [Fact]
    public void Neoverse_v1s_mpam_has_the_mpam2_el2_traps_but_not_the_id_registers()
    {
        // Its dump reports MPAM v1.0 and lists no MPAMIDR_EL1 (read as 0: no HAS_HCR, HAS_TIDR or HAS_BW_CTRL).
        var model = CpuModels.Find("neoverse-v1")!;

        Assert.Equal(TrapControls.TRAPMPAM1EL1, Run("msr s3_0_c10_c5_0, x2", model, ~0UL, 0, ~0UL).Control);
        Assert.NotEqual(ExecutionKind.Trapped, Run("mrs x0, s3_0_c10_c4_4", model, ~0UL, 0, ~0UL).Kind);
        Assert.Equal(ExecutionKind.UndefinedAtEl1, Run("mrs x1, s3_0_c10_c5_4", model, 0, 0, 0).Kind);
    }

    private static TrapControl Find(string name) => System.Linq.Enumerable.Single(TrapControls.All, c => c.Name == name);

    private static ExecutionResult Run(string instruction, CpuModel model, ulong mpam2, ulong mpamBw2, ulong mpamHcr)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = 1UL << HcrEl2.RW;
        domain.Hypervisor.Mpam2 = mpam2;
        domain.Hypervisor.MpamBw2 = mpamBw2;
        domain.Hypervisor.MpamHcr = mpamHcr;
        var (word, set) = Machine.Assemble("a64", instruction);
        Assert.True(InstructionDecoder.TryDecode(word, set, out _));
        return domain.Cpu.Execute(word);
    }

    /// <summary>max with MPAM v1.1 and MPAMIDR_EL1.HAS_HCR, HAS_TIDR and HAS_BW_CTRL (D24.2.93-94, D24.12.13).</summary>
    private static CpuModel MpamModel()
    {
        var model = Machine.ModelWith(
            "max",
            "max-mpam",
            ("ID_AA64PFR0_EL1", "MPAM", 1),
            ("ID_AA64PFR1_EL1", "MPAM_frac", 1),
            ("MPAMIDR_EL1", "HAS_HCR", 1),
            ("MPAMIDR_EL1", "HAS_TIDR", 1),
            ("MPAMIDR_EL1", "HAS_BW_CTRL", 1));
        Assert.True(model.Satisfies("FEAT_MPAM&MPAM_minor1&MPAM_HCR&MPAM_TIDR&FEAT_MPAM_PE_BW_CTRL&FEAT_SME"));
        return model;
    }
}
