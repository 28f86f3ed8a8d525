using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The ID register space's encodings the tables name no register for: reserved ID registers. AArch64:
/// op0 3, op1 0, CRn 0, CRm 1–7. AArch32: cp15 MCR/MRC opc1 0, CRn c0, CRm c3–c7 (the Arm ARM's
/// AArch32 ID register space: reserved, RAZ). A read returns zero, a write is UNDEFINED (the
/// space is read-only), and HCR_EL2.TID3 traps the reads as it traps the named ID registers: its rows of
/// Tables/range-traps.table (<see cref="RangeTraps"/>; QEMU's cortex-a57 traps them, in both Execution states, and
/// KVM treats them as ID_UNALLOCATED, read as zero).
/// </summary>
public static class ReservedIdSpace
{
    /// <summary>Every reserved AArch64 encoding, in encoding order.</summary>
    public static IReadOnlyList<Aarch64Encoding> Aarch64 { get; } =
    [
        .. from crm in Enumerable.Range(1, 7)
           from op2 in Enumerable.Range(0, 8)
           let encoding = new Aarch64Encoding(3, 0, 0, crm, op2)
           where Aarch64Registers.FirstAt(encoding) is null
           select encoding,
    ];

    /// <summary>Every reserved AArch32 encoding (cp15, MCR/MRC), in encoding order.</summary>
    public static IReadOnlyList<Aarch32Encoding> Aarch32 { get; } =
    [
        .. from crm in Enumerable.Range(3, 5)
           from opc2 in Enumerable.Range(0, 8)
           let encoding = Aarch32Encoding.Cp15(AccessForm.Mcr, 0, 0, crm, opc2)
           where !Aarch32Registers.TryFind(encoding, out _)
           select encoding,
    ];

    private static readonly HashSet<uint> Aarch64Keys = [.. Aarch64.Select(e => e.Key)];

    private static readonly HashSet<uint> Aarch32Keys = [.. Aarch32.Select(e => e.Key)];

    /// <summary>Gets whether the access of <paramref name="trapClass"/> with ISS key <paramref name="key"/> is a reserved ID register.</summary>
    public static bool Contains(TrapClass trapClass, uint key) =>
        trapClass == TrapClasses.Msr ? Aarch64Keys.Contains(key) : trapClass == TrapClasses.Mcr && Aarch32Keys.Contains(key);
}
