namespace TrapGen.Runtime.Emulation;

/// <summary>How the emulated CPU executed one instruction.</summary>
public enum ExecutionKind
{
    /// <summary>The access trapped to the hypervisor; see the trap outcome.</summary>
    Trapped,

    /// <summary>The access did not trap and went straight to the EL1 registers.</summary>
    Direct,

    /// <summary>
    /// The access did not trap and went to memory instead of a register: HCR_EL2.NV2 (FEAT_NV2) turns an EL1 access to a
    /// register of nv2-memory.table into a load or store at VNCR_EL2 plus its offset, the vCPU's <see cref="Cpu.Vcpu.NestedPage"/>.
    /// </summary>
    NestedMemory,

    /// <summary>
    /// The access did not trap and reached an EL1 register instead of the EL2 register it names: HCR_EL2.NV2 (FEAT_NV2) redirects
    /// an EL1 access to ESR_EL2, FAR_EL2, ELR_EL2, SPSR_EL2 or TFSR_EL2 to its EL1 register (nv2-redirections.table).
    /// </summary>
    Redirected,

    /// <summary>An AArch32 instruction that did not trap failed its condition and did nothing (in an IT block, any T32 instruction but IT; its Esr is 0 when it is no access the CPU decodes).</summary>
    ConditionFailed,

    /// <summary>The access is UNDEFINED at EL1 (unallocated, EL2 or EL3 state, the wrong direction, or an UNPREDICTABLE form) and did not reach the hypervisor.</summary>
    UndefinedAtEl1,

    /// <summary>
    /// The access was taken to EL1 as a trapped MSR/MRS (EC 0x18, the syndrome in Esr) without reaching the
    /// hypervisor: FEAT_IDST reports an unimplemented encoding of the ID space so, rather than as UNDEFINED.
    /// </summary>
    TrappedToEl1,

    /// <summary>
    /// The instruction neither trapped nor was UNDEFINED, and what it does next is beyond the machine, so nothing changed, not
    /// even the PC, and the caller refuses the step: a 64-byte load or store (LD64B, ST64B, ST64BV, ST64BV0), whose memory
    /// locations are IMPLEMENTATION DEFINED (a device's), which the machine has none of; or an ERET, ERETAA or ERETAB that
    /// returns anywhere but EL1 in AArch64 (SPSR_EL1.M other than EL1t or EL1h), or an ERETAA or ERETAB whose key SCTLR_EL1
    /// enables (authenticating ELR_EL1 is not modelled); or a GCSSTR or GCSSTTR that does not trap, which would write Guarded
    /// Control Stack memory.
    /// </summary>
    NotModelled,

    /// <summary>The word is no instruction the CPU models (a system-register, cp14 or VMRS move, a System instruction, an SMC); the emulated CPU skips it.</summary>
    NotASystemRegisterAccess,
}
