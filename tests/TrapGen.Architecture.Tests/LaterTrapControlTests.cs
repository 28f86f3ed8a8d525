using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// The trap controls later features add to HCR_EL2 (TLOR, TERR, APK, AT, FIEN, TID4, TICAB, TOCU, EnSCXT, TTLBIS,
/// TTLBOS, ATA, TID5), MDCR_EL2 (E2PB, TPMS, FEAT_SPMU's EnSPM, TTRF, E2TB, and FEAT_FGT's TDCC, whose DBGDTRTXint is reached by MCR/MRC and by LDC/STC) and CNTHCTL_EL2 (FEAT_ECV's EL1TVT, EL1TVCT, and EL1NVPCT and EL1NVVCT, which trap only under FEAT_NV2), and
/// CPTR_EL2's TCPAC, TAM and TTA, against the Arm
/// ARM's own words, typed here from DDI 0487 M.a.a (D24.2 HCR_EL2 and CPTR_EL2, D24.3.17 MDCR_EL2, each field's
/// description) rather than taken from the tables: which accesses each traps,
/// in which direction, in AArch64 and in AArch32, its bit, its polarity and the feature that makes it exist.
/// Where two controls trap one access, the order is the accessor pseudocode's (CCSIDR_EL1: TID2, then TID4; IC
/// IALLUIS: TPU, then TICAB; TLBI VMALLE1IS: TTLB, then TTLBIS).
/// </summary>
public sealed class LaterTrapControlTests
{
    /// <summary>Per control: its register, bit, whether setting traps, what it needs, and what it traps ("NAME:r", ":w", ":rw"; AArch32 names carry "a32 ").</summary>
    public static TheoryData<string, string, int, bool, string, string[]> ArmArm() => new()
    {
        { "TLOR", "HCR_EL2", 35, true, "FEAT_LOR", ["LORSA_EL1:rw", "LOREA_EL1:rw", "LORN_EL1:rw", "LORC_EL1:rw", "LORID_EL1:r"] },
        {
            "TERR", "HCR_EL2", 36, true, "FEAT_RAS",
            [
                "ERRSELR_EL1:rw", "ERXADDR_EL1:rw", "ERXCTLR_EL1:rw", "ERXMISC0_EL1:rw", "ERXMISC1_EL1:rw", "ERXSTATUS_EL1:rw", "ERRIDR_EL1:r", "ERXFR_EL1:r",
                "ERXMISC2_EL1:rw", "ERXMISC3_EL1:rw", "ERXGSR_EL1:r",
                "a32 ERRSELR:rw", "a32 ERXADDR:rw", "a32 ERXADDR2:rw", "a32 ERXCTLR:rw", "a32 ERXCTLR2:rw", "a32 ERXMISC0:rw", "a32 ERXMISC1:rw", "a32 ERXMISC2:rw",
                "a32 ERXMISC3:rw", "a32 ERXSTATUS:rw", "a32 ERRIDR:r", "a32 ERXFR:r", "a32 ERXFR2:r", "a32 ERXMISC4:rw", "a32 ERXMISC5:rw", "a32 ERXMISC6:rw",
                "a32 ERXMISC7:rw",
            ]
        },
        {
            "APK", "HCR_EL2", 40, false, "FEAT_PAuth",
            [
                "APIAKEYLO_EL1:rw", "APIAKEYHI_EL1:rw", "APIBKEYLO_EL1:rw", "APIBKEYHI_EL1:rw", "APDAKEYLO_EL1:rw", "APDAKEYHI_EL1:rw", "APDBKEYLO_EL1:rw",
                "APDBKEYHI_EL1:rw", "APGAKEYLO_EL1:rw", "APGAKEYHI_EL1:rw",
            ]
        },
        { "AT", "HCR_EL2", 44, true, "FEAT_NV", ["AT S1E0R:w", "AT S1E0W:w", "AT S1E1R:w", "AT S1E1W:w", "AT S1E1RP:w", "AT S1E1WP:w", "AT S1E1A:w"] },
        { "FIEN", "HCR_EL2", 47, false, "FEAT_RASv1p1", ["ERXPFGCDN_EL1:rw", "ERXPFGCTL_EL1:rw", "ERXPFGF_EL1:r"] },
        {
            "TID4", "HCR_EL2", 49, true, "FEAT_EVT",
            ["CCSIDR_EL1:r", "CCSIDR2_EL1:r", "CLIDR_EL1:r", "CSSELR_EL1:rw", "a32 CCSIDR:r", "a32 CCSIDR2:r", "a32 CLIDR:r", "a32 CSSELR:rw"]
        },
        { "TICAB", "HCR_EL2", 50, true, "FEAT_EVT", ["IC IALLUIS:w", "a32 ICIALLUIS:w"] },
        { "TOCU", "HCR_EL2", 52, true, "FEAT_EVT", ["IC IVAU:w", "IC IALLU:w", "DC CVAU:w", "a32 ICIMVAU:w", "a32 ICIALLU:w", "a32 DCCMVAU:w"] },
        { "EnSCXT", "HCR_EL2", 53, false, "FEAT_CSV2_2|FEAT_CSV2_1p2", ["SCXTNUM_EL0:rw", "SCXTNUM_EL1:rw"] },
        {
            "TTLBIS", "HCR_EL2", 54, true, "EVT_TTLBxS",
            [
                "TLBI VMALLE1IS:w", "TLBI VAE1IS:w", "TLBI ASIDE1IS:w", "TLBI VAAE1IS:w", "TLBI VALE1IS:w", "TLBI VAALE1IS:w", "TLBI RVAE1IS:w", "TLBI RVAAE1IS:w",
                "TLBI RVALE1IS:w", "TLBI RVAALE1IS:w",
                "TLBI VMALLE1ISNXS:w", "TLBI VAE1ISNXS:w", "TLBI ASIDE1ISNXS:w", "TLBI VAAE1ISNXS:w", "TLBI VALE1ISNXS:w", "TLBI VAALE1ISNXS:w", "TLBI RVAE1ISNXS:w",
                "TLBI RVAAE1ISNXS:w", "TLBI RVALE1ISNXS:w", "TLBI RVAALE1ISNXS:w", "a32 TLBIALLIS:w", "a32 TLBIMVAIS:w", "a32 TLBIASIDIS:w", "a32 TLBIMVAAIS:w", "a32 TLBIMVALIS:w", "a32 TLBIMVAALIS:w",
            ]
        },
        {
            "TTLBOS", "HCR_EL2", 55, true, "EVT_TTLBxS",
            [
                "TLBI VMALLE1OS:w", "TLBI VAE1OS:w", "TLBI ASIDE1OS:w", "TLBI VAAE1OS:w", "TLBI VALE1OS:w", "TLBI VAALE1OS:w", "TLBI RVAE1OS:w", "TLBI RVAAE1OS:w",
                "TLBI RVALE1OS:w", "TLBI RVAALE1OS:w",
                "TLBI VMALLE1OSNXS:w", "TLBI VAE1OSNXS:w", "TLBI ASIDE1OSNXS:w", "TLBI VAAE1OSNXS:w", "TLBI VALE1OSNXS:w", "TLBI VAALE1OSNXS:w", "TLBI RVAE1OSNXS:w",
                "TLBI RVAAE1OSNXS:w", "TLBI RVALE1OSNXS:w", "TLBI RVAALE1OSNXS:w",
            ]
        },
        // TFSR_EL2 only while HCR_EL2.{NV2, NV} is {1, 1} (its accessor pseudocode; the field's description lists the EL1 ones).
        { "ATA", "HCR_EL2", 56, false, "FEAT_MTE2", ["GCR_EL1:rw", "RGSR_EL1:rw", "TFSRE0_EL1:rw", "TFSR_EL1:rw", "TFSR_EL2:rw"] },
        { "TID5", "HCR_EL2", 58, true, "FEAT_MTE2", ["GMID_EL1:r"] },
        { "TCPAC", "CPTR_EL2", 31, true, "-", ["CPACR_EL1:rw", "CPACRALIAS_EL1:rw", "a32 CPACR:rw"] },
        { "E2PB", "MDCR_EL2", 12, false, "FEAT_SPE", ["PMBLIMITR_EL1:rw", "PMBPTR_EL1:rw", "PMBSR_EL1:rw", "PMBMAR_EL1:rw"] },
        {
            "TPMS", "MDCR_EL2", 14, true, "FEAT_SPE",
            ["PMSCR_EL1:rw", "PMSEVFR_EL1:rw", "PMSFCR_EL1:rw", "PMSICR_EL1:rw", "PMSIRR_EL1:rw", "PMSLATFR_EL1:rw", "PMSIDR_EL1:r", "PMSNEVFR_EL1:rw", "PMSDSFR_EL1:rw"]
        },
        {
            // D24.3.17's list: SPMCGCR<n>_EL1 (n 0, 1) and the 16 of each SPMEV*<n>_EL0; SPMZR_EL0 (FEAT_SPMU2) is MSR only.
            "EnSPM", "MDCR_EL2", 15, false, "FEAT_SPMU",
            [
                "SPMACCESSR_EL1:rw", "SPMCFGR_EL1:r", "SPMCGCR0_EL1:r", "SPMCGCR1_EL1:r", "SPMCNTENCLR_EL0:rw", "SPMCNTENSET_EL0:rw", "SPMCR_EL0:rw",
                "SPMDEVAFF_EL1:r", "SPMDEVARCH_EL1:r", "SPMIIDR_EL1:r", "SPMINTENCLR_EL1:rw", "SPMINTENSET_EL1:rw", "SPMOVSCLR_EL0:rw", "SPMOVSSET_EL0:rw",
                "SPMSCR_EL1:rw", "SPMSELR_EL0:rw", "SPMZR_EL0:w", .. Indexed("SPMEVCNTR"), .. Indexed("SPMEVFILT2R"), .. Indexed("SPMEVFILTR"), .. Indexed("SPMEVTYPER"),
            ]
        },
        { "TTRF", "MDCR_EL2", 19, true, "FEAT_TRF", ["TRFCR_EL1:rw", "a32 TRFCR:rw"] },
        {
            "TDCC", "MDCR_EL2", 27, true, "FEAT_FGT",
            [
                "OSDTRRX_EL1:rw", "OSDTRTX_EL1:rw", "MDCCSR_EL0:r", "MDCCINT_EL1:rw", "DBGDTR_EL0:rw", "DBGDTRRX_EL0:r", "DBGDTRTX_EL0:w",
                "a32 DBGDTRRXEXT:rw", "a32 DBGDTRTXEXT:rw", "a32 DBGDSCRINT:r", "a32 DBGDCCINT:rw", "a32 DBGDTRTXINT:rw", "a32 DBGDTRTXINT:rw",
            ]
        },
        {
            "EL1TVT", "CNTHCTL_EL2", 13, true, "FEAT_ECV",
            ["CNTV_CTL_EL0:rw", "CNTV_CVAL_EL0:rw", "CNTV_TVAL_EL0:rw", "a32 CNTV_CTL:rw", "a32 CNTV_CVAL:rw", "a32 CNTV_TVAL:rw"]
        },
        { "EL1TVCT", "CNTHCTL_EL2", 14, true, "FEAT_ECV", ["CNTVCT_EL0:r", "CNTVCTSS_EL0:r", "a32 CNTVCT:r", "a32 CNTVCTSS:r"] },
        // D24.10.2: only while HCR_EL2.{NV2, NV1, NV} is {1, 0, 1}.
        { "EL1NVPCT", "CNTHCTL_EL2", 15, true, "FEAT_ECV", ["CNTP_CTL_EL02:rw", "CNTP_CVAL_EL02:rw"] },
        { "EL1NVVCT", "CNTHCTL_EL2", 16, true, "FEAT_ECV", ["CNTV_CTL_EL02:rw", "CNTV_CVAL_EL02:rw"] },
        { "E2TB", "MDCR_EL2", 24, false, "FEAT_TRBE", ["TRBBASER_EL1:rw", "TRBLIMITR_EL1:rw", "TRBMAR_EL1:rw", "TRBPTR_EL1:rw", "TRBSR_EL1:rw", "TRBTRG_EL1:rw", "TRBMPAM_EL1:rw"] },
    };

