using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The AArch64 ID register space, op0 3, op1 0, CRn 0, CRm 1–7: encodings the table names no register
/// for are reserved ID registers. A read returns zero, a write is UNDEFINED (the space is read-only),
/// and HCR_EL2.TID3 traps the reads as it traps the named ID registers (Arm ARM HCR_EL2.TID3: required
/// with FEAT_FGT, IMPLEMENTATION DEFINED without; QEMU's cortex-a57 traps them, and KVM treats them as
/// ID_UNALLOCATED, read as zero).
/// </summary>
public static class ReservedIdSpace
{
    /// <summary>Every reserved encoding, in encoding order.</summary>
    public static IReadOnlyList<Aarch64Encoding> All { get; } =
    [
        .. from crm in Enumerable.Range(1, 7)
           from op2 in Enumerable.Range(0, 8)
           let encoding = new Aarch64Encoding(3, 0, 0, crm, op2)
           where Aarch64Registers.FirstAt(encoding) is null
           select encoding,
    ];

    private static readonly HashSet<uint> Keys = [.. All.Select(TrapClasses.Key)];

    /// <summary>Gets whether the AArch64 access with ISS key <paramref name="key"/> is a reserved ID register.</summary>
    public static bool Contains(uint key) => Keys.Contains(key);
}
