using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace TrapGen.Catalogue.Tests;

/// <summary>Locates the shipped catalogue, the fixture catalogues (shared with the generator's tests) and the repository.</summary>
internal static class TestFiles
{
    public static string RealCatalogue => Fixture("registers.yaml");

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>The source folder of this test project.</summary>
    public static string ProjectDirectory() => Path.GetDirectoryName(ThisFile())!;

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
