namespace TrapGen.Runtime.Cpu;

/// <summary>The execution state a guest's EL1 runs in (HCR_EL2.RW).</summary>
public enum ExecutionState
{
    /// <summary>AArch64: MSR/MRS, X registers.</summary>
    Aarch64,

    /// <summary>AArch32: MCR/MRC/MCRR/MRRC to cp15, R registers, condition codes.</summary>
    Aarch32,
}
