using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// HCRX_EL2.TALLINT (bit [6], FEAT_HCX and FEAT_NMI; D24.2.63 and C5.2.1) on the emulated CPU: while it is 1, an EL1 MSR
/// (register) write of ALLINT traps to EL2 with EC 0x18; an MRS of ALLINT does not, and with TALLINT 0 the write runs. No
/// model of cpu-models.table has FEAT_NMI (QEMU 7.2 has none), so the model is max given ID_AA64PFR1_EL1.NMI 1 (max has
/// FEAT_HCX); on cortex-a57 ALLINT is UNDEFINED whatever HCRX_EL2 holds. The syndrome is worked out by hand: MSR ALLINT, x0
/// is Op0 3, Op1 0, CRn 4, CRm 3, Op2 0, Rt 0, a write: ISS 0x301006 (Op0 [21:20], CRn [13:10], CRm [4:1]), IL 1, EC 0x18:
/// 0x62301006. GNU as 2.40 without +nmi knows no ALLINT, so the S3 name.
/// </summary>
public sealed class AllintTrapTests
{
    private const ulong Tallint = 1UL << 6;

    [Fact]
    public void Tallint_traps_an_el1_write_of_allint_with_its_syndrome()
    {
        var result = Run("msr s3_0_c4_c3_0, x0", NmiModel(), Tallint);

        Assert.Equal((ExecutionKind.Trapped, 0x62301006UL), (result.Kind, result.Esr));
        Assert.Equal("TALLINT", result.Control?.Name);
    }

    [Fact]
    public void A_read_of_allint_and_a_write_with_tallint_clear_do_not_trap()
    {
        Assert.Equal(ExecutionKind.Direct, Run("mrs x1, s3_0_c4_c3_0", NmiModel(), Tallint).Kind);
        Assert.Equal(ExecutionKind.Direct, Run("msr s3_0_c4_c3_0, x0", NmiModel(), 0).Kind);
    }

    [Fact]
    public void On_a_model_without_nmi_allint_is_undefined_whatever_hcrx_holds()
    {
        Assert.Equal(ExecutionKind.UndefinedAtEl1, Run("msr s3_0_c4_c3_0, x0", CpuModels.Find("cortex-a57")!, ulong.MaxValue).Kind);
    }

    private static ExecutionResult Run(string instruction, CpuModel model, ulong hcrx)
    {
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Build();
        domain.Hypervisor.Hcr.Value = 1UL << HcrEl2.RW;
        domain.Hypervisor.Hcrx = hcrx;
        var (word, set) = Machine.Assemble("a64", instruction);
        Assert.True(InstructionDecoder.TryDecode(word, set, out _));
        return domain.Cpu.Execute(word);
    }

    /// <summary>max with ID_AA64PFR1_EL1.NMI [39:36] 1.</summary>
    private static CpuModel NmiModel()
    {
        var model = Machine.ModelWith("max", "max-nmi", ("ID_AA64PFR1_EL1", "NMI", 1));
        Assert.True(model.Satisfies("FEAT_HCX&FEAT_NMI"));
        return model;
    }
}
