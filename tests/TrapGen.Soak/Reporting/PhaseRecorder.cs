using System;
using System.Diagnostics;

namespace TrapGen.Soak.Reporting;

/// <summary>Times a phase, samples its memory and counts the findings made while it ran.</summary>
internal sealed class PhaseRecorder(string phase, FindingLog findings)
{
    private readonly long crashesBefore = findings.Crashes;
    private readonly long failuresBefore = findings.Failures;
    private readonly Stopwatch watch = Stopwatch.StartNew();

    /// <summary>The phase's memory samples.</summary>
    public MemoryProbe Memory { get; } = new();

    /// <summary>Time since the phase started.</summary>
    public TimeSpan Elapsed => watch.Elapsed;

    /// <summary>The phase's figures, with <paramref name="notes"/>.</summary>
    public PhaseFigures Finish(long inputs, string notes)
    {
        Memory.Sample();
        return new PhaseFigures(
            phase, inputs, findings.Crashes - crashesBefore, findings.Failures - failuresBefore, watch.Elapsed,
            MemoryProbe.PeakWorkingSet(), Memory.PeakHeap, notes);
    }
}
