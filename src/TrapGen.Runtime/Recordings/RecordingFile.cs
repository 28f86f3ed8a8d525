using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Recordings;

/// <summary>
/// A real guest's recording as a file (examples/recordings): <c>#</c> starts a comment, blank lines are ignored, a
/// line <c>guest aarch64</c> or <c>guest aarch32</c> comes before any trap, and each trap is a line
/// <c>trap ESR PC VALUE HCR-BEFORE HCR-AFTER</c> in hexadecimal (<see cref="RecordedTrap"/>), in the order the guest
/// took them. Reading accepts any text without throwing: a bad line is an error naming its number.
/// </summary>
public static class RecordingFile
{
    /// <summary>Reads <paramref name="lines"/>; false with <paramref name="error"/> (line number and reason) at the first bad line.</summary>
    public static bool TryRead(IEnumerable<string> lines, out ExecutionState state, out IReadOnlyList<RecordedTrap> traps, out string error)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = new List<RecordedTrap>();
        ExecutionState? guest = null;
        state = default;
        traps = list;
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
                _ when !line.StartsWith("trap ", StringComparison.Ordinal) => "expected 'guest aarch64', 'guest aarch32' or 'trap ESR PC VALUE HCR-BEFORE HCR-AFTER'",
                _ when guest is null => "a trap before the guest line",
                _ => Add(list, line[5..]),
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

        state = declared;
        return true;
    }

    /// <summary>Writes <paramref name="traps"/> of a guest in <paramref name="state"/>, after <paramref name="comments"/> (one comment line each).</summary>
    public static void Write(TextWriter writer, ExecutionState state, IEnumerable<RecordedTrap> traps, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(traps);
        ArgumentNullException.ThrowIfNull(comments);
        foreach (var comment in comments)
        {
            writer.Write("# ");
            writer.Write(comment);
            writer.Write('\n');
        }

        writer.Write(state == ExecutionState.Aarch64 ? "guest aarch64\n" : "guest aarch32\n");
        foreach (var trap in traps)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"trap {trap.Esr:x} {trap.Pc:x} {trap.Value:x} {trap.HcrBefore:x} {trap.HcrAfter:x}\n"));
        }
    }

    private static string? Set(ref ExecutionState? guest, ExecutionState state)
    {
        guest = state;
        return null;
    }

    private static string? Add(List<RecordedTrap> traps, string fields)
    {
        if (!TrapRecording.TryParse(fields, out var trap))
        {
            return "a trap is five hexadecimal numbers, the ESR 32 bits";
        }

        traps.Add(trap);
        return null;
    }
}
