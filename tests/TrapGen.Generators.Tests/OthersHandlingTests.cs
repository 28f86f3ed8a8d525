using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// A trap group's <c>others:</c>, compiled and run: every access its HCR_EL2 bit traps that the catalogue
/// does not list is dispatched as the group says, in the direction the bit traps it, and a partial
/// catalogue with it has no TG0017.
/// </summary>
public sealed class OthersHandlingTests
{
    /// <summary>SCTLR_EL1 alone, TVM's other writes ignored (RAZ/WI) and TRVM's other reads UNDEFINED.</summary>
    private const string Catalogue = """
        version: 1
        trap_groups:
          - name: TVM
            others: raz-wi
          - name: TRVM
            others: undefined
        registers:
          - name: SCTLR_EL1
            handling: passthrough
            traps: { TVM: write, TRVM: read }
        """;

    private static readonly System.Lazy<CompiledDispatcher> Dispatcher = new(() => CompiledDispatcher.Of(Catalogue));

    public static TheoryData<string, string> Unlisted()
    {
        var data = new TheoryData<string, string>();
        foreach (var control in new[] { TrapControls.TVM, TrapControls.TRVM })
        {
            foreach (var covered in ArchitecturalTraps.CoveredBy(control).Where(c => c.Name is not ("SCTLR_EL1" or "SCTLR")))
            {
                data.Add(control.Name, covered.TrapClass + " " + covered.Name);
            }
        }

        return data;
    }

