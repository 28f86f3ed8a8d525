namespace TrapGen.Architecture;

/// <summary>
/// A register an EL1 access reaches in memory under FEAT_NV2 (a row of Tables/nv2-memory.table): with HCR_EL2.NV2 and NV
/// set, and NV1 as <see cref="Condition"/> says, an MRS or MSR of it reads or writes the 64 bits at VNCR_EL2.BADDR plus
/// <see cref="Offset"/> (the pseudocode's NVMem[offset]), and an MRRS or MSRR the 128 bits there (NVMem128[offset]).
/// </summary>
/// <param name="Register">The register the accessor names.</param>
/// <param name="Offset">Its offset in the page VNCR_EL2 names: Offset&lt;11:0&gt;, 8-byte aligned.</param>
/// <param name="Condition">The Effective HCR_EL2.&lt;NV2,NV1,NV&gt; under which the access goes to memory.</param>
/// <param name="Section">The Arm ARM sections of its accessors.</param>
public sealed record Nv2MemoryAccess(Aarch64Register Register, int Offset, NvxCondition Condition, string Section)
{
    /// <summary>Gets the register's name.</summary>
    public string Name => Register.Name;

    /// <summary>
    /// Gets whether an EL1 access goes to memory under <paramref name="nvx"/>, the Effective HCR_EL2.&lt;NV2,NV1,NV&gt;
    /// (<see cref="NestedVirtualisation.EffectiveNvx"/>). Allocates nothing.
    /// </summary>
    public bool AppliesUnder(int nvx) => Condition.Holds(nvx);
}
