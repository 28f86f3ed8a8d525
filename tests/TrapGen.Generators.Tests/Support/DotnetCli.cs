using System.Diagnostics;
using Xunit;

namespace TrapGen.Generators.Tests.Support;

/// <summary>Runs the dotnet CLI for end-to-end tests.</summary>
internal static class DotnetCli
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
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
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error);
    }

    public static string Succeed(string workingDirectory, params string[] arguments)
    {
        var (exitCode, output) = Run(workingDirectory, arguments);
        Assert.True(exitCode == 0, "dotnet " + string.Join(" ", arguments) + " failed:\n" + output);
        return output;
    }
}
