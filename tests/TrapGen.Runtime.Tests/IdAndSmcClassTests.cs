using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// The exception classes HCR_EL2's ID and TSC controls produce beyond the system-register moves: cp14
/// MCR/MRC (EC 0x05) and MCRR/MRRC (0x0C), VMRS of an ID register (0x08) and SMC (0x17, 0x13), decided by
/// the emulated CPU and answered by the hypervisor.
/// </summary>
public sealed class IdAndSmcClassTests
{
    private const ulong Tid0 = 1UL << 15;
    private const ulong Tid3 = 1UL << 18;
    private const ulong Tsc = 1UL << 19;

    [Theory]
    [InlineData("mrc p14, 7, r1, c0, c0, 0", Tid0, 0x05, "TID0")] // JIDR
    [InlineData("vmrs r1, fpsid", Tid0, 0x08, "TID0")]
    [InlineData("vmrs r1, mvfr0", Tid3, 0x08, "TID3")]
    [InlineData("vmrs r1, mvfr1", Tid3, 0x08, "TID3")]
    [InlineData("vmrs r1, mvfr2", Tid3, 0x08, "TID3")]
    [InlineData("smc #0", Tsc, 0x13, "TSC")]
    public void An_aarch32_id_read_or_smc_traps_under_its_control_with_its_class(string instruction, ulong control, uint exceptionClass, string name)
    {
        var (domain, word) = Aarch32(instruction);
        domain.Hypervisor.Hcr.Value = control;

        var result = domain.Cpu.Execute(word);

        Assert.Equal(ExecutionKind.Trapped, result.Kind);
        Assert.Equal(exceptionClass, EsrFields.GetEC(result.Esr));
        Assert.Equal(name, result.Control?.Name);
    }

    [Fact]
    public void A_trapped_vmrs_reports_the_mrc_view_of_its_register()
    {
        var (domain, word) = Aarch32("vmrs r3, mvfr1");
        domain.Hypervisor.Hcr.Value = Tid3;

        var esr = domain.Cpu.Execute(word).Esr;

        // CV 1, COND 0b1110, opc2 0, opc1 0b111, CRn 6 (MVFR1), Rt 3, CRm 0, read: as QEMU and the Arm ARM report it.
        Assert.Equal(0x23E1D861U, esr);
    }

    [Theory]
    [InlineData("mrc p14, 7, r1, c0, c0, 0")] // JIDR, untrapped
    [InlineData("mrc p14, 0, r1, c0, c0, 0")] // DBGDIDR: no HCR_EL2 control traps it
    [InlineData("mrrc p14, 0, r1, r2, c1")] // DBGDRAR
    [InlineData("vmrs r1, fpsid")]
    public void An_untrapped_id_or_debug_read_executes_and_reads_what_was_written_or_zero(string instruction)
    {
        var (domain, word) = Aarch32(instruction);
        domain.Current.Registers.WriteR(1, 0xDEAD);
        domain.Hypervisor.Hcr.Value = 0;

        var result = domain.Cpu.Execute(word);

        Assert.Equal(ExecutionKind.Direct, result.Kind);
        Assert.Equal(0U, domain.Current.Registers.ReadR(1));
        Assert.Equal(4UL, domain.Current.Pc);
    }

    [Fact]
    public void A_cp14_write_is_kept_under_its_own_exception_class_apart_from_cp15()
    {
        var (domain, words) = (Machine.Aarch32(), GuestCode.A32("mcr p14, 0, r1, c0, c1, 4", "mrc p14, 0, r2, c0, c1, 4"));
        domain.Build();
        domain.Current.Registers.WriteR(1, 0x1234);

        foreach (var word in words)
        {
            Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(word).Kind);
        }

