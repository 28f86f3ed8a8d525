using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// HCR_EL2.NV (bit 42, FEAT_NV) and NV1 (bit 43, with NV) on the emulated CPU, with HCR_EL2.NV2 = 0: an EL1 access to an EL2 register, an _EL12 or
/// _EL02 form, or an EL2 AT or TLBI instruction traps to EL2 (EC 0x18) where it was UNDEFINED (D24.2.62, each accessor's EL1
/// branch), and with NV1 as well EL1's VBAR_EL1, ELR_EL1 and SPSR_EL1 trap, on a CPU with FEAT_NV only. The model is cortex-a76 with ID_AA64MMFR2_EL1.NV = 1 (QEMU 7.2 has no CPU with
/// FEAT_NV); the syndromes are worked out by hand from the ISS encoding of EC 0x18 (Op0 [21:20], Op2 [19:17], Op1 [16:14],
/// CRn [13:10], Rt [9:5], CRm [4:1], Direction [0]; EC 0x18 and IL 1 are 0x62000000).
/// </summary>
public sealed class NestedVirtualisationTrapTests
{
    [Theory]
    [InlineData("mrs x1, hcr_el2", 0x62310423u)]     // Op0 3, Op1 4, CRn 1, Rt 1, CRm 1, read
    [InlineData("msr sctlr_el12, x2", 0x62314440u)]  // Op0 3, Op1 5, CRn 1, Rt 2, CRm 0, write
    [InlineData("mrs x0, cntp_ctl_el02", 0x62337805u)] // Op0 3, Op2 1, Op1 5, CRn 14, Rt 0, CRm 2, read
    [InlineData("tlbi alle2", 0x621123EEu)]          // Op0 1, Op1 4, CRn 8, Rt 31, CRm 7, write
    [InlineData("at s12e1r, x3", 0x62191C70u)]       // Op0 1, Op2 4, Op1 4, CRn 7, Rt 3, CRm 8, write
    public void Nv_traps_an_el2_access_with_its_own_syndrome_on_a_cpu_with_feat_nv(string instruction, uint esr)
    {
        var result = Run(instruction, NvModel(), TrapControls.NV.Mask);

        Assert.Equal((ExecutionKind.Trapped, TrapControls.NV, esr), (result.Kind, result.Control, (uint)result.Esr));
    }

    [Theory]
    [InlineData("mrs x1, hcr_el2")]
    [InlineData("tlbi alle2")]
    public void An_el2_access_is_undefined_without_nv_or_without_feat_nv(string instruction)
    {
        Assert.Equal(UndefinedReason.HigherExceptionLevel, Run(instruction, NvModel(), 0).Undefined);
        Assert.Equal(UndefinedReason.HigherExceptionLevel, Run(instruction, CpuModels.Find("cortex-a76")!, TrapControls.NV.Mask).Undefined);
    }

    [Theory]
    [InlineData("mrs x0, scr_el3")]   // EL3: UNDEFINED at EL1 whatever NV says
    [InlineData("mrs x0, rmr_el2")]   // only when EL2 is the highest Exception level (!NV in its row): TrapGen's machine has EL3
    [InlineData("mrs x0, hcrx_el2")]  // FEAT_HCX, which the model lacks: the feature check comes first
    public void Nv_leaves_el3_registers_and_those_the_cpu_lacks_undefined(string instruction)
    {
        Assert.Equal(ExecutionKind.UndefinedAtEl1, Run(instruction, NvModel(), TrapControls.NV.Mask).Kind);
    }

    [Fact]
    public void Nv_traps_no_el1_register()
    {
        Assert.Equal(ExecutionKind.Direct, Run("mrs x0, sctlr_el1", NvModel(), TrapControls.NV.Mask).Kind);
    }

    [Theory]
    [InlineData("mrs x0, vbar_el1", 0x62303001u)]   // Op0 3, Op1 0, CRn 12, Rt 0, CRm 0, read
    [InlineData("msr elr_el1, x5", 0x623210A0u)]    // Op0 3, Op2 1, Op1 0, CRn 4, Rt 5, CRm 0, write
    public void Nv1_with_nv_traps_vbar_elr_and_spsr_of_el1_and_alone_traps_nothing(string instruction, uint esr)
    {
        var both = Run(instruction, NvModel(), TrapControls.NV.Mask | TrapControls.NV1.Mask);

        Assert.Equal((ExecutionKind.Trapped, TrapControls.NV1, esr), (both.Kind, both.Control, (uint)both.Esr));
        Assert.Equal(ExecutionKind.Direct, Run(instruction, NvModel(), TrapControls.NV1.Mask).Kind);
        Assert.Equal(ExecutionKind.Direct, Run(instruction, NvModel(), TrapControls.NV.Mask).Kind);
        Assert.Equal(ExecutionKind.Direct, Run(instruction, CpuModels.Find("cortex-a76")!, TrapControls.NV.Mask | TrapControls.NV1.Mask).Kind);
    }

    private static ExecutionResult Run(string instruction, CpuModel model, ulong nv)
    {
        var (word, _) = Machine.Assemble("a64", instruction);
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = (1UL << HcrEl2.RW) | nv;
        return domain.Cpu.Execute(word);
    }

    /// <summary>cortex-a76 with FEAT_NV (ID_AA64MMFR2_EL1.NV = 1).</summary>
    private static CpuModel NvModel()
    {
        var model = Machine.ModelWith("cortex-a76", "cortex-a76-nv", ("ID_AA64MMFR2_EL1", "NV", 1));
        Assert.True(model.Satisfies("FEAT_NV"));
        return model;
    }
}
