using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// HSTR_EL2, the Hypervisor System Trap Register (Arm ARM D24.2.77): its T&lt;n&gt; bits (T4 and T14 are RES0), in
/// <see cref="TrapControls"/>, trap EL1's AArch32 cp15 accesses by their primary register: MCR and MRC with CRn = n
/// (EC 0x03), MCRR and MRRC with CRm = n (EC 0x04). At EL1 the trap comes before any UNDEFINED: an encoding no
/// register has traps too (AArch32.CheckCP15InstrCoarseTraps runs before the register's own decode).
/// </summary>
public static class HstrEl2
{
    /// <summary>The register's name.</summary>
    public const string Name = "HSTR_EL2";

    private static readonly TrapControl?[] ByPrimary = [.. Enumerable.Range(0, 16).Select(n => TrapControls.All.FirstOrDefault(c => c.Register == Name && c.Bit == n))];

    /// <summary>
    /// Gets the T&lt;n&gt; control that traps an access of <paramref name="trapClass"/> with ISS key <paramref name="key"/>:
    /// n is the CRn of a cp15 MCR/MRC, the CRm of a cp15 MCRR/MRRC; null for another class, or for c4 and c14.
    /// </summary>
    public static TrapControl? ControlFor(TrapClass trapClass, uint key)
    {
        if (trapClass is null || trapClass.Coprocessor != 15 || trapClass.Form is not (AccessForm.Mcr or AccessForm.Mcrr))
        {
            return null;
        }

        var primary = trapClass.KeyValue(key, trapClass.Form == AccessForm.Mcr ? "CRn" : "CRm");
        return primary < 16 ? ByPrimary[primary] : null;
    }
}
