using System.Collections.Generic;

namespace TrapGen.Runtime.Recordings;

/// <summary>What replaying a recording through TrapGen found.</summary>
/// <param name="Traps">The recorded traps replayed (every one but the calls).</param>
/// <param name="Calls">The recorded HVCs, calls to the monitor (PSCI) rather than traps of an access: not replayed.</param>
/// <param name="RecordedDrop">The index of the trap after which the CPU's HCR_EL2.DC and TVM were clear, or null when they never dropped.</param>
/// <param name="ReplayedDrop">The index of the trap after which TrapGen cleared them (update_sctlr), or null.</param>
/// <param name="Differences">Every difference, in recording order; empty when TrapGen did exactly what the CPU did.</param>
public sealed record ReplayReport(int Traps, int Calls, int? RecordedDrop, int? ReplayedDrop, IReadOnlyList<ReplayDifference> Differences)
{
    /// <summary>Gets how many of the replayed traps came while the guest's MMU was off (SCTLR.M clear in TrapGen's replay).</summary>
    public int TrapsBeforeMmu { get; init; }

    /// <summary>Gets how many replayed traps came with the guest's MMU on.</summary>
    public int TrapsAfterMmu => Traps - TrapsBeforeMmu;

    /// <summary>Gets how many replayed traps each trap control took in TrapGen (HCR_EL2.TID2, ...), in the order each first trapped.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> TrapsPerControl { get; init; } = [];
}
