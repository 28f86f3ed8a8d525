using System;
using System.Globalization;
using System.IO;

namespace TrapGen.Cli.Traces;

/// <summary>When <c>run</c> shows progress on standard error.</summary>
public enum ProgressMode
{
    /// <summary>For traces of at least <see cref="TraceProgress.AutomaticThreshold"/> steps, when standard error is a terminal.</summary>
    Auto,

    /// <summary>Always.</summary>
    Always,

    /// <summary>Never.</summary>
    Never,
}

/// <summary>
/// Progress of a long replay on standard error, one line rewritten in place (a new line for each
/// report when standard error is not a terminal), so that standard output stays diffable.
/// </summary>
internal sealed class TraceProgress
{
    /// <summary>The trace length from which <see cref="ProgressMode.Auto"/> shows progress.</summary>
    public const int AutomaticThreshold = 10_000;

    private const int Reports = 20;

    private readonly TextWriter error;
    private readonly int total;
    private readonly int interval;
    private readonly string separator;
    private int next;

    private TraceProgress(TextWriter error, int total, bool interactive)
    {
        this.error = error;
        this.total = total;
        interval = Math.Max(1, total / Reports);
        next = interval;
        separator = interactive ? "\r" : string.Empty;
    }

    /// <summary>Creates the reporter <paramref name="mode"/> asks for, or null when none is wanted.</summary>
    public static TraceProgress? Create(ProgressMode mode, TextWriter error, int total)
    {
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var show = mode == ProgressMode.Always || (mode == ProgressMode.Auto && interactive && total >= AutomaticThreshold);
        return show ? new TraceProgress(error, total, interactive) : null;
    }

    /// <summary>Reports that <paramref name="done"/> steps have run.</summary>
    public void Advance(int done)
    {
        if (done < next && done != total)
        {
            return;
        }

        next = done + interval;
        var line = string.Format(CultureInfo.InvariantCulture, "trapgen: {0} of {1} steps ({2}%)", done, total, done * 100L / Math.Max(1, total));
        if (separator.Length > 0)
        {
            error.Write(separator + line);
            if (done == total)
            {
                error.WriteLine();
            }
        }
        else
        {
            error.WriteLine(line);
        }
    }
}