    /// <summary>
    /// CPTR_EL2.TAM traps every activity monitor register (the Arm ARM's list: AMUSERENR, AMCFGR, AMCGCR, AMCNTENCLR0/1,
    /// AMCNTENSET0/1, AMCR, AMEVCNTR0&lt;n&gt;, AMEVCNTR1&lt;n&gt;, AMEVTYPER0&lt;n&gt;, AMEVTYPER1&lt;n&gt;), AArch64 and AArch32
    /// (AMEVCNTRn by MRRC and MCRR); CPTR_EL2.TTA every trace unit register, which the Arm ARM gives as a range:
    /// "op0=2, op1=1, and CRn &lt; 0b1000". AMCG1IDR_EL0, which the field's list leaves out, is trapped too: its accessor
    /// pseudocode checks TAM (ArmArmTrapRuleTests).
    /// </summary>
    [Fact]
    public void Tam_traps_the_activity_monitors_and_tta_the_trace_units_encoding_range()
    {
        var amu = new System.Text.RegularExpressions.Regex("^AM(CR|CFGR|CGCR|CG1IDR|USERENR|CNTENCLR[01]|CNTENSET[01]|EVCNTR[01][0-9]+|EVTYPER[01][0-9]+)(_EL0)?$");
        var tam = ArchitecturalTraps.CoveredBy(TrapControls.TAM).ToList();
        var tta = ArchitecturalTraps.CoveredBy(TrapControls.TTA).ToList();

        Assert.Equal((30, "FEAT_AMUv1", 20, "FEAT_TRC_SR", true), (TrapControls.TAM.Bit, TrapControls.TAM.Needs, TrapControls.TTA.Bit, TrapControls.TTA.Needs, TrapControls.TTA.DependsOnE2h));
        Assert.Equal(Aarch64Registers.All.Where(r => amu.IsMatch(r.Name)).Select(r => r.Name).Order(), tam.Where(a => a.TrapClass == TrapClasses.Msr).Select(a => a.Name).Order());
        Assert.Equal(49, tam.Count(a => a.TrapClass == TrapClasses.Msr));
        Assert.Equal(Aarch32Registers.All.Where(r => amu.IsMatch(r.Name)).Select(r => (r.Name, r.Class)).Order(), tam.Where(a => a.TrapClass != TrapClasses.Msr).Select(a => (a.Name, a.TrapClass)).Order());
        Assert.Contains(tam, a => a.Name == "AMEVCNTR00" && a.TrapClass == TrapClasses.Mcrr);
        Assert.Equal(
            Aarch64Registers.All.Where(r => r.Encoding is { Op0: 2, Op1: 1, CRn: < 8 }).Select(r => r.Name).Order(),
            tta.Select(a => a.Name).Order());
        Assert.All(tta, a => Assert.Equal(TrapClasses.Msr, a.TrapClass));
        Assert.Equal(215, tta.Count); // 214 binutils 2.40 names and TRCITEEDCR (FEAT_ITE)
    }

