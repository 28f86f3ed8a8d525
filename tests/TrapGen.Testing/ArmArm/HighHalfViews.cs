using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrapGen.Testing.ArmArm;

/// <summary>
/// The AArch32 registers that are the upper word of a 64-bit AArch64 register, written out by hand from the
/// Arm ARM (DDI 0487, Part G, each register's "Configuration" statement: "architecturally mapped to AArch64
/// register X[63:32]"), not taken from TrapGen's tables, so that a test comparing the tables (or the catalogue's
/// aliases) with it can fail. Every other 32-bit view maps to X[31:0].
/// </summary>
public static class HighHalfViews
{
    /// <summary>Gets the names of the AArch32 MCR/MRC views of X[63:32], by their Arm ARM names.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(
        [
            // EL1 and EL0: G8.2 (VMSA), G8.3 (generic), G8.4 (debug), G8.5 (PMU), G8.6 (RAS).
            "ACTLR2", // ACTLR_EL1[63:32]
            "TTBCR2", // TCR_EL1[63:32]
            "MAIR1", // MAIR_EL1[63:32]
            "NMRR", // MAIR1's encoding, its name with TTBCR.EAE 0
            "AMAIR1", // AMAIR_EL1[63:32]
            "IFAR", // FAR_EL1[63:32]; DFAR is [31:0]
            "DSPSR2", // DSPSR_EL0[63:32]
            "PMCEID2", // PMCEID0_EL0[63:32]
            "PMCEID3", // PMCEID1_EL0[63:32]
            "ERXFR2", // ERXFR_EL1[63:32]
            "ERXCTLR2", // ERXCTLR_EL1[63:32]
            "ERXADDR2", // ERXADDR_EL1[63:32]
            "ERXMISC1", // ERXMISC0_EL1[63:32]
            "ERXMISC3", // ERXMISC1_EL1[63:32]
            "ERXMISC5", // ERXMISC2_EL1[63:32]
            "ERXMISC7", // ERXMISC3_EL1[63:32]

            // EL2: G8.2 and the GIC's ICH_LRC<n> (ICH_LR<n>_EL2[63:32]).
            "HACTLR2", // ACTLR_EL2[63:32]
            "HCR2", // HCR_EL2[63:32]
            "HIFAR", // FAR_EL2[63:32]
            "HMAIR1", // MAIR_EL2[63:32]
            "HAMAIR1", // AMAIR_EL2[63:32]
            .. Numbered("ICH_LRC", 16),

            // cp14: DBGBXVR<n> is DBGBVR<n>_EL1[63:32] (context-aware breakpoints).
            .. Numbered("DBGBXVR", 16),
        ],
        System.StringComparer.Ordinal);

    private static IEnumerable<string> Numbered(string prefix, int count) =>
        Enumerable.Range(0, count).Select(n => prefix + n.ToString(CultureInfo.InvariantCulture));
}
