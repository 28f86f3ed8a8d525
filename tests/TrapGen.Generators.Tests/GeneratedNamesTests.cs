using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TrapGen.Architecture;
using TrapGen.Generators.Tests.Support;
using TrapGen.Testing;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>Every generated name of a trap class is made from the class's name (<see cref="TrapClass.Name"/>), and only classes with registers get code.</summary>
public sealed class GeneratedNamesTests
{
    [Fact]
    public void A_trap_classs_keys_table_and_dispatch_are_named_after_it()
    {
        var (_, result, output) = GeneratorHarness.Run(TestFiles.RealCatalogue);
        var nodes = output.SyntaxTrees.SelectMany(tree => tree.GetRoot().DescendantNodes()).ToList();
        var types = nodes.OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).ToHashSet();
        var methods = nodes.OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.ValueText).ToList();
        var fields = nodes.OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText).ToHashSet();

        Assert.NotEmpty(result.GeneratedSources);
        // A catalogue dispatches no MRRS or MSRR (EC 0x14): its 128-bit value has no catalogue entry to live in.
        Assert.DoesNotContain("Dispatch" + TrapClasses.Sys128.Name, methods);
        Assert.All(TrapClasses.Dispatchable.Where(trapClass => !trapClass.TransfersRegisterPair), trapClass =>
        {
            Assert.Contains(trapClass.Name + "Keys", types);
            Assert.Contains("Dispatch" + trapClass.Name, methods);
            Assert.Contains(trapClass.Name + "Table", fields);
            Assert.NotNull(typeof(RegisterHalves).Assembly.GetType("TrapGen." + trapClass.Name + "Iss"));
        });
        Assert.DoesNotContain(types.Concat(methods), name => name.Contains("SysReg") || name.Contains("Cp32") || name.Contains("Cp64"));
    }

    [Fact]
    public void A_class_the_catalogue_has_no_register_of_gets_no_code()
    {
        var (_, result, output) = GeneratorHarness.Run("version: 1\nregisters:\n  - name: FAR_EL1\n    handling: passthrough\n    aarch32: []\n");
        var methods = output.SyntaxTrees.SelectMany(tree => tree.GetRoot().DescendantNodes()).OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.ValueText).ToList();

        Assert.NotEmpty(result.GeneratedSources);
        Assert.Equal(["DispatchMsr"], methods.Where(m => m.StartsWith("Dispatch", System.StringComparison.Ordinal) && m != "Dispatch"));
    }
}
