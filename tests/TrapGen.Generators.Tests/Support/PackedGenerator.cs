using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace TrapGen.Generators.Tests.Support;

/// <summary>
/// TrapGen.Generators packed once (Release, as users get it) into <c>packages/</c> of a temporary folder;
/// consumer projects are made beside it, so their <c>../packages</c> is the package source.
/// </summary>
public sealed class PackedGenerator : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("trapgen-packed-");

    /// <summary>Packs the generator of this checkout.</summary>
    public PackedGenerator()
    {
        Feed = Path.Combine(work.FullName, "packages");
        DotnetCli.Succeed(RepositoryRoot, "pack", Path.Combine(RepositoryRoot, "generators", "TrapGen.Generators"), "-c", "Release", "-o", Feed);
        Package = Assert.Single(Directory.GetFiles(Feed, "*.nupkg"));
    }

    /// <summary>The repository this test project is in.</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(TestFiles.ProjectDirectory(), "..", ".."));

    /// <summary>The package source: a folder holding only TrapGen.Generators' .nupkg.</summary>
    public string Feed { get; }

    /// <summary>The .nupkg.</summary>
    public string Package { get; }

    /// <summary>
    /// For dotnet commands in consumers: a NuGet cache of their own, so that a TrapGen.Generators 0.1.0
    /// restored earlier into the user's cache (from an older checkout) is never used in place of this one.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(work.FullName, "nuget-cache"),
    };

    /// <summary>Creates a new empty folder beside <c>packages/</c>.</summary>
    public string NewProjectDirectory(string name) => Directory.CreateDirectory(Path.Combine(work.FullName, name)).FullName;

    /// <inheritdoc/>
    public void Dispose() => work.Delete(recursive: true);
}

/// <summary>The test classes that share one <see cref="PackedGenerator"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedGeneratorCollection : ICollectionFixture<PackedGenerator>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed generator";
}
