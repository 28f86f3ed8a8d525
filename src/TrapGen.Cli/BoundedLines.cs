using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace TrapGen.Cli;

/// <summary>
/// Reads lines of at most <see cref="MaxLength"/> characters, one at a time, so that no input (a
/// 1 GB file, /dev/zero on standard input) can make a command hold more than one line in memory. A
/// longer line ends the reading with one clear error.
/// </summary>
internal static class BoundedLines
{
    /// <summary>The longest line a trace or standard input may have.</summary>
    public const int MaxLength = 4096;

    /// <summary>Yields the lines of <paramref name="reader"/> without their line breaks; <paramref name="origin"/> names the input in errors ("test.trace").</summary>
    public static IEnumerable<string> Read(TextReader reader, string origin)
    {
        var line = new StringBuilder();
        var number = 1;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                yield return TrimCarriageReturn(line);
                line.Clear();
                number++;
                continue;
            }

            if (line.Length == MaxLength)
            {
                throw new CliException(string.Format(
                    CultureInfo.InvariantCulture, "{0}({1}): the line is longer than {2} characters; is this the right file?", origin, number, MaxLength));
            }

            line.Append((char)c);
        }

        if (line.Length > 0)
        {
            yield return TrimCarriageReturn(line);
        }
    }

    private static string TrimCarriageReturn(StringBuilder line) =>
        line.Length > 0 && line[line.Length - 1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
}
