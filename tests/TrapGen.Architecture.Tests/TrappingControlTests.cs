using Xunit;

namespace TrapGen.Architecture.Tests;

/// <summary>
/// <see cref="ArchitecturalTraps.TrappingControl(in TrapControlRegisters, TrapClass, uint, bool, CpuModel?)"/> for one access of each kind, the expected control typed from
/// the Arm ARM's description of the HCR_EL2 field (DDI 0487): TVM traps the writes of the virtual-memory
/// controls and TRVM their reads, in both Execution states; TID3 traps the reads of the ID registers, the
/// reserved ones too; TTLB traps the TLB maintenance instructions; TSC traps SMC; TIDCP traps the
/// IMPLEMENTATION DEFINED space. Each access is decided with exactly one control set, so the wrong direction,
/// the wrong class's table or the wrong control fails.
/// </summary>
public sealed class TrappingControlTests
{
    public static TheoryData<string, uint, string, bool, string?> Accesses() => new()
    {
        // MRS/MSR SCTLR_EL1: (3, 0, c1, c0, 0).
        { "Msr", Key64(3, 0, 1, 0, 0), "TVM", true, null },
        { "Msr", Key64(3, 0, 1, 0, 0), "TVM", false, "TVM" },
        { "Msr", Key64(3, 0, 1, 0, 0), "TRVM", true, "TRVM" },
        { "Msr", Key64(3, 0, 1, 0, 0), "TRVM", false, null },

        // MRS ID_AA64PFR0_EL1 (3, 0, c0, c4, 0) and the reserved S3_0_C0_C3_3: read-only, TID3 traps the reads.
        { "Msr", Key64(3, 0, 0, 4, 0), "TID3", true, "TID3" },
        { "Msr", Key64(3, 0, 0, 3, 3), "TID3", true, "TID3" },
        { "Msr", Key64(3, 0, 0, 3, 3), "TID3", false, null },

        // TLBI VMALLE1: SYS (1, 0, c8, c7, 0).
        { "Msr", Key64(1, 0, 8, 7, 0), "TTLB", false, "TTLB" },
        { "Msr", Key64(1, 0, 8, 7, 0), "TVM", false, null },

        // S3_0_C15_C0_0: op0 3, CRn c15, an IMPLEMENTATION DEFINED encoding; TIDCP traps it both ways.
        { "Msr", Key64(3, 0, 15, 0, 0), "TIDCP", true, "TIDCP" },
        { "Msr", Key64(3, 0, 15, 0, 0), "TIDCP", false, "TIDCP" },
        { "Msr", Key64(3, 0, 15, 0, 0), "TVM", false, null },

        // MRC/MCR p15, 0, c1, c0, 0 (SCTLR).
        { "Mcr", Key32(0, 1, 0, 0), "TVM", true, null },
        { "Mcr", Key32(0, 1, 0, 0), "TVM", false, "TVM" },
        { "Mcr", Key32(0, 1, 0, 0), "TRVM", true, "TRVM" },
        { "Mcr", Key32(0, 1, 0, 0), "TRVM", false, null },

        // MRC p15, 0, c0, c1, 0 (ID_PFR0) and the reserved p15, 0, c0, c7, 7.
        { "Mcr", Key32(0, 0, 1, 0), "TID3", true, "TID3" },
        { "Mcr", Key32(0, 0, 7, 7), "TID3", true, "TID3" },
        { "Mcr", Key32(0, 0, 7, 7), "TID3", false, null },

        // MCR p15, 0, c8, c7, 0 (TLBIALL).
        { "Mcr", Key32(0, 8, 7, 0), "TTLB", false, "TTLB" },

        // MRRC/MCRR p15, 0, c2 (TTBR0).
        { "Mcrr", TrapClasses.Named("Mcrr")!.Key([0, 2]), "TVM", false, "TVM" },
        { "Mcrr", TrapClasses.Named("Mcrr")!.Key([0, 2]), "TVM", true, null },
        { "Mcrr", TrapClasses.Named("Mcrr")!.Key([0, 2]), "TRVM", true, "TRVM" },

        // SMC: EC 0x17 from AArch64, 0x13 from AArch32, one instruction each.
        { "Smc64", 0u, "TSC", false, "TSC" },
        { "Smc64", 0u, "TVM", false, null },
        { "Smc32", 0u, "TSC", false, "TSC" },
    };

    [Theory]
    [MemberData(nameof(Accesses))]
    public void With_one_hcr_el2_control_set_an_access_traps_as_the_arm_arm_says(string className, uint key, string set, bool isRead, string? expected)
    {
        var control = TrapControls.Find(set)!;
        var controls = new TrapControlRegisters(control.TrapsWhenSet ? control.Mask : 0, 0, 0);

        Assert.Equal(expected, ArchitecturalTraps.TrappingControl(controls, TrapClasses.Named(className)!, key, isRead)?.Name);
    }

    private static uint Key64(int op0, int op1, int crn, int crm, int op2) => new Aarch64Encoding(op0, op1, crn, crm, op2).Key;

    private static uint Key32(int opc1, int crn, int crm, int opc2) => Aarch32Encoding.Cp15(AccessForm.Mcr, opc1, crn, crm, opc2).Key;
}
