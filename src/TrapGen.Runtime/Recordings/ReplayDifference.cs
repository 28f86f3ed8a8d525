using System.Globalization;

namespace TrapGen.Runtime.Recordings;

/// <summary>A way TrapGen's replay of a recorded trap differs from what the CPU did.</summary>
/// <param name="Index">The trap's position in the recording (0 the first).</param>
/// <param name="Pc">The trapped instruction's address in the guest.</param>
/// <param name="What">What differs: the decision, the syndrome, the value, HCR_EL2.</param>
/// <param name="Recorded">The CPU's side, as the monitor recorded it.</param>
/// <param name="Replayed">TrapGen's side.</param>
public sealed record ReplayDifference(int Index, ulong Pc, string What, string Recorded, string Replayed)
{
    /// <summary>One line: the trap, its PC, what differs and both sides.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"trap {Index} at pc 0x{Pc:x}: {What}: recorded {Recorded}, replayed {Replayed}");
}