        Assert.Equal(0x1234U, domain.Current.Registers.ReadR(2)); // DBGBVR1, which the catalogue leaves out
        var slot = Assert.Single(domain.Current.OtherSystemRegisters).Key;
        Assert.Equal((ulong)TrapClasses.Cp14Mcr.ExceptionClass, slot >> 32);
    }

    [Theory]
    [InlineData("mcrr p14, 0, r1, r2, c1", UndefinedReason.WrongDirection)] // DBGDRAR is read-only
    [InlineData("mrc p14, 0, r1, c3, c0, 0", UndefinedReason.Unallocated)]
    [InlineData("mcr p14, 7, r1, c0, c0, 0", UndefinedReason.WrongDirection)] // JIDR, even under TID0
    public void What_the_architecture_makes_undefined_at_el1_never_reaches_el2(string instruction, UndefinedReason reason)
    {
        var (domain, word) = Aarch32(instruction);
        domain.Hypervisor.Hcr.Value = Tid0;

        var result = domain.Cpu.Execute(word);

        Assert.Equal(ExecutionKind.UndefinedAtEl1, result.Kind);
        Assert.Equal(reason, result.Undefined);
        Assert.Equal(0L, domain.Hypervisor.TrapCount);
    }

    [Fact]
    public void A_vmrs_of_an_id_register_to_r15_is_unpredictable_and_made_undefined()
    {
        var domain = Machine.Aarch32();
        domain.Build();
        domain.Hypervisor.Hcr.Value = Tid3;

        var result = domain.Cpu.Execute(0xEEF7FA10); // vmrs r15, mvfr0, which GNU as refuses to assemble

        Assert.Equal(UndefinedReason.Unpredictable, result.Undefined);
    }

    [Fact]
    public void An_aarch64_smc_goes_to_the_firmware_without_tsc_and_traps_with_its_immediate_under_it()
    {
        var domain = Machine.Aarch64();
        domain.Build();
        var smc = GuestCode.A64("smc #0x1234")[0];
        domain.Hypervisor.Hcr.Value = 1UL << HcrEl2.RW;

        var untrapped = domain.Cpu.Execute(smc);

        Assert.Equal(ExecutionKind.Direct, untrapped.Kind);
        Assert.Equal(ulong.MaxValue, domain.Current.Registers.ReadX(0)); // the firmware knows no function: NOT_SUPPORTED
        Assert.Equal(0L, domain.Hypervisor.TrapCount);

        domain.Hypervisor.Hcr.Value = Tsc | (1UL << HcrEl2.RW);
        var result = domain.Cpu.Execute(smc);

        Assert.Equal(ExecutionKind.Trapped, result.Kind);
        Assert.Equal(0x5E001234U, result.Esr); // EC 0x17, IL 1, imm16
    }

    [Fact]
    public void A_trapped_smc_nothing_handles_is_answered_not_supported_and_skipped_as_kvm_does()
    {
        var domain = Machine.Aarch64();
        domain.Build();
        domain.Current.Registers.WriteX(0, 0x8400_0000); // PSCI_VERSION, say: nothing here handles it
        domain.Hypervisor.Hcr.Value = Tsc | (1UL << HcrEl2.RW);

        var result = domain.Cpu.Execute(GuestCode.A64("smc #0")[0]);

        Assert.Equal(TrapOutcome.SmcNotSupported, result.Outcome);
        Assert.Equal(ulong.MaxValue, domain.Current.Registers.ReadX(0));
        Assert.Equal(4UL, domain.Current.Pc);
        Assert.Equal(0, domain.Current.UndefinedExceptions);
    }

    [Fact]
    public void An_aarch32_guest_gets_not_supported_in_r0()
    {
        var (domain, word) = Aarch32("smc #0");
        domain.Hypervisor.Hcr.Value = Tsc;

        Assert.Equal(TrapOutcome.SmcNotSupported, domain.Cpu.Execute(word).Outcome);
        Assert.Equal(0xFFFFFFFFU, domain.Current.Registers.ReadR(0));
        Assert.Equal(4UL, domain.Current.Pc);
    }

    [Fact]
    public void A_conditional_smc_that_fails_its_condition_does_nothing_even_under_tsc()
    {
        var (domain, word) = Aarch32("smcne #0");
        domain.Current.Flags = new ConditionFlags { Z = true };
        domain.Hypervisor.Hcr.Value = Tsc;

        Assert.Equal(ExecutionKind.ConditionFailed, domain.Cpu.Execute(word).Kind);
        Assert.Equal(0L, domain.Hypervisor.TrapCount);
    }

    [Fact]
    public void An_untrapped_vmrs_of_mvfr0_reads_the_low_word_of_mvfr0_el1_as_an_aarch64_mrs_does()
    {
        var (domain, word) = Aarch32("vmrs r1, mvfr0");
        var aarch64 = Machine.Aarch64();
        aarch64.Build();

        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(word).Kind);
        Assert.Equal(ExecutionKind.Direct, aarch64.Cpu.Execute(GuestCode.A64("mrs x1, mvfr0_el1")[0]).Kind);
        Assert.Equal(aarch64.Current.Registers.ReadX(1), domain.Current.Registers.ReadR(1));
        Assert.NotEqual(0U, domain.Current.Registers.ReadR(1));
    }

    [Theory]
    [InlineData(UnhandledAccessPolicy.InjectUndefined, TrapOutcome.UnhandledUndefined)]
    [InlineData(UnhandledAccessPolicy.CrashDomain, TrapOutcome.UnhandledCrash)]
    public void A_trapped_cp14_read_nothing_handles_goes_by_the_unhandled_policy(UnhandledAccessPolicy policy, TrapOutcome outcome)
    {
        // DBGDIDR and DBGDSCRint: MDCR_EL2.TDA traps them on hardware; the catalogue's TDA group lists neither and
        // leaves its others to the unhandled-access policy (others: unhandled).
        foreach (var instruction in new[] { "mrc p14, 0, r1, c0, c0, 0", "mrc p14, 0, r1, c0, c1, 0" })
        {
            var (domain, word) = Aarch32(instruction);
            domain.Hypervisor.Policy = policy;

            Assert.Equal(outcome, Machine.Trap(domain, word, InstructionSet.A32));
        }
    }

    [Fact]
    public void A_trapped_cp14_read_that_fails_its_condition_is_skipped_by_the_hypervisor()
    {
        var (domain, word) = Aarch32("mrcne p14, 7, r1, c0, c0, 0");
        domain.Current.Flags = new ConditionFlags { Z = true };
        domain.Hypervisor.Hcr.Value = Tid0;

        Assert.Equal(TrapOutcome.ConditionFailed, domain.Cpu.Execute(word).Outcome);
        Assert.Equal(4UL, domain.Current.Pc);
    }

    private static (Domains.Domain Domain, uint Word) Aarch32(string instruction)
    {
        var domain = Machine.Aarch32();
        domain.Build();
        return (domain, GuestCode.A32(instruction)[0]);
    }
}
