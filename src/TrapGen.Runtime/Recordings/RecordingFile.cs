using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Recordings;

/// <summary>
/// A real guest's recording as a file (examples/recordings): <c>#</c> starts a comment, blank lines are ignored, a
/// line <c>guest aarch64</c> or <c>guest aarch32</c> comes before any trap, then optionally <c>controls HCR MDCR
/// CNTHCTL</c>, the trap-control registers the guest started under (<see cref="RecordingControls"/>; without it, the
/// seed's), and each trap is a line <c>trap ESR PC VALUE HCR-BEFORE HCR-AFTER</c> (<see cref="RecordedTrap"/>), in the
/// order the guest took them, all in hexadecimal. A line <c>repeat N COUNT</c> (decimal) stands for the last N traps
/// taken again COUNT more times, in the same order, and <c>repeat N COUNT STEP</c> for the same with each repetition's
/// values STEP more than the one before (hexadecimal, with <c>-</c> for less; modulo 2^64): a guest that reads CTR_EL0
/// for every instruction it patches, or cleans its caches way by way and set by set, takes tens of thousands of traps
/// that are a few lines here. Reading accepts any text without throwing: a bad line
/// is an error naming its number, and a recording holds at most <see cref="MaxTraps"/> traps.
/// </summary>
public static class RecordingFile
{
    /// <summary>The most traps a recording may hold once its repeats are expanded.</summary>
    public const int MaxTraps = 1 << 22;

    /// <summary>The longest run of traps a <c>repeat</c> line repeats.</summary>
    public const int MaxPeriod = 64;

