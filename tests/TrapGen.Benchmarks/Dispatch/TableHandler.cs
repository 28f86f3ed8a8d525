using TrapGen.Runtime;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Benchmarks.Dispatch;

/// <summary>
/// What a table-driven hypervisor (KVM's sys_reg_desc, QEMU's ARMCPRegInfo) finds by lookup: one object
/// per register form that moves the value. The lookup baselines use these; the generated dispatch
/// does the same work in its generated handlers.
/// </summary>
public abstract class TableHandler
{
    /// <summary>Handles a trapped access with syndrome <paramref name="iss"/> of <paramref name="machine"/>'s running vCPU.</summary>
    public abstract TrapResult Handle(TableMachine machine, uint iss);
}

/// <summary>The state table handlers work on: a register file indexed by <see cref="SystemRegister"/>, the vCPU and HCR_EL2.</summary>
public sealed class TableMachine
{
    /// <summary>Creates a machine with every register at its reset value.</summary>
    public TableMachine(Vcpu vcpu)
    {
        Vcpu = vcpu;
        for (var i = 0; i < SystemRegisters.All.Count; i++)
        {
            Registers[i] = SystemRegisters.All[i].ResetValue;
        }
    }

    /// <summary>The register file, as KVM keeps it: an array indexed by register.</summary>
    public ulong[] Registers { get; } = new ulong[SystemRegisters.All.Count];

    /// <summary>The running vCPU.</summary>
    public Vcpu Vcpu { get; }

    /// <summary>HCR_EL2.</summary>
    public HypervisorConfiguration Hcr { get; } = new();
}
