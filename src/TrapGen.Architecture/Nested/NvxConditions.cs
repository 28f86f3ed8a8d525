namespace TrapGen.Architecture;

/// <summary>What an <see cref="NvxCondition"/> says of an Effective HCR_EL2.&lt;NV2,NV1,NV&gt;.</summary>
public static class NvxConditions
{
    /// <summary>
    /// Gets whether <paramref name="condition"/> holds under <paramref name="nvx"/>, the Effective HCR_EL2.&lt;NV2,NV1,NV&gt; as
    /// a 3-bit number (<see cref="NestedVirtualisation.EffectiveNvx"/>). Allocates nothing.
    /// </summary>
    public static bool Holds(this NvxCondition condition, int nvx) => condition switch
    {
        NvxCondition.Nvx111 => nvx == 0b111,
        NvxCondition.Nvx101 => nvx == 0b101,
        _ => (nvx & 0b101) == 0b101,
    };

    /// <summary>Gets the pattern as the pseudocode and the tables write it: <c>111</c>, <c>101</c> or <c>1x1</c>.</summary>
    public static string Pattern(this NvxCondition condition) => condition switch
    {
        NvxCondition.Nvx111 => "111",
        NvxCondition.Nvx101 => "101",
        _ => "1x1",
    };
}
