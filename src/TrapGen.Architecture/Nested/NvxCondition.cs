namespace TrapGen.Architecture;

/// <summary>
/// A test of the Effective HCR_EL2.&lt;NV2,NV1,NV&gt; (the pseudocode's EffectiveHCR_EL2_NVx()) that needs NV2: where an EL1
/// access goes to memory (nv2-memory.table's nvx column), or when a rule that traps only under FEAT_NV2 applies (a register
/// row's <c>CONTROL@101:rw</c>: CNTHCTL_EL2.EL1NVPCT). With NV2 0 none of them holds.
/// </summary>
public enum NvxCondition
{
    /// <summary><c>IN {'111'}</c>: NV2, NV1 and NV set; an EL1 register's own name reaches memory (a guest hypervisor without VHE).</summary>
    Nvx111,

    /// <summary><c>== '101'</c>: NV2 and NV set, NV1 clear; an EL12 or EL02 name reaches memory (a guest hypervisor with VHE).</summary>
    Nvx101,

    /// <summary><c>IN {'1x1'}</c>: NV2 and NV set, whatever NV1; an EL2 register, or an EL1 register both share.</summary>
    Nvx1x1,
}
