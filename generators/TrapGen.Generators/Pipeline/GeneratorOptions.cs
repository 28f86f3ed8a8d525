using Microsoft.CodeAnalysis.Diagnostics;
using TrapGen.Catalogue;

namespace TrapGen.Generators.Pipeline;

/// <summary>The MSBuild options the generator reads: a tiny value-equal selection from the options provider.</summary>
/// <param name="Namespace">The namespace of the generated types.</param>
internal sealed record GeneratorOptions(string Namespace)
{
    /// <summary>The namespace used when neither TrapGenNamespace nor RootNamespace is set.</summary>
    public const string DefaultNamespace = "TrapGen.Generated";

    /// <summary>The catalogue limits, with any raised by the TrapGenMax* MSBuild properties.</summary>
    public static CatalogueLimits LimitsFrom(AnalyzerConfigOptions options) => CatalogueLimits.Default.With(
        Property(options, CatalogueLimits.MaxCharactersProperty),
        Property(options, CatalogueLimits.MaxDepthProperty),
        Property(options, CatalogueLimits.MaxNodesProperty),
        Property(options, CatalogueLimits.MaxDiagnosticsProperty));

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

    /// <summary>The value of <paramref name="key"/> (item metadata such as <c>build_metadata.AdditionalFiles.X</c>), or null.</summary>
    public static string? Metadata(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) ? value : null;

    private static string? Property(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_property." + name, out var value) ? value : null;
}
