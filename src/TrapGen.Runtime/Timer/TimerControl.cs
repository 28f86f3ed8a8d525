namespace TrapGen.Runtime.Timer;

/// <summary>CNTP_CTL_EL0 bits (Arm ARM D24.8.13).</summary>
public static class TimerControl
{
    /// <summary>ENABLE, bit 0: the timer is enabled.</summary>
    public const int Enable = 0;

    /// <summary>IMASK, bit 1: the timer interrupt is masked.</summary>
    public const int InterruptMask = 1;

    /// <summary>ISTATUS, bit 2 (read-only): the timer condition is met.</summary>
    public const int Status = 2;

    /// <summary>The bits software can write: ENABLE and IMASK.</summary>
    public const ulong WritableBits = (1UL << Enable) | (1UL << InterruptMask);
}
