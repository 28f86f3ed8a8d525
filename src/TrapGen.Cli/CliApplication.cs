using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Cli.Commands;

namespace TrapGen.Cli;

/// <summary>The <c>trapgen</c> command line: its commands, and one-line errors with a non-zero exit.</summary>
public static class CliApplication
{
    /// <summary>The exit code for bad input.</summary>
    public const int InputError = 1;

    /// <summary>The longest error message printed: one that echoes input is cut, and its control characters escaped.</summary>
    private const int MaxMessageLength = 400;

    /// <summary>One error line as trapgen prints it, safe for a terminal: <c>trapgen: error: …</c>.</summary>
    internal static string ErrorLine(string message) => "trapgen: error: " + PrintableText.Of(message, MaxMessageLength);

    /// <summary>The exit code for a bug in TrapGen.</summary>
    public const int InternalError = 70;

    /// <summary>
    /// Runs the command line <paramref name="args"/>, writing to <paramref name="output"/> and
    /// <paramref name="error"/>; <c>decode</c> and <c>encode</c> read <paramref name="input"/> when given no values.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TextReader? input = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        input ??= TextReader.Null;
        var root = new RootCommand("TrapGen: ARM system-register trap handling generated from registers.yaml.")
        {
            CheckCommand.Create(),
            ListCommand.Create(),
            DecodeCommand.Create(input),
            EncodeCommand.Create(input),
            RunCommand.Create(),
            BootCommand.Create(),
            ReplayCommand.Create(),
        };
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // One line, not System.CommandLine's help page: the mistake and where to read more.
                var command = string.Join(" ", parse.CommandResult.Command.Name == root.Name ? ["trapgen"] : ["trapgen", parse.CommandResult.Command.Name]);
                error.WriteLine("trapgen: error: " + string.Join("; ", parse.Errors.Select(e => e.Message.ReplaceLineEndings(" "))) + " (see '" + command + " --help')");
                return InputError;
            }

            return parse.Invoke(configuration);
        }
        catch (CliException e)
        {
            error.WriteLine(ErrorLine(e.Message));
            return InputError;
        }
#pragma warning disable CA1031 // The last line of defence: a bug is reported as one line, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine("trapgen: internal error: " + e.GetType().Name + ": " + PrintableText.Of(e.Message, MaxMessageLength) + " (please report this)");
            return InternalError;
        }
    }
}
