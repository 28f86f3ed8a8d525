using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TrapGen.Soak.Mutation;

/// <summary>The well-formed catalogues mutants start from: the repository's registers.yaml and the test and benchmark catalogues.</summary>
internal static class BaseCatalogues
{
    private static readonly string[] Paths =
    [
        "registers.yaml",
        "tests/TrapGen.Generators.Tests/Fixtures/full.registers.yaml",
        "tests/TrapGen.Generators.Tests/Fixtures/name-only.registers.yaml",
        "tests/TrapGen.Generators.Tests/Fixtures/handling.registers.yaml",
        "tests/TrapGen.Benchmarks/Catalogues/large.registers.yaml",
    ];

    /// <summary>Reads them from the repository this program was built in.</summary>
    public static IReadOnlyList<string> Load()
    {
        var root = RepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("run the soak from a TrapGen checkout: no TrapGen.sln above " + AppContext.BaseDirectory);
        return Paths.Select(path => File.ReadAllText(Path.Combine(root, path))).ToList();
    }

    private static string? RepositoryRoot(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (File.Exists(Path.Combine(current.FullName, "TrapGen.sln")))
            {
                return current.FullName;
            }
        }

        return null;
    }
}
