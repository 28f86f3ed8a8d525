using TrapGen.Architecture;

namespace TrapGen.Runtime.Cpu;

/// <summary>
/// The 4KB page VNCR_EL2 points at for a vCPU (FEAT_NV2): where the EL1 accesses HCR_EL2.NV2 turns into memory accesses
/// read and write (nv2-memory.table; <see cref="Nv2Memory"/>), as KVM gives each vCPU one. The hypervisor owns it: the
/// guest's hypervisor at EL1 reaches it only through those accesses, and the host reads and fills it directly. Its
/// address, VNCR_EL2.BADDR, is the host's choice and does not change what the accesses do, so the page is kept by
/// doubleword. Every doubleword reads 0 until written. Allocation-free after construction.
/// </summary>
public sealed class NestedPage
{
    private readonly ulong[] doublewords = new ulong[Nv2Memory.PageDoublewords];

    /// <summary>Gets the 64 bits at <paramref name="offset"/> (Offset&lt;11:0&gt;, 8-byte aligned; other bits are ignored), as NVMem[offset] reads them.</summary>
    public ulong Read(int offset) => doublewords[Index(offset)];

    /// <summary>Stores <paramref name="value"/> at <paramref name="offset"/>, as NVMem[offset] = value writes it.</summary>
    public void Write(int offset, ulong value) => doublewords[Index(offset)] = value;

    private static int Index(int offset) => (offset & 0xFF8) >> 3;
}
