namespace TrapGen.Architecture;

/// <summary>
/// Which Effective HCR_EL2.&lt;NV2,NV1,NV&gt; makes an EL1 access go to memory (nv2-memory.table's nvx column): the test of
/// EffectiveHCR_EL2_NVx() its accessor's pseudocode makes before NVMem.
/// </summary>
public enum Nv2MemoryCondition
{
    /// <summary><c>IN {'111'}</c>: an EL1 register's own name, with NV1 1 (a guest hypervisor without VHE).</summary>
    El1Names,

    /// <summary><c>== '101'</c>: the EL12 or EL02 name of an EL1 or EL0 register, with NV1 0 (a guest hypervisor with VHE).</summary>
    El12Names,

    /// <summary><c>IN {'1x1'}</c>: an EL2 register, or an EL1 register the guest's hypervisor shares, whatever NV1.</summary>
    Always,
}
