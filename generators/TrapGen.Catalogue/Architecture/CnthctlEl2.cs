namespace TrapGen.Catalogue.Architecture;

/// <summary>
/// CNTHCTL_EL2 (with HCR_EL2.E2H = 0), the counter-timer hypervisor control (Arm ARM D24.8.2): clearing
/// its bits traps EL1 and EL0 accesses to the physical counter and timer. The seed's vtimer emulation
/// relies on these traps.
/// </summary>
public static class CnthctlEl2
{
    /// <summary>EL1PCTEN, bit 0: when 0, reads of the physical count trap.</summary>
    public const int EL1PCTEN = 0;

    /// <summary>EL1PCEN, bit 1: when 0, accesses to the physical timer registers trap.</summary>
    public const int EL1PCEN = 1;

    /// <summary>Gets the CNTHCTL_EL2 trap controls.</summary>
    public static TrapControl[] TrapControls { get; } =
    [
        new("CNTHCTL_EL2", "EL1PCTEN", EL1PCTEN, TrapsWhenSet: false, Model.AccessDirection.Read,
        [
            ArchitecturalRegister.A64("CNTPCT_EL0", 3, 3, 14, 0, 1),
            ArchitecturalRegister.Mcrr("CNTPCT", 0, 14),
        ]),
        new("CNTHCTL_EL2", "EL1PCEN", EL1PCEN, TrapsWhenSet: false, Model.AccessDirection.ReadWrite,
        [
            ArchitecturalRegister.A64("CNTP_TVAL_EL0", 3, 3, 14, 2, 0),
            ArchitecturalRegister.A64("CNTP_CTL_EL0", 3, 3, 14, 2, 1),
            ArchitecturalRegister.A64("CNTP_CVAL_EL0", 3, 3, 14, 2, 2),
            ArchitecturalRegister.Mcr("CNTP_TVAL", 0, 14, 2, 0),
            ArchitecturalRegister.Mcr("CNTP_CTL", 0, 14, 2, 1),
            ArchitecturalRegister.Mcrr("CNTP_CVAL", 2, 14),
        ]),
    ];
}
