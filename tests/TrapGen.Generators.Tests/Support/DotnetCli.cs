using System.Collections.Generic;
using System.Diagnostics;
using Xunit;

namespace TrapGen.Generators.Tests.Support;

/// <summary>Runs the dotnet CLI for end-to-end tests.</summary>
internal static class DotnetCli
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    /// <summary>Runs dotnet; the output is standard output followed by standard error.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output, error) = Run(workingDirectory, NoEnvironment, arguments);
        return (exitCode, output + error);
    }

    /// <summary>Runs dotnet with <paramref name="environment"/> added to this process's environment.</summary>
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    public static string Succeed(string workingDirectory, params string[] arguments) => Succeed(workingDirectory, NoEnvironment, arguments);

    /// <summary>Runs dotnet and fails the test, with everything it printed, unless it exits 0; returns its standard output.</summary>
    public static string Succeed(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, output, error) = Run(workingDirectory, environment, arguments);
        Assert.True(exitCode == 0, "dotnet " + string.Join(" ", arguments) + " failed:\n" + output + error);
        return output;
    }
}