    [Fact]
    public void A_partial_catalogue_that_says_what_happens_to_the_others_is_clean()
    {
        Assert.Empty(CatalogueLoader.Load(Catalogue).Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Unlisted))]
    public void Each_unlisted_access_is_handled_as_its_group_says(string control, string access)
    {
        var covered = ArchitecturalTraps.CoveredBy(TrapControls.Find(control)!).Single(c => c.TrapClass + " " + c.Name == access);
        var isRead = covered.Direction == AccessDirection.Read;
        var x = Dispatcher.Value.X;
        x[3] = 0xDEAD_BEEF;
        x[4] = 0xFEED_FACE;

        var result = Dispatcher.Value.Dispatch(CompiledDispatcher.Syndrome(covered.TrapClass, covered.Key, isRead));

        if (control == "TVM")
        {
            // raz-wi: a write is done and changes nothing.
            Assert.Equal("Handled", result);
            Assert.Equal((0xDEAD_BEEFUL, 0xFEED_FACEUL), (x[3], x[4]));
        }
        else
        {
            Assert.Equal("Undefined", result);
        }
    }

    [Fact]
    public void A_read_that_only_a_raz_wi_group_traps_reads_as_zero_in_every_transfer_register()
    {
        const string Reads = "version: 1\ntrap_groups:\n  - name: TRVM\n    others: raz-wi\nregisters:\n  - name: SCTLR_EL1\n    handling: passthrough\n    traps: { TRVM: read }\n";
        var dispatcher = CompiledDispatcher.Of(Reads);
        var x = dispatcher.X;
        var ttbr0 = ArchitecturalTraps.CoveredBy(TrapControls.TRVM).Single(c => c.Name == "TTBR0" && c.TrapClass == TrapClasses.Mcrr);
        x[3] = 0xDEAD_BEEF;
        x[4] = 0xFEED_FACE;

        var result = dispatcher.Dispatch(CompiledDispatcher.Syndrome(ttbr0.TrapClass, ttbr0.Key, isRead: true));

        Assert.Equal(("Handled", 0UL, 0UL), (result, x[3], x[4]));
    }

    /// <summary>
    /// A group may be any control of the architecture, not only HCR_EL2's (issue 23): MDCR_EL2.TPM's others UNDEFINED,
    /// as a host without a virtual PMU answers, and CPTR_EL2.TCPAC's, CPACR_EL1, CPACRALIAS_EL1 and CPACR, read as zero.
    /// </summary>
    [Fact]
    public void A_group_keyed_on_another_registers_control_handles_everything_that_control_traps()
    {
        const string Groups = "version: 1\ntrap_groups:\n  - name: TPM\n    others: undefined\n  - name: TCPAC\n    others: raz-wi\nregisters: []\n";
        Assert.Empty(CatalogueLoader.Load(Groups).Diagnostics);
        var dispatcher = CompiledDispatcher.Of(Groups);
        var pmu = ArchitecturalTraps.CoveredBy(TrapControls.TPM).ToList();
        var cpacr = ArchitecturalTraps.CoveredBy(TrapControls.TCPAC).ToList();

        Assert.Equal((85 + 82, 3), (pmu.Count, cpacr.Count)); // with PMICNTR_EL0, PMICFILTR_EL0, PMECR_EL1, PMIAR_EL1, PMUACR_EL1, PMZR_EL0 and CPACRALIAS_EL1
        Assert.All(pmu, c => Assert.Equal("Undefined", dispatcher.Dispatch(CompiledDispatcher.Syndrome(c.TrapClass, c.Key, isRead: c.Direction != AccessDirection.Write))));
        foreach (var covered in cpacr)
        {
            dispatcher.X[3] = 0xDEAD_BEEF;
            Assert.Equal("Handled", dispatcher.Dispatch(CompiledDispatcher.Syndrome(covered.TrapClass, covered.Key, isRead: true)));
            Assert.Equal(0UL, dispatcher.X[3]);
        }
    }

    /// <summary>
    /// A group keyed on HCR_EL2.NV (issue 23) takes every EL2 register NV traps: a hypervisor that gives its guest no nested
    /// virtualisation answers them UNDEFINED, as the guest would see them without NV; an EL1 register stays out of it.
    /// </summary>
    [Fact]
    public void A_group_keyed_on_hcr_el2_nv_handles_every_el2_register_it_traps()
    {
        const string Nested = "version: 1\ntrap_groups:\n  - name: HCR_EL2.NV\n    others: undefined\nregisters: []\n";
        Assert.Empty(CatalogueLoader.Load(Nested).Diagnostics);
        var dispatcher = CompiledDispatcher.Of(Nested);
        uint Key(string register) => Aarch64Registers.All.Single(r => r.Name == register).Encoding.Key;

        Assert.Equal("Undefined", dispatcher.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.Msr, Key("HCR_EL2"), isRead: true)));
        Assert.Equal("Undefined", dispatcher.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.Msr, Key("SCTLR_EL12"), isRead: false)));
        Assert.Equal("Unhandled", dispatcher.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.Msr, Key("SCTLR_EL1"), isRead: true)));
    }

    /// <summary>
    /// A group keyed on a fine-grained control (issue 23) handles what that field traps as a coarse group does: KVM's way to
    /// hide the LOR registers from a guest without FEAT_LOR on a CPU with FEAT_FGT (its fine-grained UNDEF), a read and a
    /// write field of one register handled apart, and an HFGWTR_EL2 field trapping only the writes of SCTLR_EL1, whose
    /// AArch32 view SCTLR inherits none of it (fine-grained traps reach AArch64 accesses alone).
    /// </summary>
    [Fact]
    public void A_group_keyed_on_a_fine_grained_control_handles_what_that_field_traps_as_a_coarse_group_does()
    {
        const string FineGrained = """
            version: 1
            cpus: [apple-m3]
            trap_groups:
              - name: HFGRTR_EL2.LORID_EL1
                others: undefined
              - name: HFGRTR_EL2.LORC_EL1
                others: undefined
              - name: HFGWTR_EL2.LORC_EL1
                others: raz-wi
              - name: HFGWTR_EL2.SCTLR_EL1
                others: undefined
            registers:
              - name: SCTLR_EL1
                handling: passthrough
                traps: { HFGWTR_EL2.SCTLR_EL1: write }
            """;
        const string Coarse = "version: 1\ntrap_groups:\n  - name: TLOR\n    others: undefined\nregisters: []\n";
        Assert.Empty(CatalogueLoader.Load(FineGrained).Diagnostics);
        Assert.Empty(CatalogueLoader.Load(Coarse).Diagnostics);
        var fine = CompiledDispatcher.Of(FineGrained);
        var coarse = CompiledDispatcher.Of(Coarse);
        uint Key(string register) => Aarch64Registers.All.Single(r => r.Name == register).Encoding.Key;
        string Dispatch(CompiledDispatcher dispatcher, string register, bool isRead)
        {
            dispatcher.X[3] = 0xDEAD_BEEF;
            return dispatcher.Dispatch(CompiledDispatcher.Syndrome(TrapClasses.Msr, Key(register), isRead));
        }

        // LORID_EL1's read reaches the fine-grained group's others as it reaches HCR_EL2.TLOR's.
        Assert.Equal(("Undefined", "Undefined"), (Dispatch(fine, "LORID_EL1", isRead: true), Dispatch(coarse, "LORID_EL1", isRead: true)));
        Assert.Equal("Undefined", Dispatch(fine, "LORC_EL1", isRead: true));
        Assert.Equal(("Handled", 0xDEAD_BEEFUL), (Dispatch(fine, "LORC_EL1", isRead: false), fine.X[3]));
        Assert.Equal("Undefined", Dispatch(fine, "SCTLR2_EL1", isRead: false));
        // No group traps SCTLR2_EL1's reads or LORN_EL1 at all: the dispatch has no row for them.
        Assert.Equal(("Unhandled", "Unhandled"), (Dispatch(fine, "SCTLR2_EL1", isRead: true), Dispatch(fine, "LORN_EL1", isRead: true)));
        Assert.Equal("Handled", Dispatch(fine, "SCTLR_EL1", isRead: false));
    }

    public static TheoryData<string, string, int> IdSpaces => new()
    {
        { "Msr", "ID_AA64PFR0_EL1", ReservedIdSpace.Aarch64.Count },
        { "Mcr", "ID_PFR0", ReservedIdSpace.Aarch32.Count },
    };

    [Theory]
    [MemberData(nameof(IdSpaces))]
    public void A_tid3_group_with_others_raz_wi_makes_every_id_register_and_the_reserved_id_space_read_as_zero(string className, string named, int reserved)
    {
        var kind = TrapClasses.Named(className)!;
        const string IdSpace = "version: 1\ntrap_groups:\n  - name: TID3\n    others: raz-wi\nregisters: []\n";
        Assert.Empty(CatalogueLoader.Load(IdSpace).Diagnostics);
        var dispatcher = CompiledDispatcher.Of(IdSpace);
        var reads = ArchitecturalTraps.CoveredBy(TrapControls.TID3).Where(c => c.TrapClass == kind).ToList();

        Assert.Contains(reads, c => c.Name == named);
        Assert.True(reserved > 0);
        Assert.Equal(reserved, reads.Count(c => ReservedIdSpace.Contains(c.TrapClass, c.Key)));
        foreach (var covered in reads)
        {
            dispatcher.X[3] = 0xDEAD_BEEF;
            Assert.Equal(("Handled", 0UL), (dispatcher.Dispatch(CompiledDispatcher.Syndrome(covered.TrapClass, covered.Key, isRead: true)), dispatcher.X[3]));
        }
    }
}
