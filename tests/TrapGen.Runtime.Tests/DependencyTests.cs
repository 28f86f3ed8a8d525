using System;
using System.IO;
using System.Linq;
using TrapGen.Runtime.Traps;
using Xunit;

namespace TrapGen.Runtime.Tests;

/// <summary>The runtime stands on TrapGen.Architecture alone: the YAML model and its parser stay in the build.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void The_runtime_references_the_architecture_and_not_the_catalogue_or_yamldotnet()
    {
        var references = typeof(Hypervisor).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("TrapGen.Architecture", references);
        Assert.DoesNotContain("TrapGen.Catalogue", references);
        Assert.DoesNotContain("YamlDotNet", references);
    }

    [Fact]
    public void Yamldotnet_is_not_in_the_runtimes_dependency_closure()
    {
        var deps = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TrapGen.Runtime.Tests.deps.json"));

        Assert.Contains("TrapGen.Runtime", deps, StringComparison.Ordinal);
        Assert.Contains("TrapGen.Architecture", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("YamlDotNet", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("TrapGen.Catalogue", deps, StringComparison.Ordinal);
    }
}
