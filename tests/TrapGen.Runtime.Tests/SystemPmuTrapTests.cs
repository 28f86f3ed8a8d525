using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// MDCR_EL2.EnSPM (bit 15, FEAT_SPMU) on the emulated CPU: while 0 it traps EL1's accesses to the System PMU registers
/// (D24.3.17; each SPM* register's accessor pseudocode, D24.5.30-52), on a CPU with FEAT_SPMU only. No CPU model TrapGen
/// ships has it (ID_AA64DFR1_EL1.SPMU is 0 on all), so the model is max with ID_AA64DFR1_EL1.SPMU = 1. binutils 2.40 has
/// no SPM* names: the instructions are written by encoding. The syndromes are worked out by hand from EC 0x18's ISS.
/// </summary>
public sealed class SystemPmuTrapTests
{
    [Theory]
    [InlineData("mrs x1, s2_3_c9_c12_0", 0x6220E439u)] // SPMCR_EL0: EC 0x18, IL 1; Op0 2, Op2 0, Op1 3, CRn 9, Rt 1, CRm 12, read
    [InlineData("msr s2_3_c9_c12_5, x2", 0x622AE458u)] // SPMSELR_EL0: Op0 2, Op2 5, Op1 3, CRn 9, Rt 2, CRm 12, write
    [InlineData("mrs x0, s2_0_c9_c13_4", 0x6228241Bu)] // SPMIIDR_EL1: Op0 2, Op2 4, Op1 0, CRn 9, Rt 0, CRm 13, read
    [InlineData("mrs x3, s2_3_c14_c0_7", 0x622EF861u)] // SPMEVCNTR7_EL0: Op0 2, Op2 7, Op1 3, CRn 14, Rt 3, CRm 0, read
    public void EnSPM_clear_traps_a_system_pmu_register_with_its_own_syndrome_on_a_cpu_with_spmu(string instruction, uint esr)
    {
        var word = Machine.Assemble("a64", instruction).Word;

        var result = Run(word, SpmuModel(), mdcr: 0);

        Assert.Equal((ExecutionKind.Trapped, TrapControls.EnSPM, esr), (result.Kind, result.Control, (uint)result.Esr));
    }

    [Theory]
    [InlineData("mrs x1, s2_3_c9_c12_0")]
    [InlineData("msr s2_3_c9_c12_5, x2")]
    public void EnSPM_set_gives_the_registers_to_el1_and_the_bit_is_res0_without_spmu(string instruction)
    {
        var word = Machine.Assemble("a64", instruction).Word;

        Assert.NotEqual(ExecutionKind.Trapped, Run(word, SpmuModel(), TrapControls.EnSPM.Mask).Kind);
        var withoutSpmu = Run(word, CpuModels.Find("max")!, mdcr: 0);
        Assert.NotEqual(TrapControls.EnSPM, withoutSpmu.Control);
    }

    [Fact]
    public void EnSPM_leaves_the_pmuv3_registers_alone()
    {
        var pmcr = Machine.Assemble("a64", "mrs x1, pmcr_el0").Word;

        Assert.NotEqual(ExecutionKind.Trapped, Run(pmcr, SpmuModel(), mdcr: 0).Kind);
    }

    private static ExecutionResult Run(uint word, CpuModel model, ulong mdcr)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = 1UL << HcrEl2.RW;
        domain.Hypervisor.Mdcr = mdcr;
        Assert.True(InstructionDecoder.TryDecode(word, InstructionSet.A64, out _));
        return domain.Cpu.Execute(word);
    }

    /// <summary>max with FEAT_SPMU (ID_AA64DFR1_EL1.SPMU = 1): the only model change FEAT_SPMU needs.</summary>
    private static CpuModel SpmuModel()
    {
        var model = Machine.ModelWith("max", "max-spmu", ("ID_AA64DFR1_EL1", "SPMU", 1));
        Assert.True(model.Satisfies("FEAT_SPMU"));
        Assert.False(CpuModels.Find("max")!.Satisfies("FEAT_SPMU"));
        return model;
    }
}
