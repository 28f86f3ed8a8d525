using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// MDCR_EL2.TDCC (bit 27, FEAT_FGT) on the emulated CPU: it traps the Debug Comms Channel registers before TDE
/// and TDA are looked at (D24.3.17 and each DCC register's accessor pseudocode), on a CPU with FEAT_FGT only.
/// The model is cortex-a57 with ID_AA64MMFR0_EL1.FGT = 1, so that one model has both execution states at EL1;
/// the syndromes are worked out by hand from the ISS encodings of EC 0x18 and EC 0x05.
/// </summary>
public sealed class DebugCommsChannelTrapTests
{
    [Theory]
    [InlineData("a64", "mrs x1, mdccsr_el0", 0x6220C023u)]       // EC 0x18, IL 1; Op0 2, Op2 0, Op1 3, CRn 0, Rt 1, CRm 1, read
    [InlineData("a64", "msr mdccint_el1, x3", 0x62200064u)]      // Op0 2, Op2 0, Op1 0, CRn 0, Rt 3, CRm 2, write
    [InlineData("a64", "mrs x0, dbgdtr_el0", 0x6220C009u)]       // Op0 2, Op2 0, Op1 3, CRn 0, Rt 0, CRm 4, read
    [InlineData("a32", "mrc p14, 0, r2, c0, c1, 0", 0x17E00043u)] // DBGDSCRint: EC 0x05, IL 1, CV 1, COND 0xE, Rt 2, CRm 1, read
    [InlineData("a32", "mcr p14, 0, r4, c0, c2, 0", 0x17E00084u)] // DBGDCCINT: Rt 4, CRm 2, write
    public void Tdcc_traps_a_dcc_register_with_its_own_syndrome_on_a_cpu_with_fgt(string set, string instruction, uint esr)
    {
        var (word, instructionSet) = Machine.Assemble(set, instruction);

        var result = Run(set, word, instructionSet, FgtModel(), TrapControls.TDCC.Mask);

        Assert.Equal((ExecutionKind.Trapped, TrapControls.TDCC, esr), (result.Kind, result.Control, (uint)result.Esr));
    }

    [Theory]
    [InlineData("a64", "mrs x1, mdccsr_el0")]
    [InlineData("a32", "mrc p14, 0, r2, c0, c1, 0")]
    public void Tdcc_is_checked_before_tda_and_is_res0_without_fgt(string set, string instruction)
    {
        var (word, instructionSet) = Machine.Assemble(set, instruction);
        var both = TrapControls.TDCC.Mask | TrapControls.TDA.Mask;

        Assert.Equal(TrapControls.TDCC, Run(set, word, instructionSet, FgtModel(), both).Control);
        Assert.Equal(TrapControls.TDA, Run(set, word, instructionSet, CpuModels.Find("cortex-a57")!, both).Control);
        Assert.NotEqual(ExecutionKind.Trapped, Run(set, word, instructionSet, CpuModels.Find("cortex-a57")!, TrapControls.TDCC.Mask).Kind);
    }

    [Theory]
    [InlineData("a64", "mrs x1, oslsr_el1")]
    [InlineData("a64", "mrs x1, dbgbvr0_el1")]
    [InlineData("a32", "mrc p14, 0, r1, c0, c0, 4")]
    public void Tdcc_leaves_the_other_debug_registers_alone(string set, string instruction)
    {
        var (word, instructionSet) = Machine.Assemble(set, instruction);

        Assert.NotEqual(ExecutionKind.Trapped, Run(set, word, instructionSet, FgtModel(), TrapControls.TDCC.Mask).Kind);
    }

    private static ExecutionResult Run(string set, uint word, InstructionSet instructionSet, CpuModel model, ulong mdcr)
    {
        var domain = new Domain([set == "a64" ? ExecutionState.Aarch64 : ExecutionState.Aarch32], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = set == "a64" ? 1UL << HcrEl2.RW : 0;
        domain.Hypervisor.Mdcr = mdcr;
        Assert.True(InstructionDecoder.TryDecode(word, instructionSet, out _));
        return domain.Cpu.Execute(word);
    }

    /// <summary>cortex-a57 with FEAT_FGT (ID_AA64MMFR0_EL1.FGT = 1): QEMU 7.2 has no CPU with both FGT and AArch32 at EL1.</summary>
    private static CpuModel FgtModel()
    {
        var model = Machine.ModelWith("cortex-a57", "cortex-a57-fgt", ("ID_AA64MMFR0_EL1", "FGT", 1));
        Assert.True(model.Satisfies("FEAT_FGT"));
        return model;
    }
}
