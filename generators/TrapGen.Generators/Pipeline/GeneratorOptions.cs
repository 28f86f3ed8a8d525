using Microsoft.CodeAnalysis.Diagnostics;

namespace TrapGen.Generators.Pipeline;

/// <summary>The MSBuild options the generator reads: a tiny value-equal selection from the options provider.</summary>
/// <param name="Namespace">The namespace of the generated types.</param>
internal sealed record GeneratorOptions(string Namespace)
{
    /// <summary>The namespace used when neither TrapGenNamespace nor RootNamespace is set.</summary>
    public const string DefaultNamespace = "TrapGen.Generated";

    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property.TrapGenNamespace", out var configured) && !string.IsNullOrWhiteSpace(configured))
        {
            return new GeneratorOptions(configured.Trim());
        }

        if (options.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root))
        {
            return new GeneratorOptions(root.Trim());
        }

        return new GeneratorOptions(DefaultNamespace);
    }
}
