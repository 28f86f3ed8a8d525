using System.IO;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>The trap entry's edge cases: conditions, instruction length, XZR, the default path.</summary>
public sealed class TrapEntryTests
{
    [Fact]
    public void A_trapped_aarch32_instruction_that_fails_its_condition_is_skipped()
    {
        var domain = Machine.Aarch32();
        domain.Build();
        var mcrne = GuestCode.A32("mcrne p15, 0, r0, c1, c0, 0")[0];
        var vcpu = domain.Current;
        vcpu.Registers.WriteR(0, 0x1234);
        vcpu.Flags = new ConditionFlags { Z = true };

        var result = domain.Cpu.Execute(mcrne);

        Assert.Equal(TrapOutcome.ConditionFailed, result.Outcome);
        Assert.Equal(0b0001U, McrIss.GetCOND(EsrFields.GetISS(result.Esr)));
        Assert.Equal(SystemRegisters.Get(SystemRegister.SCTLR_EL1).ResetValue, domain.Hypervisor.Hardware.SCTLR_EL1);
        Assert.Equal(4UL, vcpu.Pc);

        vcpu.Flags = new ConditionFlags { Z = false };
        Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(mcrne).Outcome);
        Assert.Equal((uint)domain.Hypervisor.Model.Keep("SCTLR_EL1", 0x1234), domain.Hypervisor.Hardware.SCTLR_EL1_Lo);
    }

    [Theory]
    [InlineData("mrs x1, cntpct_el0", "CNTHCTL_EL2.EL1PCTEN")]
    [InlineData("msr mair_el1, x1", "HCR_EL2.TVM")]
    public void A_trap_names_the_control_that_trapped_it(string instruction, string control)
    {
        var domain = Machine.Aarch64();
        domain.Build();

        var result = domain.Cpu.Execute(GuestCode.A64(instruction)[0]);

        Assert.True(result.Trapped);
        Assert.Equal(control, result.Control?.QualifiedName);
    }

    [Fact]
    public void A_reserved_id_register_reads_as_zero_traps_under_tid3_and_cannot_be_written()
    {
        var domain = Machine.Aarch64();
        domain.Build();
        var (read, write) = (GuestCode.A64("mrs x1, s3_0_c0_c3_3")[0], GuestCode.A64("msr s3_0_c0_c3_3, x1")[0]);
        domain.Current.Registers.WriteX(1, 0xFFFF);

        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(read).Kind);
        Assert.Equal(0UL, domain.Current.Registers.ReadX(1));
        Assert.Equal((ExecutionKind.UndefinedAtEl1, UndefinedReason.WrongDirection), (domain.Cpu.Execute(write).Kind, domain.Cpu.Execute(write).Undefined));

        domain.Hypervisor.Hcr.Value |= TrapGen.Architecture.TrapControls.TID3.Mask;
        var trapped = domain.Cpu.Execute(read);
        Assert.Equal((ExecutionKind.Trapped, "HCR_EL2.TID3"), (trapped.Kind, trapped.Control?.QualifiedName));
    }

    [Fact]
    public void Without_a_valid_condition_cv_0_the_instruction_executes()
    {
        var domain = Machine.Aarch32();
        domain.Current.Flags = new ConditionFlags { Z = true };
        domain.Current.Registers.WriteR(1, 7);
        var iss = McrIss.Encode(opc1: 0, crn: 13, crm: 0, opc2: 1, cv: 0, cond: 0b0000, rt: 1, direction: 0);

        Assert.Equal(TrapOutcome.Handled, domain.Hypervisor.HandleTrap(Esr(McrIss.ExceptionClass, iss, il: 1)));
        Assert.Equal(7U, domain.Hypervisor.Hardware.CONTEXTIDR_EL1_Lo);
    }

    [Theory]
    [InlineData(1u, 4UL)]
    [InlineData(0u, 2UL)]
    public void The_pc_advances_by_the_instruction_length_the_syndrome_reports(uint il, ulong advance)
    {
        var domain = Machine.Aarch32();
        domain.Current.Pc = 0x8000;
        var iss = McrIss.Encode(opc1: 0, crn: 13, crm: 0, opc2: 1, cv: 1, cond: 0b1110, rt: 0, direction: 1);

        Assert.Equal(TrapOutcome.Handled, domain.Hypervisor.HandleTrap(Esr(McrIss.ExceptionClass, iss, il)));
        Assert.Equal(0x8000 + advance, domain.Current.Pc);
    }

    [Fact]
    public void Rt_31_is_xzr_reads_as_zero_and_discards_writes()
    {
        var domain = Machine.Aarch64();
        domain.Build();
        var code = GuestCode.A64("msr tcr_el1, xzr", "mrs xzr, tcr_el1");
        domain.Hypervisor.Hardware.TCR_EL1 = 0xFFFF;

        Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(code[0]).Outcome);
        Assert.Equal(0UL, domain.Hypervisor.Hardware.TCR_EL1);

        domain.Hypervisor.Hcr.TrapVirtualMemoryReads = true;
        domain.Hypervisor.Hardware.TCR_EL1 = 0x55;
        Assert.Equal(TrapOutcome.Handled, domain.Cpu.Execute(code[1]).Outcome);
        Assert.Equal(0UL, domain.Current.Registers.ReadX(GeneralPurposeRegisters.ZeroRegister));
    }

    [Fact]
    public void An_access_no_catalogue_entry_handles_is_logged_as_the_seed_logs_it_and_gets_an_undef()
    {
        var log = new StringWriter { NewLine = "\n" };
        var domain = Machine.Aarch64(new TrapLog(log));
        domain.Current.Pc = 0x4008_0000;
        var tlbi = MsrIss.Encode(op0: 1, op1: 0, crn: 8, crm: 7, op2: 0, rt: 31, direction: 0);

        var outcome = domain.Hypervisor.HandleTrap(Esr(MsrIss.ExceptionClass, tlbi, il: 1));

        Assert.Equal(TrapOutcome.UnhandledUndefined, outcome);
        Assert.Equal(1, domain.Current.UndefinedExceptions);
        Assert.Equal(0x4008_0000UL, domain.Current.Pc);
        Assert.Equal(
            """
            unhandled sys 1, 0, c8, c7, 0 <= x31 @ 0x0000000040080000 (vCPU 0, injecting UNDEF)
            # registers.yaml, under instructions (or hook, ignore, undefined):
              - name: TLBI VMALLE1
                handling: forward
                traps: { TTLB: write }

            """,
            log.ToString());
    }

    [Fact]
    public void An_encoding_the_architecture_does_not_allocate_gets_an_implementation_defined_entry_to_name()
    {
        var iss = MsrIss.Encode(op0: 3, op1: 0, crn: 15, crm: 2, op2: 7, rt: 0, direction: 1);
        var entry = TrapReport.CatalogueEntry(Esr(MsrIss.ExceptionClass, iss, 1));
        Assert.Contains("- name: S3_0_C15_C2_7   # give it its name\n    implementation_defined: true\n    encoding: { op0: 3, op1: 0, crn: 15, crm: 2, op2: 7 }", entry, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_architectural_register_the_catalogue_lacks_gets_a_name_only_entry_with_the_architectures_traps()
    {
        var vbar = MsrIss.Encode(op0: 3, op1: 0, crn: 12, crm: 0, op2: 0, rt: 1, direction: 0);
        // HCR_EL2.NV1 (with NV) traps VBAR_EL1: the entry offers the architecture's trap.
        Assert.Equal("# registers.yaml, under registers:\n  - name: VBAR_EL1\n    handling: passthrough\n    traps: { NV1: read-write }", TrapReport.CatalogueEntry(Esr(MsrIss.ExceptionClass, vbar, 1)));
        Assert.Equal("VBAR_EL1", TrapReport.DisplayName(Esr(MsrIss.ExceptionClass, vbar, 1)));
    }

    [Fact]
    public void Unhandled_cp15_accesses_are_logged_with_their_aarch32_operands_and_the_aarch64_register_to_add()
    {
        var mcr = Esr(McrIss.ExceptionClass, McrIss.Encode(opc1: 0, crn: 12, crm: 0, opc2: 0, cv: 1, cond: 0b1110, rt: 3, direction: 0), 1);
        var tlbiall = Esr(McrIss.ExceptionClass, McrIss.Encode(opc1: 0, crn: 8, crm: 7, opc2: 0, cv: 1, cond: 0b1110, rt: 3, direction: 0), 1);
        var mrrc = Esr(McrrIss.ExceptionClass, McrrIss.Encode(opc1: 9, crm: 15, cv: 1, cond: 0b1110, rt2: 5, rt: 4, direction: 1), 1);

        Assert.Equal("mcr p15, 0, r3, c12, c0, 0 @ 0x0000000000001000", TrapReport.LogLine(mcr, 0x1000));
        Assert.Equal("mrrc p15, 9, r4, r5, c15 @ 0x0000000000001000", TrapReport.LogLine(mrrc, 0x1000));
        Assert.Equal("# registers.yaml, under registers (VBAR is VBAR_EL1[31:0]):\n  - name: VBAR_EL1\n    handling: passthrough", TrapReport.CatalogueEntry(mcr));
        Assert.Equal("VBAR", TrapReport.DisplayName(mcr));
        Assert.Equal("# registers.yaml, under instructions (or hook, ignore, undefined):\n  - name: TLBIALL\n    handling: forward\n    traps: { TTLB: write }", TrapReport.CatalogueEntry(tlbiall));
        Assert.Equal("TLBIALL", TrapReport.DisplayName(tlbiall));
        Assert.Contains("mcrr: { opc1: 9, crm: 15 }", TrapReport.CatalogueEntry(mrrc), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_hyp_mode_register_is_named_and_never_offered_to_the_catalogue()
    {
        var hsctlr = Esr(McrIss.ExceptionClass, McrIss.Encode(opc1: 4, crn: 1, crm: 0, opc2: 0, cv: 1, cond: 0b1110, rt: 0, direction: 0), 1);
        Assert.Contains("EL1 access is UNDEFINED", TrapReport.CatalogueEntry(hsctlr), System.StringComparison.Ordinal);
        Assert.Equal("HSCTLR", TrapReport.DisplayName(hsctlr));
    }

    [Fact]
    public void The_crash_policy_crashes_the_domain_instead()
    {
        var domain = Machine.Aarch64(policy: UnhandledAccessPolicy.CrashDomain);
        var iss = MsrIss.Encode(op0: 1, op1: 0, crn: 8, crm: 7, op2: 0, rt: 31, direction: 0);

        Assert.Equal(TrapOutcome.UnhandledCrash, domain.Hypervisor.HandleTrap(Esr(MsrIss.ExceptionClass, iss, 1)));
        Assert.True(domain.IsCrashed);
        Assert.Equal(0, domain.Current.UndefinedExceptions);
    }

    [Fact]
    public void A_write_to_a_read_only_register_is_undefined()
    {
        var domain = Machine.Aarch64();
        var write = MsrIss.Encode(op0: 3, op1: 3, crn: 14, crm: 0, op2: 1, rt: 0, direction: 0);

        Assert.Equal(TrapOutcome.Undefined, domain.Hypervisor.HandleTrap(Esr(MsrIss.ExceptionClass, write, 1)));
        Assert.Equal(1, domain.Current.UndefinedExceptions);
    }

    [Fact]
    public void A_syndrome_of_another_exception_class_gets_an_undef()
    {
        var domain = Machine.Aarch64();
        Assert.Equal(TrapOutcome.NotASystemRegisterTrap, domain.Hypervisor.HandleTrap(0x3800_0000)); // EC 0x0E, an Illegal Execution state
        Assert.Equal(1, domain.Current.UndefinedExceptions);
    }

    [Fact]
    public void An_el1_access_to_el2_state_that_does_not_trap_is_undefined_at_el1_and_never_reaches_it()
    {
        var domain = Machine.Aarch64();
        domain.Hypervisor.Hardware.DACR32_EL2 = 0x5555;
        domain.Current.Registers.WriteX(0, 0xFFFF);

        var result = domain.Cpu.Execute(GuestCode.A64("msr dacr32_el2, x0")[0]);

        Assert.Equal(ExecutionKind.UndefinedAtEl1, result.Kind);
        Assert.Equal(0x5555UL, domain.Hypervisor.Hardware.DACR32_EL2);
        Assert.Equal(TrapResult.Unhandled, DispatchDirect(domain, result.Esr));
    }

    [Fact]
    public void A_t32_coprocessor_move_traps_like_its_a32_twin()
    {
        var domain = Machine.Aarch32();
        domain.Build();
        domain.Current.Registers.WriteR(2, 0xCAFE);

        var result = domain.Cpu.Execute(GuestCode.T32("mcr p15, 0, r2, c6, c0, 2")[0], thumb: true);

        Assert.Equal(TrapOutcome.Handled, result.Outcome);
        Assert.Equal(0xCAFEU, domain.Hypervisor.Hardware.FAR_EL1_Hi);
    }

    private static TrapResult DispatchDirect(Domains.Domain domain, uint esr)
    {
        var before = domain.Hypervisor.Hardware.DACR32_EL2;
        var outcome = domain.Hypervisor.HandleTrap(esr);
        Assert.Equal(before, domain.Hypervisor.Hardware.DACR32_EL2);
        return outcome == TrapOutcome.UnhandledUndefined ? TrapResult.Unhandled : TrapResult.Handled;
    }

    private static uint Esr(uint exceptionClass, uint iss, uint il) =>
        EsrFields.WithEC(EsrFields.WithIL(EsrFields.WithISS(0, iss), il), exceptionClass);
}
