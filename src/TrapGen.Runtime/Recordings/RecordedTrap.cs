namespace TrapGen.Runtime.Recordings;

/// <summary>
/// One trap a real guest took to an EL2 monitor on a CPU (QEMU's), as the monitor logged it: what TrapGen must
/// reproduce when it replays the recording.
/// </summary>
/// <param name="Esr">ESR_EL2 as the CPU reported it.</param>
/// <param name="Pc">ELR_EL2: the trapped instruction's address.</param>
/// <param name="Value">The value moved: written by the guest, or read for it from the CPU's register; for a call (HVC) its function id.</param>
/// <param name="HcrBefore">HCR_EL2 when the guest trapped.</param>
/// <param name="HcrAfter">HCR_EL2 when the monitor returned to the guest.</param>
public readonly record struct RecordedTrap(uint Esr, ulong Pc, ulong Value, ulong HcrBefore, ulong HcrAfter);