    /// <summary>Reads <paramref name="lines"/>; false with <paramref name="error"/> (line number and reason) at the first bad line.</summary>
    public static bool TryRead(IEnumerable<string> lines, out Recording recording, out string error)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = new List<RecordedTrap>();
        ExecutionState? guest = null;
        RecordingControls? controls = null;
        recording = new Recording(ExecutionState.Aarch64, default, list);
        error = string.Empty;
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash < 0 ? raw : raw[..hash]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var problem = line switch
            {
                "guest aarch64" or "guest aarch32" when guest is not null => "a recording has one guest line",
                "guest aarch64" => Set(ref guest, ExecutionState.Aarch64),
                "guest aarch32" => Set(ref guest, ExecutionState.Aarch32),
                _ when guest is null && (line.StartsWith("trap ", StringComparison.Ordinal) || line.StartsWith("repeat ", StringComparison.Ordinal) || line.StartsWith("controls ", StringComparison.Ordinal)) => "a trap before the guest line",
                _ when line.StartsWith("controls ", StringComparison.Ordinal) => list.Count > 0 || controls is not null ? "the controls line comes once, before the traps" : ReadControls(line[9..], ref controls),
                _ when line.StartsWith("trap ", StringComparison.Ordinal) => Add(list, line[5..]),
                _ when line.StartsWith("repeat ", StringComparison.Ordinal) => Repeat(list, line[7..]),
                _ => "expected 'guest aarch64', 'guest aarch32', 'controls HCR MDCR CNTHCTL', 'trap ESR PC VALUE HCR-BEFORE HCR-AFTER' or 'repeat N COUNT'",
            };
            if (problem is not null)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"line {number}: {problem}");
                return false;
            }
        }

        if (guest is not { } declared)
        {
            error = "no guest line";
            return false;
        }

        recording = new Recording(declared, controls ?? RecordingControls.Seed(declared), list);
        return true;
    }

    /// <summary>Writes <paramref name="recording"/> after <paramref name="comments"/> (one comment line each), repeated runs of traps as <c>repeat</c> lines.</summary>
    public static void Write(TextWriter writer, Recording recording, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(comments);
        foreach (var comment in comments)
        {
            writer.Write("# ");
            writer.Write(comment);
            writer.Write('\n');
        }

        writer.Write(recording.State == ExecutionState.Aarch64 ? "guest aarch64\n" : "guest aarch32\n");
        var c = recording.Controls;
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"controls {c.Hcr:x} {c.Mdcr:x} {c.Cnthctl:x}\n"));
        var traps = recording.Traps;
        var i = 0;
        while (i < traps.Count)
        {
            var (period, count, step) = LongestRepeat(traps, i);
            if (count > 0)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"repeat {period} {count}"));
                writer.Write(step == 0 ? "\n" : (long)step < 0 ? string.Create(CultureInfo.InvariantCulture, $" -{0 - step:x}\n") : string.Create(CultureInfo.InvariantCulture, $" {step:x}\n"));
                i += period * count;
                continue;
            }

            var trap = traps[i++];
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"trap {trap.Esr:x} {trap.Pc:x} {trap.Value:x} {trap.HcrBefore:x} {trap.HcrAfter:x}\n"));
        }
    }

    /// <summary>
    /// The run from <paramref name="start"/> that repeats the traps just before it most, each repetition's values a step
    /// from the last's: the period, how many times (0: none) and the step.
    /// </summary>
    private static (int Period, int Count, ulong Step) LongestRepeat(IReadOnlyList<RecordedTrap> traps, int start)
    {
        (int Period, int Count, ulong Step) best = (0, 0, 0);
        for (var period = 1; period <= MaxPeriod && period <= start; period++)
        {
            var step = traps[start].Value - traps[start - period].Value;
            var length = 0;
            while (start + length < traps.Count && traps[start + length] == Next(traps[start + length - period], step))
            {
                length++;
            }

            // A step is worth a line when it repeats twice or more: one stepped copy reads better as its own trap line.
            var count = length / period;
            if (count * period > best.Period * best.Count && (step == 0 || count >= 2))
            {
                best = (period, count, step);
            }
        }

        return best;
    }

    private static RecordedTrap Next(RecordedTrap trap, ulong step) => trap with { Value = trap.Value + step };

    private static string? Set(ref ExecutionState? guest, ExecutionState state)
    {
        guest = state;
        return null;
    }

    private static string? ReadControls(string fields, ref RecordingControls? controls)
    {
        var values = fields.Split(' ');
        if (values.Length != 3 || !TryHex(values[0], out var hcr) || !TryHex(values[1], out var mdcr) || !TryHex(values[2], out var cnthctl))
        {
            return "controls are three hexadecimal numbers: HCR_EL2, MDCR_EL2, CNTHCTL_EL2";
        }

        controls = new RecordingControls(hcr, mdcr, cnthctl);
        return null;
    }

    private static string? Add(List<RecordedTrap> traps, string fields)
    {
        if (!TrapRecording.TryParse(fields, out var trap))
        {
            return "a trap is five hexadecimal numbers, the ESR 32 bits";
        }

        if (traps.Count >= MaxTraps)
        {
            return string.Create(CultureInfo.InvariantCulture, $"more than {MaxTraps} traps");
        }

        traps.Add(trap);
        return null;
    }

    private static string? Repeat(List<RecordedTrap> traps, string fields)
    {
        var values = fields.Split(' ');
        var step = 0UL;
        if (values.Length is not (2 or 3)
            || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var period)
            || !int.TryParse(values[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || period is < 1 or > MaxPeriod || count < 1
            || (values.Length == 3 && !TryStep(values[2], out step)))
        {
            return string.Create(CultureInfo.InvariantCulture, $"a repeat is the period (1 to {MaxPeriod}) and the count (at least 1) in decimal, then optionally the step in hexadecimal");
        }

        if (period > traps.Count)
        {
            return "a repeat of more traps than come before it";
        }

        if ((long)period * count > MaxTraps - traps.Count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"more than {MaxTraps} traps");
        }

        var start = traps.Count - period;
        for (var i = 0; i < period * count; i++)
        {
            traps.Add(Next(traps[start + i], step));
        }

        return null;
    }

    private static bool TryStep(string text, out ulong step)
    {
        var negative = text.StartsWith('-');
        var parsed = TryHex(negative ? text[1..] : text, out step);
        step = negative ? 0 - step : step;
        return parsed;
    }

    private static bool TryHex(string text, out ulong value)
    {
        value = 0;
        return text.Length is > 0 and <= 16 && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
