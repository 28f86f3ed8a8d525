using System;
using System.IO;
using System.Runtime.CompilerServices;
using TrapGen.Testing;

namespace TrapGen.Cli.Tests;

/// <summary>Runs the CLI through its public entry point and captures what it prints.</summary>
internal static class Cli
{
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory(), "..", ".."));

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static string Temp(string content, string name = "test.trace")
    {
        var directory = Directory.CreateTempSubdirectory("trapgen-cli-");
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static void MatchSnapshot(string testClass, string testMethod, string actual) =>
        Snapshot.Match(Path.Combine(ProjectDirectory(), "Snapshots"), testClass, testMethod, ".txt", actual);

    private static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
