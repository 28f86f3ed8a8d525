using System;
using System.IO;

namespace TrapGen.Benchmarks.Generator;

/// <summary>Finds the repository the benchmarks were built from (BenchmarkDotNet runs them from a copy under bin/).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(params string[] relative) => File.ReadAllText(Path.Combine([Root, .. relative]));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TrapGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The benchmarks must run from inside the TrapGen repository (no TrapGen.sln above " + AppContext.BaseDirectory + ").");
    }
}
