using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// One commit packs to the same bytes wherever it is built: two clean Release builds of this working
/// tree, in folders of different names, give identical packages (TrapGen.Generators and the TrapGen.Cli
/// tool with its symbols), entry by entry and as whole files.
/// </summary>
public sealed class ReproducibleBuildTests : IDisposable
{
    private static readonly string[] Packed = [Path.Combine("generators", "TrapGen.Generators"), Path.Combine("src", "TrapGen.Cli")];

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("trapgen-reproducible-");

    [Fact]
    public void Two_clean_builds_in_different_folders_pack_identical_bytes()
    {
        var first = PackSnapshot("a");
        var second = PackSnapshot("a-clone-in-a-folder-with-a-much-longer-name");

        Assert.Equal(["TrapGen.Cli.0.1.0.nupkg", "TrapGen.Cli.0.1.0.snupkg", "TrapGen.Generators.0.1.0.nupkg"], first.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        foreach (var package in first.Keys)
        {
            var differing = Entries(first[package]).Where(e => !Entries(second[package]).Contains(e)).Select(e => e.Name).ToList();
            Assert.True(differing.Count == 0, package + ": these entries differ between the two builds: " + string.Join(", ", differing));
            Assert.True(File.ReadAllBytes(first[package]).AsSpan().SequenceEqual(File.ReadAllBytes(second[package])), package + ": same entries, but the files differ");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => work.Delete(recursive: true);

    private Dictionary<string, string> PackSnapshot(string name)
    {
        var root = Path.Combine(work.FullName, name);
        RepositorySnapshot.Create(PackedGenerator.RepositoryRoot, root);
        var output = Path.Combine(root, "artifacts");
        foreach (var project in Packed)
        {
            DotnetCli.Succeed(root, "pack", project, "-c", "Release", "-o", output);
        }

        return Directory.GetFiles(output).ToDictionary(path => Path.GetFileName(path), path => path);
    }

    private static HashSet<(string Name, string Sha256)> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            return (e.FullName, Convert.ToHexString(SHA256.HashData(stream)));
        }).ToHashSet();
    }
}
