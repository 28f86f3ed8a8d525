using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace TrapGen.Generators.Tests.Support;

/// <summary>Locates the catalogue, fixtures and snapshot folder.</summary>
internal static class TestFiles
{
    public static string RealCatalogue => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "registers.yaml"));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>The source folder of this test project (snapshots are read from and written to source).</summary>
    public static string ProjectDirectory() => Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!;

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
