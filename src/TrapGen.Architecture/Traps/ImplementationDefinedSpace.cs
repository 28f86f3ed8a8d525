namespace TrapGen.Architecture;

/// <summary>
/// The System register and instruction encodings the Arm ARM reserves for IMPLEMENTATION DEFINED
/// functionality: AArch64 op0 3 with CRn 11 or 15 (D23.3.2 "Reserved encodings for IMPLEMENTATION
/// DEFINED registers") and SYS/SYSL (op0 1) with CRn 11 or 15 (the IMPLEMENTATION DEFINED System
/// instructions); AArch32 cp15 CRn 9 with CRm 0–2 or 5–8, CRn 10 with CRm 0, 1, 4 or 8, CRn 11 with
/// CRm 0–8 or 15, and CRn 15, for every opc1 (G7.2.4); and cp15 MCRR/MRRC with CRm 15. cp14 and cp10 have
/// none. HCR_EL2.TIDCP traps part of it: its rows of Tables/range-traps.table (<see cref="RangeTraps"/>).
/// </summary>
public static class ImplementationDefinedSpace
{
    /// <summary>The part of the space HCR_EL2.TIDCP traps: its rows of Tables/range-traps.table, which give the encodings.</summary>
    private static readonly RangeTrap[] TrappedByTidcp = [.. RangeTraps.Of(TrapControls.TIDCP)];

    /// <summary>
    /// Gets whether the access with ISS key <paramref name="key"/> in <paramref name="trapClass"/> lies in the IMPLEMENTATION
    /// DEFINED space: TIDCP's ranges, and the two parts it does not trap, cp15 CRn c15 (HSTR_EL2.T15's) and cp15
    /// MCRR/MRRC with CRm c15. Allocates nothing.
    /// </summary>
    public static bool Contains(TrapClass trapClass, uint key)
    {
        foreach (var range in TrappedByTidcp)
        {
            if (range.Contains(trapClass, key))
            {
                return true;
            }
        }

        return (trapClass == TrapClasses.Mcr && trapClass.KeyValue(key, "CRn") == 15)
            || (trapClass == TrapClasses.Mcrr && trapClass.KeyValue(key, "CRm") == 15);
    }

    /// <summary>Gets the AArch64 encoding an MSR/MRS, SYS/SYSL or MRRS/MSRR key reaches, or null for another trap class.</summary>
    public static Aarch64Encoding? Aarch64EncodingOf(TrapClass trapClass, uint key) =>
        trapClass == TrapClasses.Msr || trapClass == TrapClasses.Sys128
            ? new Aarch64Encoding((int)trapClass.KeyValue(key, "Op0"), (int)trapClass.KeyValue(key, "Op1"), (int)trapClass.KeyValue(key, "CRn"), (int)trapClass.KeyValue(key, "CRm"), (int)trapClass.KeyValue(key, "Op2"))
            : null;

    /// <summary>Gets the cp15 encoding an MCR/MRC or MCRR/MRRC key reaches, or null for another trap class.</summary>
    public static Aarch32Encoding? Cp15EncodingOf(TrapClass trapClass, uint key) =>
        trapClass == TrapClasses.Mcr ? Aarch32Encoding.Cp15(AccessForm.Mcr, (int)trapClass.KeyValue(key, "Opc1"), (int)trapClass.KeyValue(key, "CRn"), (int)trapClass.KeyValue(key, "CRm"), (int)trapClass.KeyValue(key, "Opc2"))
        : trapClass == TrapClasses.Mcrr ? Aarch32Encoding.Cp15(AccessForm.Mcrr, (int)trapClass.KeyValue(key, "Opc1"), 0, (int)trapClass.KeyValue(key, "CRm"), 0)
        : null;
}
