using System.IO;
using System.Linq;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing.Generators;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// The generator works as users get it: packed as a NuGet analyzer with TrapGen.Catalogue and
/// YamlDotNet beside it, consumed by a project that only references the package.
/// </summary>
/// <param name="packed">The generator, packed once for every test of the collection.</param>
[Collection(PackedGeneratorCollection.Name)]
public sealed class PackageTests(PackedGenerator packed)
{
    private const string Consumer = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <RootNamespace>Acme.Hypervisor</RootNamespace>
            <RestorePackagesPath>packages</RestorePackagesPath>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="TrapGen.Generators" Version="*" />
            <AdditionalFiles Include="registers.yaml" />
          </ItemGroup>
        </Project>
        """;

    private const string SeedMasks = """
        namespace Acme.Hypervisor;
        public static class Hsr
        {
            public const uint HSR_SYSREG_CRN_MASK = 0x00003800;
            public const int HSR_SYSREG_CRN_SHIFT = 10;

            // The attribute comes from TrapGen.Abstractions, the package's lib.
            [TrapGen.BitField(10, 4)] public const uint CrnBits = 0x3800;
        }
        """;

    [Fact]
    public void The_packed_generator_builds_a_consumer_and_reports_catalogue_errors_and_mask_mistakes_in_dotnet_build()
    {
        var project = packed.NewProjectDirectory("consumer");
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), Consumer);
        File.WriteAllText(Path.Combine(project, "nuget.config"), "<configuration><packageSources><clear /><add key=\"feed\" value=\"" + packed.Feed + "\" /></packageSources></configuration>");
        var catalogue = TestFiles.Fixture("handling.registers.yaml");
        File.WriteAllText(Path.Combine(project, "registers.yaml"), catalogue);
        File.WriteAllText(Path.Combine(project, "Runtime.cs"), StubImplementation.For(CatalogueFor(catalogue), "Acme.Hypervisor"));

        DotnetCli.Succeed(project, "build");

        File.WriteAllText(Path.Combine(project, "registers.yaml"), catalogue.Replace("    after_write: OnWidgetWrite", "    after_write: OnWidgetWrte", System.StringComparison.Ordinal));
        var (exitCode, output) = DotnetCli.Run(project, "build", "--no-restore");
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"registers\.yaml\(\d+,\d+\): error TG0015: WIDGET_EL1 names the hook 'OnWidgetWrte'", output);
        Assert.DoesNotContain("CS8785", output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("CS9057", output, System.StringComparison.Ordinal);

        // The bit-field analyzers ship in the same package: the seed's wrong CRn mask, written by hand, warns in dotnet build.
        File.WriteAllText(Path.Combine(project, "registers.yaml"), catalogue);
        File.WriteAllText(Path.Combine(project, "HandWritten.cs"), SeedMasks);
        var (built, warnings) = DotnetCli.Run(project, "build", "--no-restore", "-p:TreatWarningsAsErrors=false");
        Assert.True(built == 0, warnings);
        Assert.True(
            warnings.Contains("HandWritten.cs(4,23): warning TG1001: HSR_SYSREG_CRN_MASK = 0x3800 starts at bit 11, but HSR_SYSREG_CRN_SHIFT is 10; the 4-bit field at bit 10 is 0x3C00", System.StringComparison.Ordinal),
            warnings);
        Assert.True(warnings.Contains("warning TG1001: CrnBits = 0x3800 disagrees with its [BitField(10, 4)]", System.StringComparison.Ordinal), warnings);
        using var package = System.IO.Compression.ZipFile.OpenRead(packed.Package);
        Assert.Contains(package.Entries, e => e.FullName == "analyzers/dotnet/cs/TrapGen.CodeFixes.dll");
    }

    [Fact]
    public void A_catalogue_of_any_name_is_found_through_the_trap_gen_catalogue_item_and_none_is_a_warning()
    {
        var project = packed.NewProjectDirectory("named");
        File.WriteAllText(Path.Combine(project, "nuget.config"), "<configuration><packageSources><clear /><add key=\"feed\" value=\"" + packed.Feed + "\" /></packageSources></configuration>");
        var catalogue = TestFiles.Fixture("handling.registers.yaml");
        File.WriteAllText(Path.Combine(project, "cp15.yaml"), catalogue);
        File.WriteAllText(Path.Combine(project, "Runtime.cs"), StubImplementation.For(CatalogueFor(catalogue), "Acme.Hypervisor"));
        var named = Consumer.Replace("<AdditionalFiles Include=\"registers.yaml\" />", "<TrapGenCatalogue Include=\"cp15.yaml\" />", System.StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), named);

        DotnetCli.Succeed(project, "build");

        // Without the item the YAML file is not a catalogue: one TG0028 says how to name it (the Runtime.cs half no longer compiles).
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), named.Replace("<TrapGenCatalogue Include=\"cp15.yaml\" />", "<AdditionalFiles Include=\"cp15.yaml\" />", System.StringComparison.Ordinal));
        File.Delete(Path.Combine(project, "Runtime.cs"));
        var (exitCode, output) = DotnetCli.Run(project, "build", "--no-restore", "-p:TreatWarningsAsErrors=false");
        Assert.True(exitCode == 0, output);
        Assert.Contains("warning TG0028: TrapGen found no catalogue in this project (cp15.yaml is YAML, but not named as a catalogue)", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_carries_its_licence_repository_and_a_readme_whose_links_work_on_a_package_page()
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(packed.Package);
        var nuspec = Read(package, "TrapGen.Generators.nuspec");
        var readme = Read(package, "README.md");

        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec, System.StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", nuspec, System.StringComparison.Ordinal);
        var repository = System.Text.RegularExpressions.Regex.Match(nuspec, "<projectUrl>(https://[^<]+)</projectUrl>").Groups[1].Value;
        Assert.NotEmpty(repository);
        Assert.Contains("<repository type=\"git\" url=\"" + repository + "\"", nuspec, System.StringComparison.Ordinal);
        var links = System.Text.RegularExpressions.Regex.Matches(readme, @"\]\(([^)]*)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(repository, link, System.StringComparison.Ordinal));
        Assert.DoesNotContain("{RepositoryUrl}", readme, System.StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(nuspec, "<version>([^<]+)</version>").Groups[1].Value;
        Assert.Contains("Version=\"" + version + "\"", readme, System.StringComparison.Ordinal);
    }

    private static string Read(System.IO.Compression.ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private static TrapGen.Catalogue.Model.RegisterCatalogue CatalogueFor(string text) =>
        TrapGen.Catalogue.CatalogueLoader.Load(text).ValidCatalogue!;
}
