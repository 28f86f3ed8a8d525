using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// MDCR_EL2's Performance Monitors trap controls against the Arm ARM's own lists, typed here from DDI 0487
/// (D24.3.17 MDCR_EL2: TPM, bit 6, and TPMCR, bit 5; each PMU register's accessor pseudocode in D24.5 and
/// G8.4) rather than from the tables. Event counters stand for all 31 (PMEVCNTRn, PMEVTYPERn). TDE, which
/// forces TDA, TDOSA and TDRA, forces neither.
/// </summary>
public sealed class PmuTrapControlTests
{
    private static readonly string[] Aarch64Tpm =
    [
        "PMCR_EL0", "PMCNTENSET_EL0", "PMCNTENCLR_EL0", "PMOVSCLR_EL0", "PMOVSSET_EL0", "PMSWINC_EL0", "PMSELR_EL0", "PMCEID0_EL0", "PMCEID1_EL0",
        "PMCCNTR_EL0", "PMXEVTYPER_EL0", "PMXEVCNTR_EL0", "PMUSERENR_EL0", "PMINTENSET_EL1", "PMINTENCLR_EL1", "PMMIR_EL1", "PMEVCNTRn_EL0",
        "PMEVTYPERn_EL0", "PMCCFILTR_EL0",

        // Newer than binutils 2.40 (Linux sysreg, binutils master): the instruction counter (FEAT_PMUv3_ICNTR), the
        // sampling event registers (FEAT_EBEP, FEAT_SEBEP), PMUACR_EL1 and PMZR_EL0 (FEAT_PMUv3p9); D24.5.
        "PMICNTR_EL0", "PMICFILTR_EL0", "PMECR_EL1", "PMIAR_EL1", "PMUACR_EL1", "PMZR_EL0",
    ];

    private static readonly string[] Aarch32Tpm =
    [
        "PMCR", "PMCNTENSET", "PMCNTENCLR", "PMOVSR", "PMOVSSET", "PMSWINC", "PMSELR", "PMCEID0", "PMCEID1", "PMCEID2", "PMCEID3", "PMCCNTR",
        "PMXEVTYPER", "PMXEVCNTR", "PMUSERENR", "PMINTENSET", "PMINTENCLR", "PMMIR", "PMEVCNTRn", "PMEVTYPERn", "PMCCFILTR",
    ];

    [Fact]
    public void Tpm_traps_the_arm_arms_aarch64_pmu_registers_85_encodings()
    {
        var rows = Aarch64Registers.All.Where(r => r.Traps.Any(t => t.Control == TrapControls.TPM)).ToList();

        Assert.Equal(Aarch64Tpm.Order(), rows.Select(r => Family(r.Name)).Distinct().Order());
        Assert.Equal(85, rows.Count);
        Assert.DoesNotContain(SystemInstructions.All, i => i.Traps.Any(t => t.Control.Register == MdcrEl2.Name && t.Control != TrapControls.TDA));
    }

    [Fact]
    public void Tpm_traps_the_arm_arms_cp15_pmu_registers_82_encodings_in_both_forms()
    {
        var rows = Aarch32Registers.All.Where(r => r.Traps.Any(t => t.Control == TrapControls.TPM)).ToList();

        Assert.Equal(Aarch32Tpm.Order(), rows.Select(r => Family(r.Name)).Distinct().Order());
        Assert.Equal(82, rows.Count);
        Assert.All(rows, r => Assert.Equal(15, r.Coprocessor));
        Assert.Equal([AccessForm.Mcr, AccessForm.Mcrr], rows.Where(r => r.Name == "PMCCNTR").Select(r => r.Encoding.Form).Order());
    }

    [Fact]
    public void Tpmcr_traps_pmcr_el0_and_pmcr_alone_after_tpm_as_the_pseudocode_checks_them()
    {
        var aarch64 = Aarch64Registers.All.Where(r => r.Traps.Any(t => t.Control == TrapControls.TPMCR)).ToList();
        var aarch32 = Aarch32Registers.All.Where(r => r.Traps.Any(t => t.Control == TrapControls.TPMCR)).ToList();

        Assert.Equal(["PMCR_EL0"], aarch64.Select(r => r.Name));
        Assert.Equal([("PMCR", AccessForm.Mcr)], aarch32.Select(r => (r.Name, r.Encoding.Form)));
        Assert.Equal([TrapControls.TPM, TrapControls.TPMCR], aarch64[0].Traps.Select(t => t.Control).Where(c => c.Register == MdcrEl2.Name));
        Assert.Equal([TrapControls.TPM, TrapControls.TPMCR], aarch32[0].Traps.Select(t => t.Control).Where(c => c.Register == MdcrEl2.Name));
    }

