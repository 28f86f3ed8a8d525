namespace TrapGen.Architecture;

/// <summary>
/// The System register and instruction encodings the Arm ARM reserves for IMPLEMENTATION DEFINED
/// functionality: AArch64 op0 3 with CRn 11 or 15 (D23.3.2 "Reserved encodings for IMPLEMENTATION
/// DEFINED registers") and SYS/SYSL (op0 1) with CRn 11 or 15 (the IMPLEMENTATION DEFINED System
/// instructions); AArch32 cp15 CRn 9 with CRm 0–2 or 5–8, CRn 10 with CRm 0, 1, 4 or 8, CRn 11 with
/// CRm 0–8 or 15, and CRn 15, for every opc1 (G7.2.4); and MCRR/MRRC with CRm 15. HCR_EL2.TIDCP traps
/// part of it (<see cref="TrappedByTidcp"/>).
/// </summary>
public static class ImplementationDefinedSpace
{
    /// <summary>Gets whether the access with ISS key <paramref name="key"/> in <paramref name="kind"/> lies in the IMPLEMENTATION DEFINED space.</summary>
    public static bool Contains(TrapClassKind kind, uint key)
    {
        var iss = TrapClasses.Iss(kind);
        switch (kind)
        {
            case TrapClassKind.Msr:
                var op0 = iss.Field("Op0").Extract(key);
                var crn = iss.Field("CRn").Extract(key);
                return op0 is 1 or 3 && crn is 11 or 15;
            case TrapClassKind.Mcr:
                var n = iss.Field("CRn").Extract(key);
                var m = iss.Field("CRm").Extract(key);
                return n switch
                {
                    9 => m is <= 2 or (>= 5 and <= 8),
                    10 => m is 0 or 1 or 4 or 8,
                    11 => m is <= 8 or 15,
                    15 => true,
                    _ => false,
                };
            default:
                return iss.Field("CRm").Extract(key) == 15;
        }
    }

    /// <summary>
    /// Gets whether HCR_EL2.TIDCP traps an EL1 access with ISS key <paramref name="key"/>, in both directions
    /// (Arm ARM, HCR_EL2.TIDCP): in AArch64 every encoding of the space, MRS/MSR and SYS/SYSL alike (EC
    /// 0x18); in AArch32 the MCR/MRC encodings with CRn 9, 10 or 11 of the space, for every opc1 and opc2
    /// (EC 0x03), but neither CRn 15 nor MCRR/MRRC.
    /// </summary>
    public static bool TrappedByTidcp(TrapClassKind kind, uint key) => kind switch
    {
        TrapClassKind.Msr => Contains(kind, key),
        TrapClassKind.Mcr => TrapClasses.Iss(kind).Field("CRn").Extract(key) is 9 or 10 or 11 && Contains(kind, key),
        _ => false,
    };
}
