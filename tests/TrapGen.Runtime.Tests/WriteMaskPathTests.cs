using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// Issue 22, what a write keeps: every way a guest's write reaches a register keeps only what the CPU model
/// implements of it (CpuModel.WriteMaskOf): an MSR or MCR that runs directly, one HCR_EL2.TVM traps and the
/// hypervisor passes through, and one to a register the catalogue does not hold. An AArch32 half keeps the
/// other half of its AArch64 register and masks its own. Expected values come from the model's mask.
/// </summary>
public sealed class WriteMaskPathTests
{
    [Theory]
    [InlineData("cortex-a57", false)]
    [InlineData("cortex-a57", true)]
    [InlineData("max", false)]
    [InlineData("max", true)]
    [InlineData("a64fx", true)]
    public void An_msr_of_sctlr_el1_keeps_what_the_model_implements(string name, bool trapped)
    {
        var model = CpuModels.Find(name)!;
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Hypervisor.Hcr.TrapVirtualMemoryWrites = trapped;
        domain.Current.Registers.WriteX(5, ulong.MaxValue);

        var result = domain.Cpu.Execute(GuestCode.A64("msr sctlr_el1, x5")[0]);

        Assert.Equal(trapped ? ExecutionKind.Trapped : ExecutionKind.Direct, result.Kind);
        Assert.Equal(model.Keep("SCTLR_EL1", ulong.MaxValue), Machine.Read(domain, "SCTLR_EL1"));
        Assert.NotEqual(ulong.MaxValue, Machine.Read(domain, "SCTLR_EL1"));
    }

    [Theory]
    [InlineData("mcr p15, 0, r5, c1, c0, 0", "SCTLR_EL1", RegisterView.Lo, false)]
    [InlineData("mcr p15, 0, r5, c1, c0, 0", "SCTLR_EL1", RegisterView.Lo, true)]
    [InlineData("mcr p15, 0, r5, c2, c0, 2", "TCR_EL1", RegisterView.Lo, true)]
    [InlineData("mcr p15, 0, r5, c5, c0, 0", "ESR_EL1", RegisterView.Lo, false)]
    public void An_mcr_keeps_the_other_half_and_masks_its_own(string instruction, string register, RegisterView view, bool trapped)
    {
        var domain = new Domain([ExecutionState.Aarch32], model: CpuModels.Default);
        var mask = domain.Hypervisor.Model.WriteMaskOf(register);
        var previous = mask.Keep(0xA5A5_A5A5_5A5A_5A5AUL);
        Machine.Write(domain, register, previous);
        domain.Hypervisor.Hcr.TrapVirtualMemoryWrites = trapped;
        domain.Current.Registers.WriteR(5, 0xFFFF_FFFF);

        var result = domain.Cpu.Execute(GuestCode.A32(instruction)[0]);

        Assert.Equal(trapped ? ExecutionKind.Trapped : ExecutionKind.Direct, result.Kind);
        Assert.Equal(mask.Keep(view, 64, previous, 0xFFFF_FFFF), Machine.Read(domain, register));
    }

    [Theory]
    [InlineData("VBAR_EL1")]
    [InlineData("CPACR_EL1")]
    [InlineData("CNTKCTL_EL1")]
    public void A_register_the_catalogue_does_not_hold_keeps_what_the_model_implements(string register)
    {
        // Neoverse V1 fixes its reserved bits (it has no STORES rows), so some bits of all ones are not kept.
        var model = CpuModels.Find("neoverse-v1")!;
        var domain = new Domain([ExecutionState.Aarch64], model: model);
        domain.Current.Registers.WriteX(5, ulong.MaxValue);
        var code = GuestCode.A64("msr " + register.ToLowerInvariant() + ", x5", "mrs x6, " + register.ToLowerInvariant());

        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(code[0]).Kind);
        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(code[1]).Kind);

        Assert.Equal(model.Keep(register, ulong.MaxValue), domain.Current.Registers.ReadX(6));
        Assert.NotEqual(ulong.MaxValue, domain.Current.Registers.ReadX(6));
    }

    [Fact]
    public void An_aarch32_view_of_a_register_the_catalogue_does_not_hold_keeps_its_half_of_the_mask()
    {
        var domain = new Domain([ExecutionState.Aarch32], model: CpuModels.Default);
        domain.Current.Registers.WriteR(5, 0xFFFF_FFFF);
        var code = GuestCode.A32("mcr p15, 0, r5, c12, c0, 0", "mrc p15, 0, r6, c12, c0, 0"); // VBAR: VBAR_EL1[31:0]

        domain.Cpu.Execute(code[0]);
        domain.Cpu.Execute(code[1]);

        Assert.Equal((uint)CpuModels.Default.Keep("VBAR_EL1", 0xFFFF_FFFF), domain.Current.Registers.ReadR(6));
    }
}
