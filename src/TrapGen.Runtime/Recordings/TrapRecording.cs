using System;
using System.Collections.Generic;
using System.Globalization;

namespace TrapGen.Runtime.Recordings;

/// <summary>
/// A real guest's trap recording, as the EL2 monitor for QEMU writes it on the UART among the guest's own output:
/// each trap a line that starts with the byte 0x1E (record separator), then in hexadecimal, separated by spaces,
/// ESR_EL2, ELR_EL2, the value moved, HCR_EL2 before and HCR_EL2 after (<see cref="RecordedTrap"/>). A line that
/// starts with 0x1E and <c>!</c> is the monitor's report of an exception it could not handle (ESR_EL2, ELR_EL2,
/// FAR_EL2). Everything else is the guest's console. Parsing accepts any text without throwing.
/// </summary>
public sealed class TrapRecording
{
    /// <summary>The byte that starts each of the monitor's lines.</summary>
    public const char RecordStart = '\u001e';

    private TrapRecording(IReadOnlyList<RecordedTrap> traps, IReadOnlyList<string> fatal, IReadOnlyList<string> malformed, string console)
    {
        Traps = traps;
        Fatal = fatal;
        Malformed = malformed;
        Console = console;
    }

    /// <summary>Gets the traps, in the order the guest took them.</summary>
    public IReadOnlyList<RecordedTrap> Traps { get; }

    /// <summary>Gets the monitor's reports of exceptions it could not handle (normally none).</summary>
    public IReadOnlyList<string> Fatal { get; }

    /// <summary>Gets the monitor lines that are not five hexadecimal numbers (normally none).</summary>
    public IReadOnlyList<string> Malformed { get; }

    /// <summary>Gets the guest's console output: the text without the monitor's lines.</summary>
    public string Console { get; }

    /// <summary>Reads the monitor's lines out of <paramref name="output"/>, QEMU's serial output.</summary>
    public static TrapRecording Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var traps = new List<RecordedTrap>();
        var fatal = new List<string>();
        var malformed = new List<string>();
        var console = new System.Text.StringBuilder(output.Length);
        var position = 0;
        while (position < output.Length)
        {
            var start = output.IndexOf(RecordStart, position);
            if (start < 0)
            {
                console.Append(output, position, output.Length - position);
                break;
            }

            console.Append(output, position, start - position);
            var end = output.IndexOf('\n', start);
            end = end < 0 ? output.Length : end;
            var line = output[(start + 1)..end].TrimEnd('\r');
            position = Math.Min(end + 1, output.Length);
            if (line.StartsWith('!'))
            {
                fatal.Add(line[1..]);
            }
            else if (TryParse(line, out var trap))
            {
                traps.Add(trap);
            }
            else
            {
                malformed.Add(line);
            }
        }

        return new TrapRecording(traps, fatal, malformed, console.ToString());
    }

    /// <summary>Parses one record's fields (the line after its 0x1E): false unless it is five hexadecimal numbers and the ESR fits 32 bits.</summary>
    public static bool TryParse(string line, out RecordedTrap trap)
    {
        ArgumentNullException.ThrowIfNull(line);
        trap = default;
        var fields = line.Split(' ');
        if (fields.Length != 5)
        {
            return false;
        }

        var values = new ulong[5];
        for (var i = 0; i < fields.Length; i++)
        {
            if (fields[i].Length is 0 or > 16 || !ulong.TryParse(fields[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }

        if (values[0] > uint.MaxValue)
        {
            return false;
        }

        trap = new RecordedTrap((uint)values[0], values[1], values[2], values[3], values[4]);
        return true;
    }
}