    [Theory]
    [MemberData(nameof(ArmArm))]
    public void A_later_control_is_the_arm_arms_field_and_traps_exactly_what_its_description_lists(string name, string register, int bit, bool trapsWhenSet, string needs, string[] traps)
    {
        var control = TrapControls.Find(name);

        Assert.NotNull(control);
        Assert.Equal((register, bit, trapsWhenSet, needs == "-" ? null : needs), (control.Register, control.Bit, control.TrapsWhenSet, control.Needs));
        Assert.Equal(traps.Order(System.StringComparer.Ordinal), Covered(control).Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public void Where_two_controls_trap_one_access_the_older_one_is_checked_first_as_the_pseudocode_does()
    {
        Assert.Equal([TrapControls.TID2, TrapControls.TID4], Coarse(Aarch64("CCSIDR_EL1").Traps));
        Assert.Equal([TrapControls.TID2, TrapControls.TID4], Coarse(Aarch64("CSSELR_EL1").Traps));
        Assert.Equal([TrapControls.TPU, TrapControls.TICAB], Coarse(Instruction("IC IALLUIS").Traps));
        Assert.Equal([TrapControls.TPU, TrapControls.TOCU], Coarse(Instruction("DC CVAU").Traps));
        Assert.Equal([TrapControls.TTLB, TrapControls.TTLBIS], Coarse(Instruction("TLBI VMALLE1IS").Traps));
        Assert.Equal([TrapControls.TTLB, TrapControls.TTLBOS], Coarse(Instruction("TLBI RVAALE1OS").Traps));
        Assert.Equal([TrapControls.TDCC, TrapControls.TDA], Coarse(Aarch64("MDCCSR_EL0").Traps));
        Assert.Equal([TrapControls.TDCC, TrapControls.TDA], Coarse(Aarch64("DBGDTR_EL0").Traps));
    }

    [Fact]
    public void A_control_exists_only_on_a_cpu_with_its_feature_and_traps_nothing_elsewhere()
    {
        var a57 = CpuModels.Find("cortex-a57")!;
        var max = CpuModels.Find("max")!;
        var everything = new TrapControlRegisters(ulong.MaxValue, 0, 0, ulong.MaxValue);
        var nothing = default(TrapControlRegisters);
        var csselr = Aarch64("CSSELR_EL1").Encoding.Key;
        var keys = Aarch64("APIAKEYLO_EL1").Encoding.Key;

        Assert.All(TrapControls.All.Where(c => c.Needs is null), c => Assert.True(c.ExistsOn(a57), c.Name));
        Assert.False(TrapControls.TID4.ExistsOn(a57));
        Assert.True(TrapControls.APK.ExistsOn(max) && TrapControls.EnSCXT.ExistsOn(max) && TrapControls.TLOR.ExistsOn(max));
        Assert.False(TrapControls.TID4.ExistsOn(max), "QEMU 7.2's max has no FEAT_EVT");

        // HCR_EL2 all ones but TID2: TID4 traps CSSELR_EL1 on a CPU with FEAT_EVT, and on none without.
        var tid4Only = everything with { Hcr = ~TrapControls.TID2.Mask };
        Assert.Equal(TrapControls.TID4, ArchitecturalTraps.TrappingControl(tid4Only, TrapClasses.Msr, csselr, isRead: false));
        Assert.Null(ArchitecturalTraps.TrappingControl(tid4Only, TrapClasses.Msr, csselr, isRead: false, a57));

        // APK traps the keys while clear, on max; with the bit set it does not.
        Assert.Equal(TrapControls.APK, ArchitecturalTraps.TrappingControl(nothing, TrapClasses.Msr, keys, isRead: true, max));
        Assert.Null(ArchitecturalTraps.TrappingControl(nothing with { Hcr = TrapControls.APK.Mask }, TrapClasses.Msr, keys, isRead: true, max));
    }

    [Fact]
    public void Every_control_needs_only_features_the_features_table_can_tell()
    {
        var known = Features.Names.ToHashSet(System.StringComparer.Ordinal);

        Assert.All(TrapControls.All.Where(c => c.Needs is not null), c => Assert.All(c.Needs!.Split('|', '&'), f => Assert.Contains(f, known)));
        Assert.All(TrapControls.All, c => Assert.Equal(c.Mask, new TrapControlRegisters(0, 0, 0).ValueOf(c) | c.Mask));
    }

    /// <summary>The 16 System PMU event registers of one family, <c>SPMEVCNTR0_EL0:rw</c> to <c>SPMEVCNTR15_EL0:rw</c>.</summary>
    private static string[] Indexed(string family) => [.. Enumerable.Range(0, 16).Select(n => family + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_EL0:rw")];

    private static IEnumerable<string> Covered(TrapControl control) =>
        ArchitecturalTraps.CoveredBy(control).Select(a => (a.TrapClass == TrapClasses.Msr ? string.Empty : "a32 ") + a.Name + ":" + Direction(a.Direction));

    private static string Direction(AccessDirection direction) => direction switch
    {
        AccessDirection.Read => "r",
        AccessDirection.Write => "w",
        _ => "rw",
    };

    private static Aarch64Register Aarch64(string name) => Aarch64Registers.All.Single(r => r.Name == name);

    private static SystemInstruction Instruction(string name) => SystemInstructions.All.Single(i => i.FullName == name);

    /// <summary>The controls of trap-controls.table among <paramref name="rules"/>, in order (fine-grained traps are FineGrainedTrapTests').</summary>
    private static List<TrapControl> Coarse(IEnumerable<TrapRule> rules) => rules.Select(t => t.Control).Where(TrapControls.All.Contains).ToList();
}
