namespace TrapGen.Architecture;

/// <summary>
/// HCR_EL2's nested-virtualisation bits as the CPU sees them (D24.2.62): the pseudocode's EffectiveHCR_EL2_NVx(), which
/// every accessor of a register FEAT_NV or FEAT_NV2 changes tests.
/// </summary>
public static class NestedVirtualisation
{
    /// <summary>The feature that gives HCR_EL2.NV and NV1.</summary>
    public const string Feature = "FEAT_NV";

    /// <summary>The feature that gives HCR_EL2.NV2 and VNCR_EL2.</summary>
    public const string MemoryFeature = "FEAT_NV2";

    /// <summary>
    /// Gets the Effective HCR_EL2.&lt;NV2,NV1,NV&gt; of <paramref name="hcr"/> on <paramref name="model"/> (every feature when
    /// null), as a 3-bit number (0b101 is NV2 and NV): each bit is 0 on a CPU without its feature; NV2 is 0 while NV is
    /// (D24.2.62 NV2: "When the Effective value of HCR_EL2.NV is 0, the Effective value of this field is 0"), and so is NV1,
    /// whose setting without NV is CONSTRAINED UNPREDICTABLE and which TrapGen takes as 0. Allocates nothing.
    /// </summary>
    public static int EffectiveNvx(ulong hcr, CpuModel? model)
    {
        if (Layouts.HcrEl2Nested.NV.Extract(hcr) == 0 || (model is not null && !model.Has(Feature)))
        {
            return 0;
        }

        var nv1 = (int)Layouts.HcrEl2Nested.NV1.Extract(hcr);
        var nv2 = model is null || model.Has(MemoryFeature) ? (int)Layouts.HcrEl2Nested.NV2.Extract(hcr) : 0;
        return (nv2 << 2) | (nv1 << 1) | 1;
    }
}
