using TrapGen.Runtime.Timer;

namespace TrapGen.Runtime.Cpu;

/// <summary>
/// A virtual CPU: general-purpose registers, PC, condition flags, its execution state, its saved EL1
/// system registers and its timer.
/// </summary>
public sealed class Vcpu
{
    /// <summary>Creates a vCPU that runs in <paramref name="state"/>.</summary>
    public Vcpu(int id, ExecutionState state)
    {
        Id = id;
        ExecutionState = state;
    }

    /// <summary>Gets the vCPU's number within its domain.</summary>
    public int Id { get; }

    /// <summary>Gets the execution state its EL1 runs in.</summary>
    public ExecutionState ExecutionState { get; }

    /// <summary>Gets the general-purpose registers.</summary>
    public GeneralPurposeRegisters Registers { get; } = new();

    /// <summary>Gets or sets the program counter.</summary>
    public ulong Pc { get; set; }

    /// <summary>Gets or sets whether an AArch32 vCPU executes T32 (PSTATE.T): a literal LDC then reads its PC plus 4, not plus 8.</summary>
    public bool Thumb { get; set; }

    /// <summary>Gets or sets the condition flags (PSTATE.NZCV / CPSR[31:28]).</summary>
    public ConditionFlags Flags { get; set; }

    /// <summary>Gets or sets PSTATE.IT: the T32 IT block the next instruction is in, if any (<see cref="ItState.None"/> outside one, and always in A32 and A64).</summary>
    public ItState It { get; set; }

    /// <summary>Gets the EL1 system registers, saved here while the vCPU is not running.</summary>
    public SystemRegisterFile SavedSystemRegisters { get; } = new();

    /// <summary>
    /// Gets the values of system registers the live register file does not hold, written by accesses
    /// that did not trap, keyed by trap class and register key. Part of the vCPU, so nothing leaks between vCPUs.
    /// </summary>
    public System.Collections.Generic.Dictionary<ulong, ulong> OtherSystemRegisters { get; } = [];

    /// <summary>Gets the page VNCR_EL2 points at for this vCPU: where HCR_EL2.NV2 sends its EL1 accesses of nv2-memory.table's registers.</summary>
    public NestedPage NestedPage { get; } = new();

    /// <summary>Gets the guest memory the vCPU's LDC and STC load from and store to.</summary>
    public GuestMemory Memory { get; } = new();

    /// <summary>Gets the vCPU's timer.</summary>
    public VirtualTimer Timer { get; } = new();

    /// <summary>Gets the vCPU's OS Lock, as the hypervisor emulates it (OSLAR_EL1 and OSLSR_EL1 under MDCR_EL2.TDOSA).</summary>
    public OsLock OsLock { get; } = new();

    /// <summary>
    /// Gets how many times a trapped set/way cache operation made the hypervisor clean this guest's whole
    /// memory (KVM's kvm_set_way_flush): once per run of set/way operations, until the next MMU enable.
    /// </summary>
    public int GuestMemoryCleans { get; internal set; }

    /// <summary>Gets how many UNDEFINED exceptions the hypervisor injected.</summary>
    public int UndefinedExceptions { get; private set; }

    /// <summary>Gets the PC of the last instruction an UNDEFINED exception was injected for.</summary>
    public ulong LastUndefinedPc { get; private set; }

    /// <summary>
    /// Gets the SPSR the last injected UNDEFINED exception saved, in the bits the vCPU models: N, Z, C and V
    /// ([31:28]), and for an AArch32 vCPU PSTATE.IT (IT[1:0] in [26:25], IT[7:2] in [15:10]) and T (bit 5). The mode and
    /// the interrupt masks are not modelled and read as 0.
    /// </summary>
    public uint LastUndefinedSpsr { get; private set; }

    /// <summary>
    /// Injects an UNDEFINED exception for the instruction at the PC; the PC is not advanced. As on exception entry, the
    /// SPSR (<see cref="LastUndefinedSpsr"/>) keeps PSTATE.IT and PSTATE.IT is cleared: the guest's handler runs outside any IT block.
    /// </summary>
    public void InjectUndefined()
    {
        UndefinedExceptions++;
        LastUndefinedPc = Pc;
        LastUndefinedSpsr = Flags.Cpsr | (ExecutionState == ExecutionState.Aarch32 ? It.SpsrBits | (Thumb ? ThumbBit : 0) : 0);
        It = ItState.None;
    }

    /// <summary>
    /// Moves past the instruction at the PC, of <paramref name="size"/> bytes, as if it had executed: the PC advances and so
    /// does PSTATE.IT (AArch32.ITAdvance()), as a hypervisor's advance past a trapped instruction must (KVM's
    /// kvm_skip_instr32 and kvm_adjust_itstate, Xen's advance_pc) so that the rest of an IT block keeps its conditions.
    /// </summary>
    public void Skip(ulong size)
    {
        Pc += size;
        It = It.Advance();
    }

    /// <summary>CPSR.T, bit 5: T32 state.</summary>
    private const uint ThumbBit = 1u << 5;
}