    [Fact]
    public void Every_performance_monitors_register_of_the_architecture_has_a_tpm_rule_and_no_other_register_does()
    {
        var aarch64 = Aarch64Registers.All.Where(PerformanceMonitors.IsRegister).Select(r => r.Name).ToList();
        var aarch32 = Aarch32Registers.All.Where(PerformanceMonitors.IsRegister).Select(r => r.Name + " " + r.Encoding.Form).ToList();

        Assert.Equal(85, aarch64.Count);
        Assert.Equal(82, aarch32.Count);
        Assert.Equal(aarch64, Aarch64Registers.All.Where(r => r.Traps.Any(t => t.Control == TrapControls.TPM)).Select(r => r.Name));
        Assert.Equal(aarch32, Aarch32Registers.All.Where(r => r.Traps.Any(t => t.Control == TrapControls.TPM)).Select(r => r.Name + " " + r.Encoding.Form));
        Assert.DoesNotContain(Aarch64Registers.All, r => r.Name.StartsWith("PMS", System.StringComparison.Ordinal) && r.Name != "PMSWINC_EL0" && r.Name != "PMSELR_EL0" && PerformanceMonitors.IsRegister(r));
    }

    [Fact]
    public void Every_pmu_rule_traps_the_directions_the_register_has_and_tde_does_not_force_it()
    {
        var rules = Aarch64Registers.All.Select(r => (r.Name, r.Access, r.Traps))
            .Concat(Aarch32Registers.All.Select(r => (r.Name, r.Access, r.Traps)))
            .SelectMany(r => r.Traps.Where(t => t.Control == TrapControls.TPM || t.Control == TrapControls.TPMCR).Select(t => (r.Name, r.Access, Rule: t)))
            .ToList();

        Assert.Equal(85 + 82 + 2, rules.Count);
        Assert.All(rules, r => Assert.Equal(RegisterAccessRules.Directions(r.Access), r.Rule.Direction));
        Assert.All(rules, r => Assert.False(r.Rule.Control.IsActive(1UL << MdcrEl2.TDE), r.Name + ": TDE forces " + r.Rule.Control.Name));
        Assert.All(rules, r => Assert.True(r.Rule.Control.IsActive(r.Rule.Control.Mask), r.Name));
        Assert.Null(TrapControls.TPM.ForcedBy);
        Assert.Null(TrapControls.TPMCR.ForcedBy);
    }

    [Fact]
    public void An_el1_access_traps_to_the_first_pmu_control_set_and_to_none_under_tde_alone()
    {
        var pmcr = Aarch64Registers.All.Single(r => r.Name == "PMCR_EL0").Encoding.Key;
        var pmselr = Aarch64Registers.All.Single(r => r.Name == "PMSELR_EL0").Encoding.Key;
        TrapControl? Traps(uint key, ulong mdcr) => ArchitecturalTraps.TrappingControl(new TrapControlRegisters(0, 0, mdcr), TrapClasses.Msr, key, isRead: true);

        Assert.Equal(
            new TrapControl?[] { null, TrapControls.TPM, TrapControls.TPMCR, TrapControls.TPM, null },
            new[] { 0UL, TrapControls.TPM.Mask, TrapControls.TPMCR.Mask, TrapControls.TPM.Mask | TrapControls.TPMCR.Mask, 1UL << MdcrEl2.TDE }.Select(m => Traps(pmcr, m)));
        Assert.Equal(
            new TrapControl?[] { null, TrapControls.TPM, null },
            new[] { 0UL, TrapControls.TPM.Mask, TrapControls.TPMCR.Mask }.Select(m => Traps(pmselr, m)));
    }

    /// <summary>PMEVCNTR5_EL0 is PMEVCNTRn_EL0, PMEVTYPER30 PMEVTYPERn; other names are themselves.</summary>
    private static string Family(string name) =>
        System.Text.RegularExpressions.Regex.Replace(name, "^(PMEV(?:CNTR|TYPER))[0-9]+", "$1n");
}
