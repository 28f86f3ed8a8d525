using System.Linq;
using TrapGen.Architecture;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The shipped catalogue under a KVM-like HCR_EL2 (TID1, TID2, TID3, TACR, TSW, no DC): the guest sees
/// sanitised ID registers while an untrapped read sees the hardware's value, the reserved ID space
/// reads as zero, ACTLR ignores writes, CCSIDR follows CSSELR, and set/way maintenance cleans the
/// guest's memory once and arms TVM until the MMU is enabled.
/// </summary>
public sealed class KvmLikeConfigurationTests
{
    private static readonly TrapControl[] KvmControls = [TrapControls.TID1, TrapControls.TID2, TrapControls.TID3, TrapControls.TACR, TrapControls.TSW];

    [Fact]
    public void A_trapped_id_register_read_hides_the_overridden_fields_and_an_untrapped_one_sees_the_hardware()
    {
        var domain = KvmLike();
        var code = GuestCode.A64("mrs x0, id_aa64pfr0_el1", "mrs x1, id_aa64dfr0_el1");
        var hardware = domain.Hypervisor.Hardware;
        var el2 = RegisterFields.Find("ID_AA64PFR0_EL1", "EL2")!;
        var pmuVer = RegisterFields.Find("ID_AA64DFR0_EL1", "PMUVer")!;

        Assert.All(code, word => Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(word).Outcome));
        var trapped = (domain.Current.Registers.ReadX(0), domain.Current.Registers.ReadX(1));

        domain.Hypervisor.Hcr.Value &= ~(1UL << TrapControls.TID3.Bit);
        domain.Current.Pc = 0;
        Assert.All(code, word => Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(word).Kind));
        var direct = (domain.Current.Registers.ReadX(0), domain.Current.Registers.ReadX(1));

        Assert.Equal((hardware.ID_AA64PFR0_EL1 & ~el2.Mask, hardware.ID_AA64DFR0_EL1 & ~pmuVer.Mask), trapped);
        Assert.Equal((hardware.ID_AA64PFR0_EL1, hardware.ID_AA64DFR0_EL1), direct);
        Assert.NotEqual(0UL, el2.Extract(hardware.ID_AA64PFR0_EL1));
    }

    [Fact]
    public void The_reserved_id_space_and_unimplemented_id_registers_read_as_zero_and_a_write_is_undefined_at_el1()
    {
        var domain = KvmLike();
        var x = domain.Current.Registers;
        x.WriteX(0, 0xFFFF);
        x.WriteX(1, 0xFFFF);
        var code = GuestCode.A64("mrs x0, s3_0_c0_c3_7", "mrs x1, id_aa64mmfr1_el1", "msr s3_0_c0_c3_7, x2");

        var results = code.Select(word => domain.Cpu.Execute(word)).ToList();

        Assert.Equal((TrapOutcome.Handled, TrapOutcome.Handled), (results[0].Outcome, results[1].Outcome));
        Assert.Equal((0UL, 0UL), (x.ReadX(0), x.ReadX(1)));
        Assert.Equal(ExecutionKind.UndefinedAtEl1, results[2].Kind);
    }

    [Fact]
    public void Actlr_reads_its_value_ignores_writes_and_ccsidr_reports_the_cache_csselr_selects()
    {
        var domain = KvmLike();
        var x = domain.Current.Registers;
        x.WriteX(0, 0x1234);
        x.WriteX(2, 0b0001);
        x.WriteX(4, 0b0010);
        var code = GuestCode.A64(
            "msr actlr_el1, x0", "mrs x1, actlr_el1",
            "msr csselr_el1, x2", "mrs x3, ccsidr_el1",
            "msr csselr_el1, x4", "mrs x5, ccsidr_el1");

        Assert.All(code, word => Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(word).Outcome));

        Assert.Equal((0UL, 0x201F_E012UL, 0x70FF_E07AUL), (x.ReadX(1), x.ReadX(3), x.ReadX(5)));
    }

    [Fact]
    public void Set_way_maintenance_cleans_the_guests_memory_once_and_traps_the_next_mmu_enable()
    {
        var domain = KvmLike();
        var hcr = domain.Hypervisor.Hcr;
        domain.Current.Registers.WriteX(4, 0x30D0_0801);
        var code = GuestCode.A64("dc cisw, x0", "dc csw, x1", "msr mair_el1, x2", "msr sctlr_el1, x4", "dc isw, x0");

        var first = domain.Cpu.Execute(code[0]);
        Assert.Equal((TrapOutcome.Handled, TrapControls.TSW), (first.Outcome, first.Control));
        Assert.True(hcr.TrapVirtualMemoryWrites);
        Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(code[1]).Outcome);
        Assert.Equal(1, domain.Current.GuestMemoryCleans);

        Assert.Equal(TrapControls.TVM, domain.Cpu.Execute(code[2]).Control);
        Assert.Equal(TrapControls.TVM, domain.Cpu.Execute(code[3]).Control);
        Assert.False(hcr.TrapVirtualMemoryWrites);

        Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(code[4]).Outcome);
        Assert.Equal(2, domain.Current.GuestMemoryCleans);
    }

    [Fact]
    public void An_aarch32_guest_reaches_the_same_handling_through_the_cp15_forms()
    {
        var domain = new Domains.Domain([Cpu.ExecutionState.Aarch32], UnhandledAccessPolicy.InjectUndefined);
        foreach (var control in KvmControls)
        {
            domain.Hypervisor.Hcr.Value |= 1UL << control.Bit;
        }

        var r = domain.Current.Registers;
        var perfMon = RegisterFields.Find("ID_DFR0_EL1", "PerfMon")!;
        var code = GuestCode.A32("mrc p15, 0, r0, c0, c1, 2", "mcr p15, 0, r1, c7, c14, 2", "mrc p15, 1, r2, c0, c0, 7");

        Assert.All(code, word => Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(word).Outcome));

        Assert.Equal(domain.Hypervisor.Hardware.ID_DFR0_EL1 & ~perfMon.Mask, r.ReadR(0));
        Assert.Equal(1, domain.Current.GuestMemoryCleans);
        Assert.Equal(0u, r.ReadR(2));  // AIDR: TID1, constant 0
    }

    private static Domains.Domain KvmLike()
    {
        var domain = Machine.Aarch64();
        foreach (var control in KvmControls)
        {
            domain.Hypervisor.Hcr.Value |= 1UL << control.Bit;
        }

        return domain;
    }
}
