using TrapGen.Architecture;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The seed's scenario: a guest boots with its MMU off under HCR_EL2.DC and TVM, sets up its
/// translation registers (each write traps and is passed through), enables the MMU, and from then
/// on nothing traps: update_sctlr cleared DC and TVM on the SCTLR write.
/// </summary>
public sealed class MmuEnableScenarioTests
{
    private const ulong SctlrWithMmu = 0x0000_0000_30D0_0801;

    [Fact]
    public void An_aarch64_guest_traps_until_it_enables_its_mmu_then_runs_without_traps()
    {
        var domain = Machine.Aarch64();
        domain.Build();
        var hcr = domain.Hypervisor.Hcr;
        var cpu = domain.Cpu;
        var x = domain.Current.Registers;
        Assert.True(hcr.DefaultCacheable && hcr.TrapVirtualMemoryWrites && hcr.El1IsAarch64);

        var boot = GuestCode.A64(
            "msr mair_el1, x0", "msr tcr_el1, x1", "msr ttbr0_el1, x2", "msr ttbr1_el1, x3", "isb", "msr sctlr_el1, x4",
            "msr ttbr0_el1, x5", "mrs x9, sctlr_el1", "msr contextidr_el1, x6");
        x.WriteX(0, 0x0000_00FF_4404_FF00);
        x.WriteX(1, 0x0000_0032_B519_3519);
        x.WriteX(2, 0x0000_0000_4100_0000);
        x.WriteX(3, 0x0001_0000_4200_0000);
        x.WriteX(4, SctlrWithMmu);
        x.WriteX(5, 0x0002_0000_4300_0000);
        x.WriteX(6, 42);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(new ExecutionResult(ExecutionKind.Trapped, Esr(boot[i]), TrapOutcome.Handled, Control: TrapControls.TVM), cpu.Execute(boot[i]));
        }

        Assert.Equal(ExecutionKind.NotASystemRegisterAccess, cpu.Execute(boot[4]).Kind);
        Assert.True(hcr.DefaultCacheable && hcr.TrapVirtualMemoryWrites);
        Assert.Equal(TrapOutcome.Handled, cpu.Execute(boot[5]).Outcome);
        Assert.False(hcr.DefaultCacheable);
        Assert.False(hcr.TrapVirtualMemoryWrites);

        Assert.Equal(ExecutionKind.Direct, cpu.Execute(boot[6]).Kind);
        Assert.Equal(ExecutionKind.Direct, cpu.Execute(boot[7]).Kind);
        Assert.Equal(ExecutionKind.Direct, cpu.Execute(boot[8]).Kind);

        Assert.Equal(5, domain.Hypervisor.TrapCount);
        var hardware = domain.Hypervisor.Hardware;
        Assert.Equal(0x0000_00FF_4404_FF00UL, hardware.MAIR_EL1);
        Assert.Equal(0x0000_0032_B519_3519UL, hardware.TCR_EL1);
        Assert.Equal(0x0002_0000_4300_0000UL, hardware.TTBR0_EL1);
        Assert.Equal(0x0001_0000_4200_0000UL, hardware.TTBR1_EL1);
        Assert.Equal(SctlrWithMmu, hardware.SCTLR_EL1);
        Assert.Equal(SctlrWithMmu, x.ReadX(9));
        Assert.Equal(42UL, hardware.CONTEXTIDR_EL1);
        Assert.Equal(9UL * 4, domain.Current.Pc);
    }

    [Fact]
    public void An_aarch32_guest_traps_until_it_enables_its_mmu_then_runs_without_traps()
    {
        var domain = Machine.Aarch32();
        domain.Build();
        var hcr = domain.Hypervisor.Hcr;
        var r = domain.Current.Registers;
        Assert.False(hcr.El1IsAarch64);

        var boot = GuestCode.A32(
            "mcr p15, 0, r0, c2, c0, 2",   // TTBCR
            "mcr p15, 0, r1, c10, c2, 0",  // MAIR0 (PRRR)
            "mcr p15, 0, r2, c10, c2, 1",  // MAIR1 (NMRR)
            "mcr p15, 0, r3, c3, c0, 0",   // DACR
            "mcrr p15, 0, r4, r5, c2",     // TTBR0, 64-bit
            "mcrr p15, 1, r6, r7, c2",     // TTBR1, 64-bit
            "mcr p15, 0, r8, c1, c0, 0",   // SCTLR, M set
            "mcr p15, 0, r9, c3, c0, 0",   // DACR again: no trap now
            "mrc p15, 0, r10, c1, c0, 0"); // SCTLR read: no trap
        uint[] values = [0x8000_0000, 0xFF44_0400, 0x0000_00FF, 0x5555_5555, 0x8000_0000, 0x0001_0000, 0x8100_0000, 0x0000_0000, 0x30C5_0879, 0xFFFF_FFFF];
        for (var i = 0; i < values.Length; i++)
        {
            r.WriteR(i, values[i]);
        }

        for (var i = 0; i < 7; i++)
        {
            var result = domain.Cpu.Execute(boot[i]);
            Assert.Equal(ExecutionKind.Trapped, result.Kind);
            Assert.Equal(TrapOutcome.Handled, result.Outcome);
        }

        Assert.False(hcr.DefaultCacheable);
        Assert.False(hcr.TrapVirtualMemoryWrites);
        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(boot[7]).Kind);
        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(boot[8]).Kind);

        var hardware = domain.Hypervisor.Hardware;
        Assert.Equal(7, domain.Hypervisor.TrapCount);
        Assert.Equal(0x8000_0000U, hardware.TCR_EL1_Lo);
        Assert.Equal(0x0000_00FF_FF44_0400UL, hardware.MAIR_EL1);
        Assert.Equal(0xFFFF_FFFFUL, hardware.DACR32_EL2);
        Assert.Equal(0x0001_0000_8000_0000UL, hardware.TTBR0_EL1);
        Assert.Equal(0x0000_0000_8100_0000UL, hardware.TTBR1_EL1);
        var sctlr = (uint)domain.Hypervisor.Model.Keep("SCTLR_EL1", 0x30C5_0879); // the CPU model's RES1 bits set
        Assert.Equal(sctlr, hardware.SCTLR_EL1_Lo);
        Assert.Equal(sctlr, r.ReadR(10));
    }

    private static uint Esr(uint word)
    {
        Assert.True(Instructions.InstructionDecoder.TryDecode(word, Instructions.InstructionSet.A64, out var access));
        return Instructions.SyndromeBuilder.Build(access);
    }
}
