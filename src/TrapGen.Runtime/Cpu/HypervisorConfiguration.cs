using TrapGen.Architecture;

namespace TrapGen.Runtime.Cpu;

/// <summary>HCR_EL2, the hypervisor configuration register. Bit positions come from <see cref="HcrEl2"/>.</summary>
public sealed class HypervisorConfiguration
{
    /// <summary>Gets or sets the whole register.</summary>
    public ulong Value { get; set; }

    /// <summary>Gets or sets DC: guest accesses are cacheable while its MMU is off.</summary>
    public bool DefaultCacheable
    {
        get => IsSet(HcrEl2.DC);
        set => Set(HcrEl2.DC, value);
    }

    /// <summary>Gets or sets TVM: writes of the virtual memory controls trap.</summary>
    public bool TrapVirtualMemoryWrites
    {
        get => IsSet(TrapControls.TVM.Bit);
        set => Set(TrapControls.TVM.Bit, value);
    }

    /// <summary>Gets or sets TRVM: reads of the virtual memory controls trap.</summary>
    public bool TrapVirtualMemoryReads
    {
        get => IsSet(TrapControls.TRVM.Bit);
        set => Set(TrapControls.TRVM.Bit, value);
    }

    /// <summary>Gets or sets RW: EL1 is AArch64.</summary>
    public bool El1IsAarch64
    {
        get => IsSet(HcrEl2.RW);
        set => Set(HcrEl2.RW, value);
    }

    private bool IsSet(int bit) => ((Value >> bit) & 1) != 0;

    private void Set(int bit, bool value) => Value = value ? Value | (1UL << bit) : Value & ~(1UL << bit);
}
