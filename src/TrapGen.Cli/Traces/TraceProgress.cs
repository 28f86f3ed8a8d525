using System;
using System.Globalization;
using System.IO;

namespace TrapGen.Cli.Traces;

/// <summary>When <c>run</c> shows progress on standard error.</summary>
public enum ProgressMode
{
    /// <summary>For traces of at least <see cref="TraceProgress.AutomaticThreshold"/> bytes, when standard error is a terminal.</summary>
    Auto,

    /// <summary>Always.</summary>
    Always,

    /// <summary>Never.</summary>
    Never,
}

/// <summary>
/// Progress of a long replay on standard error, one line rewritten in place (a new line for each
/// report when standard error is not a terminal), so that standard output stays diffable. A trace is
/// run as it is read, so progress is the share of the file read so far.
/// </summary>
internal sealed class TraceProgress
{
    /// <summary>The trace size, in bytes, from which <see cref="ProgressMode.Auto"/> shows progress: about 10,000 lines.</summary>
    public const long AutomaticThreshold = 256 * 1024;

    /// <summary>How many steps run between two looks at the file position.</summary>
    private const int StepsBetweenLooks = 256;

    private const int PercentBetweenReports = 5;

    private readonly TextWriter error;
    private readonly long total;
    private readonly Func<long> bytesRead;
    private readonly string separator;
    private long steps;
    private long nextPercent = PercentBetweenReports;

    private TraceProgress(TextWriter error, long total, Func<long> bytesRead, bool interactive)
    {
        this.error = error;
        this.total = Math.Max(1, total);
        this.bytesRead = bytesRead;
        separator = interactive ? "\r" : string.Empty;
    }

    /// <summary>Creates the reporter <paramref name="mode"/> asks for over a trace of <paramref name="total"/> bytes, or null when none is wanted.</summary>
    public static TraceProgress? Create(ProgressMode mode, TextWriter error, long total, Func<long> bytesRead)
    {
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var show = mode == ProgressMode.Always || (mode == ProgressMode.Auto && interactive && total >= AutomaticThreshold);
        return show ? new TraceProgress(error, total, bytesRead, interactive) : null;
    }

    /// <summary>Reports that one more step has run.</summary>
    public void Advance()
    {
        if (++steps % StepsBetweenLooks != 0)
        {
            return;
        }

        var percent = Math.Min(99, bytesRead() * 100 / total);
        if (percent >= nextPercent)
        {
            nextPercent = percent + PercentBetweenReports;
            Report(percent.ToString(CultureInfo.InvariantCulture) + "% of the trace");
        }
    }

    /// <summary>Reports the end of the trace.</summary>
    public void Finish()
    {
        Report("all of the trace");
        if (separator.Length > 0)
        {
            error.WriteLine();
        }
    }

    private void Report(string share)
    {
        var line = string.Format(CultureInfo.InvariantCulture, "trapgen: {0:N0} steps, {1}", steps, share);
        if (separator.Length > 0)
        {
            error.Write(separator + line);
        }
        else
        {
            error.WriteLine(line);
        }
    }
}
