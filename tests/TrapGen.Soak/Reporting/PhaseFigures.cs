using System;

namespace TrapGen.Soak.Reporting;

/// <summary>What one soak phase tried and what it found.</summary>
/// <param name="Phase">The phase's name.</param>
/// <param name="Inputs">How many inputs it tried.</param>
/// <param name="Crashes">Inputs that ended in an exception, TG9999 or an internal-error exit.</param>
/// <param name="Failures">Inputs that broke a promise without crashing (a diagnostic without a position, output that differs, text that does not round-trip).</param>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="PeakWorkingSet">The process's peak working set when the phase ended, in bytes (it includes earlier phases).</param>
/// <param name="PeakManagedHeap">The largest managed heap sampled during the phase, in bytes.</param>
/// <param name="Notes">Phase-specific counts, for the report.</param>
internal sealed record PhaseFigures(
    string Phase,
    long Inputs,
    long Crashes,
    long Failures,
    TimeSpan Elapsed,
    long PeakWorkingSet,
    long PeakManagedHeap,
    string Notes);
