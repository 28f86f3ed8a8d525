using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// Where QEMU 7.2's models keep other bits of a written EL1 register than the CPU the Arm ARM describes, as the
/// write probe (<see cref="WriteProbe"/>) found them on every model, each with its reason from QEMU's source
/// (target/arm/helper.c). Two kinds, both the same on every model:
/// <list type="bullet">
/// <item>QEMU stores bits it gives no meaning to: a field of a feature the model lacks, or a RES0 bit, reads back
/// as written. The Arm ARM leaves it to the implementation whether a RES0 bit of a read-write register is
/// fixed at 0 or stores what is written; TrapGen models the fixed 0, as the Cortex-A TRMs describe their
/// reserved bits. Only where QEMU masks a register itself (SCTLR_EL1's MTE fields without MTE, VBAR_EL1 [4:0],
/// CSSELR_EL1, AFSR0/1_EL1 and AMAIR_EL1, which it makes RAZ/WI) does it agree, and the test holds it to that.</item>
/// <item>QEMU never sets a RES1 bit: SCTLR_EL1's fields that were RES1 in Armv8.0 read back 0 after a write of 0
/// on a CPU without their feature. TrapGen reads them as 1.</item>
/// </list>
/// A field TrapGen keeps that QEMU's model clears, or a RES1 field QEMU sets, is a disagreement, never a departure.
/// </summary>
internal static class WriteMaskDepartures
{
    /// <summary>The registers whose writes QEMU 7.2 stores without masking what its model lacks, with how.</summary>
    private static readonly Dictionary<string, string> StoresReserved = new(System.StringComparer.Ordinal)
    {
        ["SCTLR_EL1"] = "QEMU's sctlr_write clears only the MTE fields without MTE and stores every other bit (its comment: \"Lots of these bits are not implemented\")",
        ["TCR_EL1"] = "QEMU stores the whole TCR_EL1 written, whatever its model implements",
        ["TTBR0_EL1"] = "QEMU stores the whole TTBR written: CnP without FEAT_TTCNP",
        ["TTBR1_EL1"] = "QEMU stores the whole TTBR written: CnP without FEAT_TTCNP",
        ["CONTEXTIDR_EL1"] = "QEMU stores all 64 bits of CONTEXTIDR_EL1; the Arm ARM has [63:32] RES0",
        ["ESR_EL1"] = "QEMU keeps ESR_EL1 as a plain 64-bit value: ISS2 without FEAT_LS64 and [63:56] RES0 are stored",
        ["CPACR_EL1"] = "QEMU stores every bit of an Armv8 CPACR_EL1 written, whatever its model implements",
        ["CNTKCTL_EL1"] = "QEMU keeps CNTKCTL_EL1 as a plain 64-bit value",
        ["VBAR_EL1"] = "QEMU's vbar_write clears bits [4:0]; the Arm ARM has [10:0] RES0",
    };

    /// <summary>SCTLR_EL1's fields that are RES1 without their feature, which QEMU does not set.</summary>
    private static readonly HashSet<string> UnsetRes1 = new(System.StringComparer.Ordinal) { "EOS", "EIS", "SPAN", "TSCXT", "nTLSMD", "LSMAOE", "ITD", "SED" };

    /// <summary>Gets why QEMU reads <paramref name="field"/> of <paramref name="register"/> otherwise than TrapGen's <paramref name="model"/>, or null.</summary>
    /// <param name="model">The CPU model.</param>
    /// <param name="register">The register written.</param>
    /// <param name="field">A field of register-write-masks.table, or "bit n" for a bit no row names.</param>
    /// <param name="qemuReadsOne">Whether QEMU read the bit as 1 (and TrapGen as 0).</param>
    public static string? Why(CpuModel model, string register, string field, bool qemuReadsOne)
    {
        var row = WriteMasks.Of(register).FirstOrDefault(r => r.Field.Name == field);
        var present = row is not null && model.Satisfies(row.Condition);
        if (qemuReadsOne)
        {
            // Only a bit TrapGen's model lacks (a RES0 bit, or a field of an absent feature) can be QEMU's storage.
            return !present && (row is null || row.Absence == FieldAbsence.Res0) && StoresReserved.TryGetValue(register, out var why) ? why : null;
        }

        return register == "SCTLR_EL1" && row is { Absence: FieldAbsence.Res1 } && !present && UnsetRes1.Contains(field)
            ? "QEMU does not set SCTLR_EL1's RES1 bits: " + field + " reads 0 on a CPU without " + row.Condition
            : null;
    }
}
