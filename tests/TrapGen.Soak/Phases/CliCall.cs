using System;
using System.IO;
using System.Linq;
using TrapGen.Cli;

namespace TrapGen.Soak.Phases;

/// <summary>One in-process <c>trapgen</c> run: its exit code, what it printed, and how it broke a promise if it did.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Crash">Why this run counts as a crash (an exception or an internal error), or null.</param>
internal sealed record CliCall(int ExitCode, string Output, string Error, string? Crash)
{
    /// <summary>Runs <paramref name="args"/> with <paramref name="input"/> as standard input.</summary>
    public static CliCall Run(string input, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        try
        {
            var exit = CliApplication.Run(args, output, error, new StringReader(input));
            var crash = exit == CliApplication.InternalError || error.ToString().Contains("internal error", StringComparison.Ordinal)
                ? "trapgen " + args[0] + " exited " + exit + ": " + error
                : null;
            return new CliCall(exit, output.ToString(), error.ToString(), crash);
        }
#pragma warning disable CA1031 // Any exception is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new CliCall(-1, output.ToString(), error.ToString(), "trapgen " + args[0] + " threw " + e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Whether anything printed holds a raw control character other than a line end: what lets input drive a terminal.</summary>
    public bool PrintsControlCharacters => (Output + Error).Any(c => char.IsControl(c) && c != '\n' && c != '\r');

    /// <summary>The non-empty lines of standard output.</summary>
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The non-empty lines of standard error.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
