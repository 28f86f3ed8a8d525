using System;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Architecture;

/// <summary>
/// HCR_EL2 bits and what its trap controls cover, from the Arm ARM (DDI 0487, D24.2.48 HCR_EL2:
/// "TVM, bit [26]: Trap Virtual Memory controls", "TRVM, bit [30]" and "TACR, bit [21]: Trap
/// Auxiliary Control Registers"). The one place these facts live:
/// the catalogue validator checks trap groups against them, and the emulated CPU decides from them
/// whether an access traps. Covers the Armv8.0 registers; FEAT_AIE, FEAT_S1PIE and FEAT_TCR2 add
/// MAIR2_EL1, AMAIR2_EL1, PIR(E0)_EL1, TCR2_EL1 and SCTLR2_EL1, which are not modelled.
/// </summary>
public static class HcrEl2
{
    /// <summary>DC, bit 12: default cacheability; stage 1 acts as if the guest's MMU were on and cacheable.</summary>
    public const int DC = 12;

    /// <summary>TACR, bit 21: traps accesses to the auxiliary control registers.</summary>
    public const int TACR = 21;

    /// <summary>TVM, bit 26: traps writes to the virtual memory controls.</summary>
    public const int TVM = 26;

    /// <summary>TRVM, bit 30: traps reads of the virtual memory controls.</summary>
    public const int TRVM = 30;

    /// <summary>RW, bit 31: EL1 is AArch64.</summary>
    public const int RW = 31;

    /// <summary>The virtual memory controls TVM and TRVM both cover.</summary>
    private static readonly ArchitecturalRegister[] VirtualMemoryControls =
    [
        ArchitecturalRegister.A64("SCTLR_EL1", 3, 0, 1, 0, 0),
        ArchitecturalRegister.A64("TTBR0_EL1", 3, 0, 2, 0, 0),
        ArchitecturalRegister.A64("TTBR1_EL1", 3, 0, 2, 0, 1),
        ArchitecturalRegister.A64("TCR_EL1", 3, 0, 2, 0, 2),
        ArchitecturalRegister.A64("AFSR0_EL1", 3, 0, 5, 1, 0),
        ArchitecturalRegister.A64("AFSR1_EL1", 3, 0, 5, 1, 1),
        ArchitecturalRegister.A64("ESR_EL1", 3, 0, 5, 2, 0),
        ArchitecturalRegister.A64("FAR_EL1", 3, 0, 6, 0, 0),
        ArchitecturalRegister.A64("MAIR_EL1", 3, 0, 10, 2, 0),
        ArchitecturalRegister.A64("AMAIR_EL1", 3, 0, 10, 3, 0),
        ArchitecturalRegister.A64("CONTEXTIDR_EL1", 3, 0, 13, 0, 1),
        ArchitecturalRegister.Mcr("SCTLR", 0, 1, 0, 0),
        ArchitecturalRegister.Mcr("TTBR0", 0, 2, 0, 0),
        ArchitecturalRegister.Mcr("TTBR1", 0, 2, 0, 1),
        ArchitecturalRegister.Mcr("TTBCR", 0, 2, 0, 2),
        ArchitecturalRegister.Mcr("TTBCR2", 0, 2, 0, 3),
        ArchitecturalRegister.Mcr("DACR", 0, 3, 0, 0),
        ArchitecturalRegister.Mcr("DFSR", 0, 5, 0, 0),
        ArchitecturalRegister.Mcr("IFSR", 0, 5, 0, 1),
        ArchitecturalRegister.Mcr("ADFSR", 0, 5, 1, 0),
        ArchitecturalRegister.Mcr("AIFSR", 0, 5, 1, 1),
        ArchitecturalRegister.Mcr("DFAR", 0, 6, 0, 0),
        ArchitecturalRegister.Mcr("IFAR", 0, 6, 0, 2),
        ArchitecturalRegister.Mcr("PRRR/MAIR0", 0, 10, 2, 0),
        ArchitecturalRegister.Mcr("NMRR/MAIR1", 0, 10, 2, 1),
        ArchitecturalRegister.Mcr("AMAIR0", 0, 10, 3, 0),
        ArchitecturalRegister.Mcr("AMAIR1", 0, 10, 3, 1),
        ArchitecturalRegister.Mcr("CONTEXTIDR", 0, 13, 0, 1),
        ArchitecturalRegister.Mcrr("TTBR0", 0, 2),
        ArchitecturalRegister.Mcrr("TTBR1", 1, 2),
    ];

    /// <summary>Gets the HCR_EL2 trap controls TrapGen knows; catalogue trap groups of these names are checked against them.</summary>
    public static TrapControl[] TrapControls { get; } =
    [
        new("HCR_EL2", "TVM", TVM, TrapsWhenSet: true, AccessDirection.Write, VirtualMemoryControls),
        new("HCR_EL2", "TRVM", TRVM, TrapsWhenSet: true, AccessDirection.Read, VirtualMemoryControls),
        new("HCR_EL2", "TACR", TACR, TrapsWhenSet: true, AccessDirection.ReadWrite,
        [
            ArchitecturalRegister.A64("ACTLR_EL1", 3, 0, 1, 0, 1),
            ArchitecturalRegister.Mcr("ACTLR", 0, 1, 0, 1),
            ArchitecturalRegister.Mcr("ACTLR2", 0, 1, 0, 3),
        ]),
    ];

    /// <summary>Gets the trap control called <paramref name="name"/>, or null when the architecture has none by that name.</summary>
    public static TrapControl? FindTrapControl(string name) =>
        Array.Find(TrapControls, control => string.Equals(control.Name, name, StringComparison.Ordinal));
}
