using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TrapGen.Architecture;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>Every generated name of a trap class is its instruction, as <see cref="TrapClassKind"/> names it.</summary>
public sealed class GeneratedNamesTests
{
    [Fact]
    public void A_trap_classs_keys_dispatch_and_handlers_are_named_by_its_instruction()
    {
        var (_, result, output) = GeneratorHarness.Run(TestFiles.Fixture("handling.registers.yaml"));
        var nodes = output.SyntaxTrees.SelectMany(tree => tree.GetRoot().DescendantNodes()).ToList();
        var types = nodes.OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).ToHashSet();
        var methods = nodes.OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.ValueText).ToList();

        Assert.NotEmpty(result.GeneratedSources);
        Assert.All(TrapClasses.All, kind =>
        {
            Assert.Contains(kind + "Keys", types);
            Assert.Contains("Dispatch" + kind, methods);
        });
        Assert.Contains(methods, m => m.StartsWith("Mcr_", System.StringComparison.Ordinal));
        Assert.DoesNotContain(types.Concat(methods), name => name.Contains("SysReg") || name.Contains("Cp32") || name.Contains("Cp64"));
        Assert.All(TrapClasses.All, kind => Assert.NotNull(typeof(RegisterHalves).Assembly.GetType("TrapGen." + kind + "Iss")));
    }
}
