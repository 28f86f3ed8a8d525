using System.IO;
using System.Linq;
using TrapGen.Generators.Emit;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// The types that do not depend on the catalogue live once, in TrapGen.Abstractions: its checked-in
/// FixedTypes.g.cs is what the emitter gives for the architecture's layouts, and no catalogue's code declares them again.
/// </summary>
public sealed class FixedTypesTests
{
    private static readonly string[] FixedTypeNames = ["EsrFields", "MsrIss", "McrIss", "McrrIss", "MsrSyndrome", "McrSyndrome", "McrrSyndrome", "RegisterHalves"];

    [Fact]
    public void The_abstractions_hold_what_the_emitter_gives_for_the_architectures_layouts()
    {
        var path = Path.Combine(TestFiles.ProjectDirectory(), "..", "..", FixedTypesEmitter.RepositoryPath);

        Snapshot.MatchFile(Path.GetFullPath(path), FixedTypesEmitter.Emit(RegisterCatalogueGenerator.Version));
    }

    [Fact]
    public void The_abstractions_compile_into_the_types_the_generated_code_names()
    {
        var assembly = typeof(RegisterHalves).Assembly;

        Assert.All(FixedTypeNames, name => Assert.NotNull(assembly.GetType("TrapGen." + name)));
    }

    [Theory]
    [InlineData("registers.yaml")]
    [InlineData("handling.registers.yaml")]
    public void No_catalogue_declares_a_fixed_type_again(string fixture)
    {
        var (_, result, output) = GeneratorHarness.Run(TestFiles.Fixture(fixture));

        var declared = output.SyntaxTrees.SelectMany(tree => tree.GetRoot().DescendantNodes())
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
            .Select(type => type.Identifier.ValueText)
            .ToList();
        Assert.NotEmpty(result.GeneratedSources);
        Assert.Empty(declared.Intersect(FixedTypeNames.Concat(["RegisterHandling", "RegisterView", "TrapClassKind", "DispatchedAccessInfo"])));
    }
}
