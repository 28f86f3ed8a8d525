using System.Collections.Generic;
using System.IO;
using System.Linq;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// README.md's walkthrough works as written: its files, taken from README.md, build against the packed
/// generator and the program prints what README.md shows, on the lowest supported target framework and
/// the newest.
/// </summary>
/// <param name="packed">The generator, packed once for every test of the collection.</param>
[Collection(PackedGeneratorCollection.Name)]
public sealed class ReadmeWalkthroughTests(PackedGenerator packed)
{
    private const string ProjectFile = "Hypervisor.csproj";
    private const string TargetFramework = "<TargetFramework>net10.0</TargetFramework>";

    private static readonly string[] Files = ["nuget.config", ProjectFile, "registers.yaml", "TrapDispatcher.cs", "Program.cs"];

    [Fact]
    public void The_readme_holds_every_file_of_the_walkthrough_and_its_output()
    {
        var walkthrough = ReadmeWalkthrough.Read(Path.Combine(PackedGenerator.RepositoryRoot, "README.md"));

        Assert.Equal(Files.Append(ReadmeWalkthrough.Output).Order(), walkthrough.Keys.Order());
        Assert.Contains(TargetFramework, walkthrough[ProjectFile], System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("net10.0")]
    [InlineData("net8.0")] // The lowest supported: C# 12 by default. This machine has only the .NET 10 runtime, hence roll-forward.
    public void The_walkthrough_builds_without_warnings_and_dispatches_its_traps(string targetFramework)
    {
        var walkthrough = ReadmeWalkthrough.Read(Path.Combine(PackedGenerator.RepositoryRoot, "README.md"));
        var project = packed.NewProjectDirectory("hypervisor-" + targetFramework);
        foreach (var file in Files)
        {
            File.WriteAllText(Path.Combine(project, file), walkthrough[file]);
        }

        File.WriteAllText(Path.Combine(project, ProjectFile), walkthrough[ProjectFile].Replace(TargetFramework, "<TargetFramework>" + targetFramework + "</TargetFramework>", System.StringComparison.Ordinal));
        var environment = new Dictionary<string, string>(packed.Environment) { ["DOTNET_ROLL_FORWARD"] = "Major" };

        DotnetCli.Succeed(project, environment, "build", "-warnaserror");
        var output = DotnetCli.Succeed(project, environment, "run", "--no-build");

        Assert.Equal(walkthrough[ReadmeWalkthrough.Output], output.Replace("\r\n", "\n", System.StringComparison.Ordinal));
    }
}
