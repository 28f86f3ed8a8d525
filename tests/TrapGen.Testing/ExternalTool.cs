using System;
using System.Collections.Generic;
using System.Diagnostics;
using Xunit;

namespace TrapGen.Testing;

/// <summary>
/// Runs a tool the tests check TrapGen against (GNU binutils, QEMU): a test fails, naming the Debian
/// package .ci/run installs, when the tool is missing, exits non-zero or overruns its time.
/// </summary>
public static class ExternalTool
{
    /// <summary>Runs <paramref name="tool"/> with <paramref name="arguments"/> and returns its standard output.</summary>
    /// <param name="tool">The executable.</param>
    /// <param name="package">The Debian package that provides it.</param>
    /// <param name="arguments">Its arguments, passed as they are.</param>
    /// <param name="timeout">How long it may run before it is killed and the test fails; null to wait.</param>
    public static string Run(string tool, string package, string[] arguments, TimeSpan? timeout = null)
    {
        using (var process = Start(tool, package, arguments))
        {
            // Both streams are drained at once: a tool that fills one pipe while the other is read would hang.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (timeout is { } limit && !process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail(tool + " did not finish within " + limit.TotalSeconds + " s: " + output.Result);
            }

            process.WaitForExit();
            Assert.True(process.ExitCode == 0, tool + " failed: " + error.Result);
            return output.Result;
        }
    }

    /// <summary>
    /// Starts <paramref name="tool"/> with <paramref name="arguments"/>, its standard streams redirected; fails the test,
    /// naming <paramref name="package"/>, when it is not installed.
    /// </summary>
    public static Process Start(string tool, string package, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail(tool + " is not installed: apt-get install " + package + " (.ci/run does this).");
            throw;
        }
    }
}
