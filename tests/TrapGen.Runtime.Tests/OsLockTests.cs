using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The shipped catalogue's MDCR_EL2.TDOSA group on the emulated CPU: the guest's OS Lock is emulated per vCPU, as KVM's
/// trap_oslar_el1 and trap_oslsr_el1 do. OSLSR_EL1 (Arm ARM D24.3.28) reads 0xa at reset (OSLM = 0b10: bit [3] set, bit
/// [0] clear; OSLK, bit [1], set: its Cold reset value; nTT, bit [2], clear), an OSLAR_EL1 write of 0 (Linux's
/// clear_os_lock) unlocks it, so OSLSR_EL1 reads 0x8, and a write of 1 locks it again; the cp14 views DBGOSLSR and DBGOSLAR
/// are the same lock. OSDLR_EL1 and DBGPRCR_EL1 are the group's others: read as zero, writes ignored. Each access traps
/// with the syndrome of its class (EC 0x18 or 0x05) and advances the PC by 4.
/// </summary>
public sealed class OsLockTests
{
    [Fact]
    public void The_os_lock_is_locked_at_reset_and_oslar_el1_unlocks_and_locks_it()
    {
        var domain = Machine.Aarch64();
        domain.Build();
        domain.Hypervisor.Mdcr = TrapControls.TDOSA.Mask;

        var reset = Read(domain, "mrs x1, oslsr_el1", 1);
        Write(domain, "msr oslar_el1, x2", 2, 0);
        var unlocked = Read(domain, "mrs x3, oslsr_el1", 3);
        Write(domain, "msr oslar_el1, x2", 2, 0xFFFF_FFFF_FFFF_FFFF);
        var locked = Read(domain, "mrs x4, oslsr_el1", 4);

        Assert.Equal((0xAUL, 0x8UL, 0xAUL), (reset, unlocked, locked));
        Assert.Equal(5UL * 4, domain.Current.Pc);
    }

    [Fact]
    public void The_cp14_views_are_the_same_lock()
    {
        var domain = Machine.Aarch32();
        domain.Build();
        domain.Hypervisor.Mdcr = TrapControls.TDOSA.Mask;

        domain.Current.Registers.WriteR(0, 0);
        var write = domain.Cpu.Execute(GuestCode.A32("mcr p14, 0, r0, c1, c0, 4")[0]);
        var read = domain.Cpu.Execute(GuestCode.A32("mrc p14, 0, r1, c1, c1, 4")[0]);

        Assert.Equal((ExecutionKind.Trapped, 0x05u, TrapOutcome.Handled), (write.Kind, EsrFields.GetEC((uint)write.Esr), write.Outcome));
        Assert.Equal((ExecutionKind.Trapped, 0x05u, TrapOutcome.Handled), (read.Kind, EsrFields.GetEC((uint)read.Esr), read.Outcome));
        Assert.Equal(0x8u, domain.Current.Registers.ReadR(1));
        Assert.False(domain.Current.OsLock.IsLocked);
    }

    [Theory]
    [InlineData("osdlr_el1")]
    [InlineData("dbgprcr_el1")]
    public void The_double_lock_and_the_power_down_request_read_as_zero_and_ignore_writes(string register)
    {
        var domain = Machine.Aarch64();
        domain.Build();
        domain.Hypervisor.Mdcr = TrapControls.TDOSA.Mask;

        Write(domain, "msr " + register + ", x2", 2, 1);
        var value = Read(domain, "mrs x5, " + register, 5);

        Assert.Equal(0UL, value);
    }

    [Fact]
    public void Each_vcpu_has_its_own_lock()
    {
        var first = new Cpu.Vcpu(0, Cpu.ExecutionState.Aarch64);
        var second = new Cpu.Vcpu(1, Cpu.ExecutionState.Aarch64);

        first.OsLock.Write(0);

        Assert.Equal((0x8UL, 0xAUL), (first.OsLock.Status, second.OsLock.Status));
    }

    private static ulong Read(Domains.Domain domain, string instruction, int rt)
    {
        var result = domain.Cpu.Execute(GuestCode.A64(instruction)[0]);
        Assert.Equal((ExecutionKind.Trapped, TrapControls.TDOSA, 0x18u, TrapOutcome.Handled), (result.Kind, result.Control, EsrFields.GetEC((uint)result.Esr), result.Outcome));
        return domain.Current.Registers.ReadX(rt);
    }

    private static void Write(Domains.Domain domain, string instruction, int rt, ulong value)
    {
        domain.Current.Registers.WriteX(rt, value);
        var result = domain.Cpu.Execute(GuestCode.A64(instruction)[0]);
        Assert.Equal((ExecutionKind.Trapped, TrapControls.TDOSA, 0x18u, TrapOutcome.Handled), (result.Kind, result.Control, EsrFields.GetEC((uint)result.Esr), result.Outcome));
    }
}
