using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using Xunit;

namespace TrapGen.Testing.Qemu.Monitor;

/// <summary>
/// Runs QEMU with the guest's console on its standard input and output, and types each <see cref="ConsoleStep"/>'s
/// keys once the console shows its prompt: keys typed before a firmware reads them are lost (EDK2 drains its input).
/// </summary>
public static class GuestConsole
{
    /// <summary>Runs <paramref name="tool"/> (from <paramref name="package"/>) to its end, at most <paramref name="timeout"/>; returns its standard output.</summary>
    public static string Run(string tool, string package, IReadOnlyList<string> arguments, IReadOnlyList<ConsoleStep> steps, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(steps);
        using (var process = ExternalTool.Start(tool, package, arguments))
        {
            var output = new StringBuilder();
            var reader = new Thread(() => Read(process, output)) { IsBackground = true };
            reader.Start();
            var error = process.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            var step = 0;
            var from = 0;
            while (!process.WaitForExit(20))
            {
                if (clock.Elapsed > timeout)
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail(tool + " did not finish within " + timeout.TotalSeconds + " s; the console:\n" + Tail(Snapshot(output)));
                }

                // A guest with nothing to type is not watched: its output (megabytes, under a policy that traps often) is copied once, at the end.
                if (step < steps.Count && Snapshot(output).IndexOf(steps[step].Prompt, from, StringComparison.Ordinal) is var at and >= 0)
                {
                    process.StandardInput.Write(steps[step].Keys);
                    process.StandardInput.Flush();
                    from = at + steps[step].Prompt.Length;
                    step++;
                }
            }

            reader.Join();
            Assert.True(process.ExitCode == 0, tool + " failed (" + process.ExitCode + "): " + error.Result + "\n" + Tail(Snapshot(output)));
            return Snapshot(output);
        }
    }

    private static void Read(Process process, StringBuilder output)
    {
        var buffer = new char[4096];
        int count;
        while ((count = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
        {
            lock (output)
            {
                output.Append(buffer, 0, count);
            }
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string Tail(string output) => output.Length > 3000 ? output[^3000..] : output;
}
