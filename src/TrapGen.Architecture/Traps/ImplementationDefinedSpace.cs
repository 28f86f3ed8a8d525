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
    /// <summary>Gets whether the access with ISS key <paramref name="key"/> in <paramref name="trapClass"/> lies in the IMPLEMENTATION DEFINED space.</summary>
    public static bool Contains(TrapClass trapClass, uint key)
    {
        if (trapClass == TrapClasses.Msr)
        {
            return trapClass.KeyValue(key, "Op0") is 1 or 3 && trapClass.KeyValue(key, "CRn") is 11 or 15;
        }

        if (trapClass == TrapClasses.Mcr)
        {
            var m = trapClass.KeyValue(key, "CRm");
            return trapClass.KeyValue(key, "CRn") switch
            {
                9 => m is <= 2 or (>= 5 and <= 8),
                10 => m is 0 or 1 or 4 or 8,
                11 => m is <= 8 or 15,
                15 => true,
                _ => false,
            };
        }

        return trapClass == TrapClasses.Mcrr && trapClass.KeyValue(key, "CRm") == 15;
    }

    /// <summary>Gets the AArch64 encoding an MSR/MRS or SYS/SYSL key reaches, or null for another trap class.</summary>
    public static Aarch64Encoding? Aarch64EncodingOf(TrapClass trapClass, uint key) =>
        trapClass == TrapClasses.Msr
            ? new Aarch64Encoding((int)trapClass.KeyValue(key, "Op0"), (int)trapClass.KeyValue(key, "Op1"), (int)trapClass.KeyValue(key, "CRn"), (int)trapClass.KeyValue(key, "CRm"), (int)trapClass.KeyValue(key, "Op2"))
            : null;

    /// <summary>Gets the cp15 encoding an MCR/MRC or MCRR/MRRC key reaches, or null for another trap class.</summary>
    public static Aarch32Encoding? Cp15EncodingOf(TrapClass trapClass, uint key) =>
        trapClass == TrapClasses.Mcr ? Aarch32Encoding.Cp15(AccessForm.Mcr, (int)trapClass.KeyValue(key, "Opc1"), (int)trapClass.KeyValue(key, "CRn"), (int)trapClass.KeyValue(key, "CRm"), (int)trapClass.KeyValue(key, "Opc2"))
        : trapClass == TrapClasses.Mcrr ? Aarch32Encoding.Cp15(AccessForm.Mcrr, (int)trapClass.KeyValue(key, "Opc1"), 0, (int)trapClass.KeyValue(key, "CRm"), 0)
        : null;
}
