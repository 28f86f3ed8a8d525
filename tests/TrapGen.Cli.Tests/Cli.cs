using System;
using System.IO;
using System.Runtime.CompilerServices;
using TrapGen.Testing;

namespace TrapGen.Cli.Tests;

/// <summary>Runs the CLI through its public entry point and captures what it prints.</summary>
internal static class Cli
{
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(ProjectDirectory(), "..", ".."));

    /// <summary>The repository's registers.yaml: the catalogue the runtime under test was generated from.</summary>
    public static string CatalogueOfRepository { get; } = Path.Combine(RepositoryRoot, "registers.yaml");

    public static (int ExitCode, string Output, string Error) Run(params string[] args) => RunWithInput(string.Empty, args);

    public static (int ExitCode, string Output, string Error) RunWithInput(string input, params string[] args) => RunWithReader(new StringReader(input), args);

    public static (int ExitCode, string Output, string Error) RunWithReader(TextReader input, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = CliApplication.Run(args, output, error, input);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>One temporary folder per test run, removed when the test host exits.</summary>
    private static readonly Lazy<DirectoryInfo> TempRoot = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("trapgen-cli-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => root.Delete(recursive: true);
        return root;
    });

    public static string Temp(string content, string name = "test.trace")
    {
        var directory = TempRoot.Value.CreateSubdirectory(Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// The bit 'trapgen list --architecture' gives the control <paramref name="qualifiedName"/> (REGISTER.FIELD) on its
    /// line, the second column, or null when no line lists it.
    /// </summary>
    public static string? ListedBit(string qualifiedName)
    {
        var (exitCode, output, _) = Run("list", "--architecture");
        if (exitCode != 0)
        {
            return null;
        }

        var line = Array.Find(output.Split('\n'), l => l.StartsWith(qualifiedName + " ", StringComparison.Ordinal));
        return line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    }

    public static void MatchSnapshot(string testClass, string testMethod, string actual, string extension = ".txt") =>
        Snapshot.Match(Path.Combine(ProjectDirectory(), "Snapshots"), testClass, testMethod, extension, actual);

    private static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
