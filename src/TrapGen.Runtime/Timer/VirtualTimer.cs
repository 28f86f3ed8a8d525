namespace TrapGen.Runtime.Timer;

/// <summary>
/// The EL1 physical timer as the hypervisor emulates it for one vCPU: a counter the domain advances,
/// a compare value, and control bits. Implements the architectural relations between CNTPCT,
/// CNTP_CVAL, CNTP_TVAL and CNTP_CTL.ISTATUS.
/// </summary>
public sealed class VirtualTimer
{
    private ulong control;

    /// <summary>Gets or sets the physical count (CNTPCT_EL0).</summary>
    public ulong Count { get; set; }

    /// <summary>Gets or sets the compare value (CNTP_CVAL_EL0).</summary>
    public ulong CompareValue { get; set; }

    /// <summary>Gets whether the timer is enabled.</summary>
    public bool IsEnabled => ((control >> TimerControl.Enable) & 1) != 0;

    /// <summary>Gets whether the timer condition is met: enabled and the count has reached the compare value.</summary>
    public bool IsConditionMet => IsEnabled && Count >= CompareValue;

    /// <summary>Gets CNTP_CTL_EL0: ENABLE and IMASK as written, ISTATUS computed.</summary>
    public ulong ReadControl() => control | (IsConditionMet ? 1UL << TimerControl.Status : 0);

    /// <summary>Writes CNTP_CTL_EL0; ISTATUS and the RES0 bits are ignored.</summary>
    public void WriteControl(ulong value) => control = value & TimerControl.WritableBits;

    /// <summary>Reads CNTP_TVAL_EL0: (CVAL - CNTPCT)[31:0]; bits [63:32] are RES0.</summary>
    public ulong ReadTimerValue() => (uint)(CompareValue - Count);

    /// <summary>Writes CNTP_TVAL_EL0: CVAL = CNTPCT + SignExtend(value[31:0]).</summary>
    public void WriteTimerValue(ulong value) => CompareValue = Count + (ulong)(long)(int)(uint)value;

    /// <summary>Advances the counter by <paramref name="ticks"/>.</summary>
    public void Advance(ulong ticks) => Count += ticks;
}
