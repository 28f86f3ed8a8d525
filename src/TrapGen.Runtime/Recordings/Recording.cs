using System.Collections.Generic;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Recordings;

/// <summary>A real guest's recording: its execution state at EL1, the policy it ran under and the traps it took, in order.</summary>
/// <param name="State">The guest's execution state at EL1.</param>
/// <param name="Controls">The trap-control registers it started under.</param>
/// <param name="Traps">The traps, in the order the guest took them.</param>
public sealed record Recording(ExecutionState State, RecordingControls Controls, IReadOnlyList<RecordedTrap> Traps);
