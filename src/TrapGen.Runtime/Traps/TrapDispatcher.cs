using System;
using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Emulation;

namespace TrapGen.Runtime;

/// <summary>
/// The runtime's half of the generated dispatcher: where the general-purpose registers, the register
/// file, the hooks and the emulators live. The switch and the handlers are generated from registers.yaml.
/// </summary>
public sealed partial class TrapDispatcher
{
    private readonly SystemRegisterFile registers;
    private readonly HypervisorConfiguration hcr;
    private readonly ForwardedInstructions forwarded;
    private readonly CpuModel model;
    private readonly ImplementedBits implemented;
    private Vcpu current;

    /// <summary>Creates a dispatcher over the live register file, HCR_EL2 and the hardware's forwarded instructions, running <paramref name="vcpu"/>.</summary>
    internal TrapDispatcher(SystemRegisterFile registers, HypervisorConfiguration hcr, ForwardedInstructions forwarded, Vcpu vcpu, CpuModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        implemented = new ImplementedBits(model);
        ArgumentNullException.ThrowIfNull(registers);
        ArgumentNullException.ThrowIfNull(hcr);
        ArgumentNullException.ThrowIfNull(forwarded);
        ArgumentNullException.ThrowIfNull(vcpu);
        this.registers = registers;
        this.hcr = hcr;
        this.forwarded = forwarded;
        current = vcpu;
    }

    /// <summary>Gets or sets the vCPU whose registers trapped accesses read and write.</summary>
    internal Vcpu Current
    {
        get => current;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            current = value;
        }
    }

    private partial SystemRegisterFile Registers() => registers;

    /// <summary>A write the hypervisor passes through keeps what the hardware, the CPU model, implements of the register.</summary>
    partial void KeepImplemented(int slot, ref ulong value) => value = implemented.Keep(slot, value);

    /// <summary>Gets what the hardware keeps of each register's writes, by slot and by register.</summary>
    internal ImplementedBits Implemented => implemented;

    private partial ulong ReadX(int index) => current.Registers.ReadX(index);

    private partial void WriteX(int index, ulong value) => current.Registers.WriteX(index, value);

    private partial uint ReadR(int index) => current.Registers.ReadR(index);

    private partial void WriteR(int index, uint value) => current.Registers.WriteR(index, value);

    private partial uint ReadGuestWord(uint address) => current.Memory.ReadWord(address);

    private partial void WriteGuestWord(uint address, uint value) => current.Memory.WriteWord(address, value);

    private partial uint LiteralBase() => TransferRegisters.LiteralBase(current.Pc, current.Thumb ? Instructions.InstructionSet.T32 : Instructions.InstructionSet.A32);

    /// <summary>
    /// The seed's update_sctlr: HCR.DC is incompatible with the guest's MMU, and TVM was only set to
    /// catch the MMU being enabled, so both are cleared as soon as SCTLR.M is set, without waiting for a
    /// context switch.
    /// </summary>
    private partial void UpdateSctlr(ulong value)
    {
        if (Sctlr.IsMmuEnabled(value))
        {
            hcr.DefaultCacheable = false;
            hcr.TrapVirtualMemoryWrites = false;
        }
    }

    /// <summary>
    /// KVM's kvm_set_way_flush: set/way operations only make sense on the hardware's own caches, which
    /// the guest shares, so the first one of a run cleans the guest's whole memory and sets HCR_EL2.TVM.
    /// The guest's next SCTLR write then traps, and UpdateSctlr clears TVM once its MMU is on. While TVM
    /// is set, further set/way operations need no clean of their own.
    /// </summary>
    private partial void SetWayFlush(ulong value)
    {
        if (!hcr.TrapVirtualMemoryWrites)
        {
            current.GuestMemoryCleans++;
            hcr.TrapVirtualMemoryWrites = true;
        }
    }

    /// <summary>
    /// KVM's access_ccsidr: the cache CSSELR_EL1 selects (Level [3:1], InD [0]), from the hardware's
    /// hierarchy; a selection of no cache reads as zero.
    /// </summary>
    private partial ulong ReadCacheSizeId() => model.CacheSizeIdOf(registers.CSSELR_EL1) ?? 0;

    /// <summary>The catalogue's forward: the hardware performs the instruction the guest asked for.</summary>
    partial void Forward(CataloguedInstruction instruction, ulong operand) => forwarded.Perform(instruction, operand);

    private partial ulong ReadCntpCtl() => current.Timer.ReadControl();

    private partial void WriteCntpCtl(ulong value) => current.Timer.WriteControl(value);

    private partial ulong ReadCntpTval() => current.Timer.ReadTimerValue();

    private partial void WriteCntpTval(ulong value) => current.Timer.WriteTimerValue(value);

    private partial ulong ReadCntpCval() => current.Timer.CompareValue;

    private partial void WriteCntpCval(ulong value) => current.Timer.CompareValue = value;

    private partial ulong ReadCntpct() => current.Timer.Count;

    /// <summary>KVM's trap_oslsr_el1: OSLSR_EL1 from the vCPU's emulated OS Lock.</summary>
    private partial ulong ReadOsLock() => current.OsLock.Status;

    /// <summary>KVM's trap_oslar_el1: a write of OSLAR_EL1 locks or unlocks the vCPU's emulated OS Lock.</summary>
    private partial void WriteOsLock(ulong value) => current.OsLock.Write(value);
}
