using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace TrapGen.Cli;

/// <summary>One value to work on, and where it came from for error messages.</summary>
/// <param name="Text">The value, trimmed.</param>
/// <param name="Number">Its argument's number (from 1), or its line's number on standard input.</param>
/// <param name="IsArgument">Whether it is an argument rather than a line of standard input.</param>
internal readonly record struct CliValue(string Text, int Number, bool IsArgument)
{
    /// <summary>Gets where it came from: "argument 2" or "line 7 of standard input" (made only for an error message).</summary>
    public string Origin => IsArgument
        ? "argument " + Number.ToString(CultureInfo.InvariantCulture)
        : "line " + Number.ToString(CultureInfo.InvariantCulture) + " of standard input";
}

/// <summary>The values a command works on: its arguments, or one a line from standard input when it has none.</summary>
internal static class CliInput
{
    /// <summary>
    /// Yields <paramref name="arguments"/>, or when there are none the lines of <paramref name="input"/>,
    /// skipping blank lines and <c>#</c> comments (a <c>#</c> followed by a digit is an assembler
    /// immediate, as in <c>sys #0, c7, c5, #0</c>, not a comment).
    /// </summary>
    public static IEnumerable<CliValue> Values(IReadOnlyList<string>? arguments, TextReader input, TextWriter error, string what)
    {
        if (arguments is { Count: > 0 })
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                yield return new CliValue(arguments[i].Trim(), i + 1, IsArgument: true);
            }

            yield break;
        }

        if (ReferenceEquals(input, Console.In) && !Console.IsInputRedirected)
        {
            error.WriteLine("trapgen: reading " + what + " from standard input, one a line (end with Ctrl-D)");
        }

        var number = 0;
        foreach (var line in BoundedLines.Read(input, "standard input"))
        {
            number++;
            var comment = CommentStart(line);
            var text = (comment < 0 ? line : line.Substring(0, comment)).Trim();
            if (text.Length > 0)
            {
                yield return new CliValue(text, number, IsArgument: false);
            }
        }
    }

    /// <summary>Where the comment on <paramref name="line"/> starts: the first <c>#</c> not followed by a digit; -1 when none.</summary>
    public static int CommentStart(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i + 1 == line.Length || !char.IsAsciiDigit(line[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }
}
