using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>The seed's ctxt_switch_to: HCR_EL2.DC and TVM follow the incoming vCPU's SCTLR.M, and no register value leaks.</summary>
public sealed class ContextSwitchTests
{
    [Fact]
    public void Dc_and_tvm_follow_the_incoming_vcpu_and_registers_do_not_leak()
    {
        var domain = new Domain([ExecutionState.Aarch64, ExecutionState.Aarch64]);
        domain.Build();
        var code = GuestCode.A64("msr ttbr0_el1, x0", "msr sctlr_el1, x1", "mrs x2, ttbr0_el1");
        var hcr = domain.Hypervisor.Hcr;

        // vCPU 0 enables its MMU.
        domain.Vcpus[0].Registers.WriteX(0, 0xAAAA_0000);
        domain.Vcpus[0].Registers.WriteX(1, 1);
        domain.Cpu.Execute(code[0]);
        domain.Cpu.Execute(code[1]);
        Assert.False(hcr.TrapVirtualMemoryWrites);

        // vCPU 1 still has its MMU off: DC and TVM come back, and its writes trap.
        domain.SwitchTo(1);
        Assert.True(hcr.DefaultCacheable);
        Assert.True(hcr.TrapVirtualMemoryWrites);
        Assert.Equal(0UL, domain.Hypervisor.Hardware.TTBR0_EL1);
        domain.Vcpus[1].Registers.WriteX(0, 0xBBBB_0000);
        Assert.Equal(ExecutionKind.Trapped, domain.Cpu.Execute(code[0]).Kind);

        // Back on vCPU 0: no traps, and its TTBR0_EL1 is its own.
        domain.SwitchTo(0);
        Assert.False(hcr.DefaultCacheable);
        Assert.False(hcr.TrapVirtualMemoryWrites);
        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(code[2]).Kind);
        Assert.Equal(0xAAAA_0000UL, domain.Vcpus[0].Registers.ReadX(2));
        Assert.Equal(0xBBBB_0000UL, domain.Vcpus[1].SavedSystemRegisters.TTBR0_EL1);
        Assert.Equal(0xAAAA_0000UL, domain.Vcpus[0].SavedSystemRegisters.TTBR0_EL1);
    }

    [Fact]
    public void Rw_follows_the_incoming_vcpus_execution_state()
    {
        var domain = new Domain([ExecutionState.Aarch64, ExecutionState.Aarch32]);
        domain.Build();
        domain.SwitchTo(1);
        Assert.False(domain.Hypervisor.Hcr.El1IsAarch64);
        domain.SwitchTo(0);
        Assert.True(domain.Hypervisor.Hcr.El1IsAarch64);
    }

    [Fact]
    public void Switching_to_a_vcpu_the_domain_does_not_have_is_refused()
    {
        var domain = Machine.Aarch64();
        Assert.Throws<System.ArgumentOutOfRangeException>(() => domain.SwitchTo(1));
    }
}
