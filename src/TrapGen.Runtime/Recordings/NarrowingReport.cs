using System.Collections.Generic;

namespace TrapGen.Runtime.Recordings;

/// <summary>
/// What replaying a recording made under a wider policy found under a narrower one (<see cref="RecordingReplay.Narrow"/>):
/// which recorded accesses TrapGen still traps, as the narrower policy's recording would hold them, and how many it ran
/// directly.
/// </summary>
/// <param name="Trapped">The accesses TrapGen trapped, each as a recording holds a trap: its syndrome, PC, the value it moved, HCR_EL2 before and after.</param>
/// <param name="Direct">How many recorded accesses ran directly: the narrower policy does not trap them, and that is no difference.</param>
/// <param name="Calls">The recorded HVCs, calls to the monitor: not replayed.</param>
/// <param name="Differences">Accesses that neither trapped nor ran (UNDEFINED at EL1, or a syndrome TrapGen cannot take), and trapped ones TrapGen did not handle.</param>
public sealed record NarrowingReport(IReadOnlyList<RecordedTrap> Trapped, int Direct, int Calls, IReadOnlyList<ReplayDifference> Differences);
