using System;
using System.Diagnostics;
using System.Threading;

namespace TrapGen.Soak.Reporting;

/// <summary>Samples the managed heap while a phase runs and reads the process's peak working set.</summary>
internal sealed class MemoryProbe
{
    private long peakHeap;

    /// <summary>Takes a sample; cheap enough to call every few hundred inputs.</summary>
    public void Sample()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        do
        {
            seen = Interlocked.Read(ref peakHeap);
        }
        while (heap > seen && Interlocked.CompareExchange(ref peakHeap, heap, seen) != seen);
    }

    /// <summary>The largest managed heap sampled, in bytes.</summary>
    public long PeakHeap => Interlocked.Read(ref peakHeap);

    /// <summary>The process's peak working set so far, in bytes.</summary>
    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
