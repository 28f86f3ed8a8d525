using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Domains;
using TrapGen.Runtime.Emulation;
using TrapGen.Runtime.Traps;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>
/// CPTR_EL2.TZ (SVE, EC 0x19) and TSM (SME, EC 0x1D): GNU as's words of each group and outside them, the order of the
/// guest's CPACR_EL1 enables and EL2's controls as the Arm ARM's pseudocode gives it, the syndromes, and what the
/// hypervisor does. The expectations are written out from the Arm ARM (D24.2.38 CPTR_EL2, D24.2.33 CPACR_EL1,
/// CheckOriginalSVEEnabled, CheckSMEEnabled, CheckSMEAccess, the ZCR_EL1, SMCR_EL1 and SVCR accessors), not computed.
/// </summary>
public sealed class ScalableExtensionTrapTests
{
    private const ulong Tz = 1UL << 8, Tfp = 1UL << 10, Tsm = 1UL << 12;

    /// <summary>CPACR_EL1 with FPEN, ZEN and SMEN 0b11: the guest lets EL1 use all three.</summary>
    private const ulong AllEnabled = (0b11UL << 20) | (0b11UL << 16) | (0b11UL << 24);

    /// <summary>EC 0x19, IL 1, ISS 0 (D24.2.46 ESR_EL2: the ISS of an SVE access trap is RES0).</summary>
    private const uint SveSyndrome = 0x66000000;

    /// <summary>EC 0x1D, IL 1, SMTC 0b000 (an access trap by CPACR_EL1.SMEN or CPTR_EL2.TSM).</summary>
    private const uint SmeSyndrome = 0x76000000;

    /// <summary>EC 0x07, IL 1, CV 1, COND 0b1110 (a trap from AArch64).</summary>
    private const uint FpSyndrome = 0x1FE00000;

