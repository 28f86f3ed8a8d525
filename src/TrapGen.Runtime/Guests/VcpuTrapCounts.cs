namespace TrapGen.Runtime.Guests;

/// <summary>What one vCPU's accesses did.</summary>
/// <param name="TrapsBeforeMmu">Traps while the guest's MMU was off.</param>
/// <param name="TrapsAfterMmu">Traps with the MMU on.</param>
/// <param name="Direct">Accesses that did not trap and reached the EL1 registers (or the firmware) directly.</param>
public readonly record struct VcpuTrapCounts(int TrapsBeforeMmu, int TrapsAfterMmu, int Direct);
