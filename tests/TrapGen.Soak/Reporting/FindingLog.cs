using System.Collections.Concurrent;
using System.IO;
using System.Threading;

namespace TrapGen.Soak.Reporting;

/// <summary>
/// Crashes and failures as they are found: counted, the first few printed with the seed that rebuilds
/// them, and every input written to a directory when one is given.
/// </summary>
internal sealed class FindingLog(TextWriter output, string? directory, int printLimit = 20)
{
    private readonly ConcurrentQueue<string> printed = new();
    private long crashes;
    private long failures;

    public long Crashes => Interlocked.Read(ref crashes);

    public long Failures => Interlocked.Read(ref failures);

    /// <summary>Records an input that crashed something.</summary>
    public void Crash(string phase, int seed, string what, string input) => Record(ref crashes, "CRASH", phase, seed, what, input);

    /// <summary>Records an input that broke a promise without crashing.</summary>
    public void Failure(string phase, int seed, string what, string input) => Record(ref failures, "FAIL", phase, seed, what, input);

    private void Record(ref long counter, string kind, string phase, int seed, string what, string input)
    {
        var number = Interlocked.Increment(ref counter);
        var line = kind + " " + phase + " seed " + seed + ": " + what.ReplaceLineEndings(" ");
        if (printed.Count < printLimit)
        {
            printed.Enqueue(line);
            lock (output)
            {
                output.WriteLine(line.Length > 400 ? line[..400] + "..." : line);
            }
        }

        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, phase + "-" + kind.ToLowerInvariant() + "-" + number + "-seed" + seed + ".txt"), input);
        }
    }
}
