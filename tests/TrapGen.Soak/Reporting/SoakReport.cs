using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace TrapGen.Soak.Reporting;

/// <summary>The closing table: per phase, inputs tried, crashes, failures, time and memory.</summary>
internal static class SoakReport
{
    public static void Write(TextWriter output, IReadOnlyList<PhaseFigures> figures)
    {
        output.WriteLine();
        output.WriteLine("| Phase | Inputs | Crashes | Failures | Time | Peak working set | Peak managed heap |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in figures)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {phase.Phase} | {phase.Inputs:N0} | {phase.Crashes} | {phase.Failures} | {phase.Elapsed.TotalSeconds:F1} s | {Mebibytes(phase.PeakWorkingSet)} | {Mebibytes(phase.PeakManagedHeap)} |"));
        }

        output.WriteLine();
        foreach (var phase in figures)
        {
            output.WriteLine(phase.Phase + ": " + phase.Notes);
        }
    }

    private static string Mebibytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture) + " MiB";
}
