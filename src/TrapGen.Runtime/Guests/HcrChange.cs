namespace TrapGen.Runtime.Guests;

/// <summary>HCR_EL2 before and after a step, and why it changed.</summary>
/// <param name="Before">HCR_EL2 before the step.</param>
/// <param name="After">HCR_EL2 after the step.</param>
/// <param name="Cause">Why it changed.</param>
public readonly record struct HcrChange(ulong Before, ulong After, HcrChangeCause Cause)
{
    /// <summary>Gets the bits the step set.</summary>
    public ulong Set => After & ~Before;

    /// <summary>Gets the bits the step cleared.</summary>
    public ulong Cleared => Before & ~After;

    /// <summary>A step that leaves HCR_EL2 at <paramref name="value"/>.</summary>
    public static HcrChange Unchanged(ulong value) => new(value, value, HcrChangeCause.None);
}