    public static TheoryData<string, string> Words => new()
    {
        { "add z0.d, z1.d, z2.d", "Sve" },
        { "ptrue p0.s", "Sve" },
        { "ld1d {z0.d}, p0/z, [x0]", "Sve" },
        { "st1w {z1.s}, p1, [x2, #1, mul vl]", "Sve" },
        { "rdvl x0, #1", "Sve" },
        { "addvl sp, sp, #-1", "Sve" },
        { "whilelo p0.s, x1, x2", "Sve" },
        { "zero {za}", "Sme" },
        { "fmopa za0.s, p0/m, p1/m, z0.s, z1.s", "Sme" },
        { "ldr za[w12, 0], [x0]", "Sme" },
        { "smstart", "Sme" },
        { "smstop", "Sme" },
        { "smstart sm", "Sme" },
        { "smstop za", "Sme" },
        { "fmov s0, w1", "FpSimd" },
        { "ldr q0, [x1]", "FpSimd" },
        { "mrs x0, zcr_el1", "Msr" },
        { "msr svcr, x0", "Msr" },
        { "add x0, x1, x2", "-" },
        { "msr daifset, #2", "-" },
        { "msr pan, #1", "-" },
        { "ldr x0, [x1]", "-" },
        { "bl .", "-" },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void Gnu_as_words_are_in_the_sve_and_sme_groups_exactly_when_the_arm_arm_puts_them_there(string text, string expected)
    {
        var word = Assemble(text);

        var decoded = InstructionDecoder.TryDecode(word, InstructionSet.A64, out var access);

        Assert.Equal(expected, decoded ? access.Class.Name : "-");
        if (expected is "Sve" or "Sme")
        {
            Machine.AssertWritesBack(word, access, expected == "Sve" ? SveSyndrome : SmeSyndrome);
        }
    }

    [Theory]
    [InlineData("smstart", "smstart")]
    [InlineData("smstop", "smstop")]
    [InlineData("smstart sm", "smstart sm")]
    [InlineData("smstop za", "smstop za")]
    [InlineData("msr svcrsmza, #1", "smstart")]
    [InlineData("msr svcrsm, #0", "smstop sm")]
    public void Smstart_and_smstop_read_and_write_as_gnu_as_spells_them(string text, string formatted)
    {
        Assert.True(SystemInstructionSyntax.TryParse(formatted, thumb: false, out var access, out var error), error);
        Assert.Equal(Assemble(text), InstructionEncoder.Encode(access));
        Assert.Equal(formatted, SystemInstructionSyntax.Format(access));
    }

    /// <summary>
    /// The decision for each access on a CPU with SVE and SME (QEMU's max), from the pseudocode's order: the guest's
    /// enables of every control the access checks first (ZEN or SMEN, then FPEN; ZCR_EL1, SMCR_EL1, SVCR and SMSTART check
    /// FPEN nowhere), then EL2's (TZ or TSM, then TFP). Expected: where the access goes and its EC, or "run".
    /// </summary>
    public static TheoryData<string, ulong, ulong, string> Decisions => new()
    {
        // An SVE instruction: CheckOriginalSVEEnabled.
        { "add z0.d, z1.d, z2.d", AllEnabled, 0, "run" },
        { "add z0.d, z1.d, z2.d", AllEnabled, Tz, "EL2 0x19" },
        { "add z0.d, z1.d, z2.d", AllEnabled, Tfp, "EL2 0x07" },
        { "add z0.d, z1.d, z2.d", AllEnabled, Tz | Tfp, "EL2 0x19" },
        { "add z0.d, z1.d, z2.d", AllEnabled, Tsm, "run" },
        { "add z0.d, z1.d, z2.d", AllEnabled & ~(0b11UL << 16), Tz | Tfp, "EL1 0x19" },
        { "add z0.d, z1.d, z2.d", AllEnabled & ~(0b11UL << 20), Tz | Tfp, "EL1 0x07" },
        { "add z0.d, z1.d, z2.d", 0, Tz | Tfp, "EL1 0x19" },
        { "add z0.d, z1.d, z2.d", AllEnabled & ~(0b10UL << 16), Tz, "EL2 0x19" }, // ZEN 0b01: EL1 may use it
        // ZCR_EL1: ZEN, then TZ; no floating-point check.
        { "mrs x0, zcr_el1", AllEnabled, Tz, "EL2 0x19" },
        { "msr zcr_el1, x0", AllEnabled, Tz, "EL2 0x19" },
        { "mrs x0, zcr_el1", AllEnabled, Tfp | Tsm, "run" },
        { "mrs x0, zcr_el1", AllEnabled & ~(0b11UL << 20), Tz, "EL2 0x19" },
        { "mrs x0, zcr_el1", AllEnabled & ~(0b11UL << 16), Tz, "EL1 0x19" },
        // An SME instruction: CheckSMEEnabled (streaming mode and ZA are not modelled).
        { "fmopa za0.s, p0/m, p1/m, z0.s, z1.s", AllEnabled, 0, "run" },
        { "fmopa za0.s, p0/m, p1/m, z0.s, z1.s", AllEnabled, Tsm, "EL2 0x1D" },
        { "fmopa za0.s, p0/m, p1/m, z0.s, z1.s", AllEnabled, Tfp, "EL2 0x07" },
        { "fmopa za0.s, p0/m, p1/m, z0.s, z1.s", AllEnabled, Tsm | Tfp, "EL2 0x1D" },
        { "fmopa za0.s, p0/m, p1/m, z0.s, z1.s", AllEnabled, Tz, "run" },
        { "fmopa za0.s, p0/m, p1/m, z0.s, z1.s", AllEnabled & ~(0b11UL << 24), Tsm | Tfp, "EL1 0x1D" },
        { "fmopa za0.s, p0/m, p1/m, z0.s, z1.s", AllEnabled & ~(0b11UL << 20), Tsm | Tfp, "EL1 0x07" },
        // SMSTART and SMSTOP, SVCR, SMCR_EL1: CheckSMEAccess and the accessors: SMEN, then TSM; no floating-point check.
        { "smstart", AllEnabled, Tsm, "EL2 0x1D" },
        { "smstop za", AllEnabled, Tfp | Tz, "run" },
        { "smstart", AllEnabled & ~(0b11UL << 20), 0, "run" },
        { "smstart", AllEnabled & ~(0b11UL << 24), Tsm, "EL1 0x1D" },
        { "mrs x0, svcr", AllEnabled, Tsm, "EL2 0x1D" },
        { "msr smcr_el1, x0", AllEnabled, Tsm, "EL2 0x1D" },
        { "mrs x0, smcr_el1", AllEnabled, Tfp, "run" },
        { "mrs x0, smcr_el1", AllEnabled & ~(0b11UL << 24), Tsm, "EL1 0x1D" },
        // The SIMD and floating-point group is neither's.
        { "fmov s0, w1", AllEnabled & ~(0b11UL << 16) & ~(0b11UL << 24), Tz | Tsm, "run" },
        { "fmov s0, w1", AllEnabled, Tz | Tsm | Tfp, "EL2 0x07" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Each_access_checks_the_guests_enables_then_el2s_controls_in_the_pseudocodes_order(string text, ulong cpacr, ulong cptr, string expected)
    {
        var domain = Domain("max");
        SetCpacr(domain, cpacr);
        domain.Hypervisor.Cptr = cptr;
        var result = domain.Cpu.Execute(Assemble(text));

        var actual = result.Kind switch
        {
            ExecutionKind.Trapped => "EL2 0x" + EsrFields.GetEC(result.Esr).ToString("X2"),
            ExecutionKind.TrappedToEl1 => "EL1 0x" + EsrFields.GetEC(result.Esr).ToString("X2"),
            ExecutionKind.Direct => "run",
            _ => result.Kind.ToString(),
        };

        Assert.Equal(expected, actual);
        if (result.Kind is ExecutionKind.Trapped or ExecutionKind.TrappedToEl1)
        {
            var ec = EsrFields.GetEC(result.Esr);
            Assert.Equal(ec switch { 0x19 => SveSyndrome, 0x1D => SmeSyndrome, _ => FpSyndrome }, result.Esr);
        }
    }

    [Theory]
    [InlineData("add z0.d, z1.d, z2.d")]
    [InlineData("mrs x0, zcr_el1")]
    [InlineData("fmopa za0.s, p0/m, p1/m, z0.s, z1.s")]
    [InlineData("smstart")]
    [InlineData("mrs x0, svcr")]
    public void On_a_cpu_without_the_feature_each_is_undefined_whatever_the_controls(string text)
    {
        var domain = Domain("cortex-a57");
        SetCpacr(domain, AllEnabled);
        domain.Hypervisor.Cptr = Tz | Tsm | Tfp;

        var result = domain.Cpu.Execute(Assemble(text));

        Assert.Equal(ExecutionKind.UndefinedAtEl1, result.Kind);
        Assert.Equal(0L, domain.Hypervisor.TrapCount);
    }

    [Fact]
    public void Tz_traps_the_first_sve_use_the_lazy_switch_clears_tz_and_tfp_and_it_runs_again()
    {
        var domain = Domain("max");
        SetCpacr(domain, AllEnabled);
        domain.Hypervisor.Cptr = Tz | Tfp | Tsm;

        var first = domain.Cpu.Execute(Assemble("add z0.d, z1.d, z2.d"));
        var zcr = domain.Cpu.Execute(Assemble("mrs x0, zcr_el1"));

        Assert.Equal((ExecutionKind.Trapped, TrapOutcome.FpStateSwitched, SveSyndrome, "CPTR_EL2.TZ"), (first.Kind, first.Outcome, first.Esr, first.Control!.QualifiedName));
        Assert.Equal(Tsm, domain.Hypervisor.Cptr); // TZ and TFP cleared, TSM kept
        Assert.Equal(ExecutionKind.Direct, zcr.Kind);
        Assert.Equal(8UL, domain.Current.Pc);
        Assert.Equal(1L, domain.Hypervisor.TrapCount);
    }

    [Fact]
    public void A_trap_of_zcr_el1_under_tz_reports_ec_0x19_and_reads_after_the_switch()
    {
        var domain = Domain("max");
        SetCpacr(domain, AllEnabled);
        domain.Current.Registers.WriteX(0, 0xDEAD);
        domain.Hypervisor.Cptr = Tz;

        var result = domain.Cpu.Execute(Assemble("mrs x0, zcr_el1"));

        Assert.Equal((ExecutionKind.Trapped, SveSyndrome, TrapOutcome.FpStateSwitched), (result.Kind, result.Esr, result.Outcome));
        Assert.Equal(0UL, domain.Current.Registers.ReadX(0)); // ZCR_EL1's value, read when it ran again
        Assert.Equal(4UL, domain.Current.Pc);
    }

    [Theory]
    [InlineData("fmopa za0.s, p0/m, p1/m, z0.s, z1.s")]
    [InlineData("smstart")]
    [InlineData("msr smcr_el1, x0")]
    public void The_hypervisor_gives_no_sme_a_tsm_trap_is_undefined_in_the_guest(string text)
    {
        var domain = Domain("max");
        SetCpacr(domain, AllEnabled);
        domain.Hypervisor.Cptr = Tsm;

        var result = domain.Cpu.Execute(Assemble(text));

        Assert.Equal((ExecutionKind.Trapped, TrapOutcome.SmeUndefined, SmeSyndrome), (result.Kind, result.Outcome, result.Esr));
        Assert.Equal(Tsm, domain.Hypervisor.Cptr);
    }

    [Fact]
    public void A_new_vcpu_leaves_sve_and_sme_disabled_in_its_own_cpacr_el1()
    {
        var domain = Domain("max");

        var sve = domain.Cpu.Execute(Assemble("add z0.d, z1.d, z2.d"));
        var sme = domain.Cpu.Execute(Assemble("smstart"));

        Assert.Equal((ExecutionKind.TrappedToEl1, SveSyndrome), (sve.Kind, sve.Esr));
        Assert.Equal((ExecutionKind.TrappedToEl1, SmeSyndrome), (sme.Kind, sme.Esr));
    }

    [Fact]
    public void Handled_sve_and_sme_traps_allocate_nothing()
    {
        var domain = Domain("max");
        var hypervisor = domain.Hypervisor;

        Assert.Equal(0, Machine.AllocatedBy(() =>
        {
            hypervisor.Cptr = Tz | Tsm;
            hypervisor.HandleTrap(SveSyndrome);
            hypervisor.HandleTrap(SmeSyndrome);
        }));
    }

    [Fact]
    public void The_tables_give_tz_and_tsm_the_arm_arms_bits_and_registers()
    {
        var tz = TrapControls.Find("CPTR_EL2.TZ")!;
        var tsm = TrapControls.Find("CPTR_EL2.TSM")!;

        Assert.Equal((8, true, "FEAT_SVE"), (tz.Bit, tz.TrapsWhenSet, tz.Needs));
        Assert.Equal((12, true, "FEAT_SME"), (tsm.Bit, tsm.TrapsWhenSet, tsm.Needs));
        Assert.Equal(["ZCR_EL1"], Aarch64Registers.All.Where(r => r.Traps.Any(t => t.Control == tz)).Select(r => r.Name));
        Assert.Equal(["SMCR_EL1", "SVCR"], Aarch64Registers.All.Where(r => r.Traps.Any(t => t.Control == tsm)).Select(r => r.Name).Order());
        Assert.Same(TrapClasses.Sve, ArchitecturalTraps.ReportedIn(tz));
        Assert.Same(TrapClasses.Sme, ArchitecturalTraps.ReportedIn(tsm));
        Assert.Same(TrapClasses.FpSimd, ArchitecturalTraps.ReportedIn(TrapControls.TFP, TrapClasses.Sve));
    }

    private static Domain Domain(string model)
    {
        var domain = new Domain([Cpu.ExecutionState.Aarch64], model: CpuModels.Find(model)!);
        domain.Build();
        domain.Hypervisor.Hcr.Value = 1UL << HcrEl2.RW;
        return domain;
    }

    /// <summary>The guest's kernel writes CPACR_EL1 (its FPEN, ZEN and SMEN).</summary>
    private static void SetCpacr(Domain domain, ulong cpacr)
    {
        domain.Current.Registers.WriteX(9, cpacr);
        Assert.Equal(ExecutionKind.Direct, domain.Cpu.Execute(Assemble("msr cpacr_el1, x9")).Kind);
        domain.Current.Pc = 0;
    }

    private static uint Assemble(string text) => GuestCode.A64(".arch armv9-a+sme+sve2", text)[0];
}
