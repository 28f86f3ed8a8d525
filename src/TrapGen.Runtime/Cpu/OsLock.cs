namespace TrapGen.Runtime.Cpu;

/// <summary>
/// A vCPU's OS Lock, as a hypervisor emulates it while MDCR_EL2.TDOSA traps OSLAR_EL1 and OSLSR_EL1 (KVM's
/// trap_oslar_el1 and trap_oslsr_el1): a write of OSLAR_EL1 (D24.3.27) sets or clears the lock from its OSLK bit [0];
/// a read of OSLSR_EL1 (D24.3.28) reports OSLM = 0b10 (the OS Lock is implemented: OSLM[1] is bit [3], OSLM[0] bit [0]),
/// nTT = 0 and OSLK, bit [1]. The lock is set at reset, as the Arm ARM gives OSLSR_EL1.OSLK's Cold reset value
/// (KVM resets it clear instead); a guest clears it at boot (Linux's clear_os_lock writes OSLAR_EL1 = 0).
/// </summary>
public sealed class OsLock
{
    /// <summary>OSLAR_EL1.OSLK, bit [0]: the value written to the lock.</summary>
    public const int LockBit = 0;

    /// <summary>OSLSR_EL1.OSLK, bit [1]: the lock's state.</summary>
    public const int StatusLockBit = 1;

    /// <summary>OSLSR_EL1.OSLM[1], bit [3]: with OSLM[0] (bit [0]) clear, OSLM = 0b10, the OS Lock is implemented.</summary>
    public const int ImplementedBit = 3;

    /// <summary>Gets whether the OS Lock is locked: debug register accesses from an external debugger are locked out.</summary>
    public bool IsLocked { get; private set; } = true;

    /// <summary>Gets OSLSR_EL1 as a read returns it.</summary>
    public ulong Status => (1UL << ImplementedBit) | ((IsLocked ? 1UL : 0UL) << StatusLockBit);

    /// <summary>A write of OSLAR_EL1 (or its cp14 view DBGOSLAR): bit [0] locks or unlocks; the other bits are RES0 and ignored.</summary>
    public void Write(ulong value) => IsLocked = ((value >> LockBit) & 1) != 0;
}
