using System;
using System.IO;
using System.Linq;
using TrapGen.Soak.Reporting;

namespace TrapGen.Soak.Phases;

/// <summary>Runs <c>count</c> random inputs through one CLI call per batch (standard input, a value a line).</summary>
internal static class Batches
{
    /// <summary>
    /// Makes <paramref name="count"/> inputs with <paramref name="next"/> from one seeded generator and hands
    /// them to <paramref name="process"/> <paramref name="size"/> at a time, with the seed of the batch's first.
    /// </summary>
    public static void Run<T>(int count, int seed, int size, Func<Random, T> next, Action<int, T[]> process, PhaseRecorder recorder, TextWriter progress, string what)
    {
        var random = new Random(seed);
        var reportEvery = Math.Max(size, count / 10 / size * size);
        for (var done = 0; done < count; done += size)
        {
            var batch = Enumerable.Range(0, Math.Min(size, count - done)).Select(_ => next(random)).ToArray();
            process(seed + done, batch);
            recorder.Memory.Sample();
            if ((done + batch.Length) % reportEvery == 0)
            {
                progress.WriteLine("  " + (done + batch.Length) + " of " + count + " " + what);
            }
        }
    }
}
