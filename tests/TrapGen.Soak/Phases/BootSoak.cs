using System.IO;
using TrapGen.Soak.Reporting;

namespace TrapGen.Soak.Phases;

/// <summary>
/// <c>trapgen boot</c> again and again in one process: every run must exit 0 and print exactly what the
/// first printed, and the managed heap must not grow with the number of runs.
/// </summary>
internal sealed class BootSoak(FindingLog findings, TextWriter progress)
{
    private const string Phase = "boot";

    public PhaseFigures Run(int loops)
    {
        var recorder = new PhaseRecorder(Phase, findings);
        string? first = null;
        long heapAfterWarmUp = 0;
        for (var loop = 0; loop < loops; loop++)
        {
            var call = CliCall.Run(string.Empty, "boot");
            if (call.Crash is not null)
            {
                findings.Crash(Phase, loop, call.Crash, string.Empty);
            }
            else if (call.ExitCode != 0)
            {
                findings.Failure(Phase, loop, "boot exited " + call.ExitCode + ": " + call.Error, string.Empty);
            }
            else if (first is null)
            {
                first = call.Output;
            }
            else if (call.Output != first)
            {
                findings.Failure(Phase, loop, "boot printed something other than the first run did", call.Output);
            }

            if (loop % 100 == 0)
            {
                recorder.Memory.Sample();
            }

            if (loop == 1_000)
            {
                heapAfterWarmUp = System.GC.GetTotalMemory(forceFullCollection: true);
            }

            if ((loop + 1) % 2_500 == 0)
            {
                progress.WriteLine("  boot: " + (loop + 1) + " of " + loops + " runs");
            }
        }

        var heapAtEnd = System.GC.GetTotalMemory(forceFullCollection: true);
        var growth = loops > 1_000 ? "; managed heap after a full collection " + Mebibytes(heapAfterWarmUp) + " at run 1,000, " + Mebibytes(heapAtEnd) + " at the end" : string.Empty;
        return recorder.Finish(
            loops,
            "the first run printed " + (first?.Split('\n').Length ?? 0) + " lines" + growth);
    }

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " MiB";
}
