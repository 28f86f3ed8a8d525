namespace TrapGen.Generators.Pipeline;

/// <summary>The names of the incremental pipeline's steps, for caching tests and diagnostics.</summary>
public static class TrackingNames
{
    /// <summary>The catalogue's path and text.</summary>
    public const string CatalogueText = nameof(CatalogueText);

    /// <summary>How many catalogues the project has, and its YAML AdditionalFiles (for TG0028).</summary>
    public const string CatalogueSearch = nameof(CatalogueSearch);

    /// <summary>The parsed and validated catalogue with its diagnostics.</summary>
    public const string LoadedCatalogue = nameof(LoadedCatalogue);

    /// <summary>The catalogue limits set by MSBuild properties.</summary>
    public const string Limits = nameof(Limits);

    /// <summary>The MSBuild options (target namespace).</summary>
    public const string Options = nameof(Options);

    /// <summary>What the emitters format: every decision about the generated code, without source positions (<c>EmitSpec</c>).</summary>
    public const string Spec = nameof(Spec);

    /// <summary>The diagnostics to report.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The generated source files.</summary>
    public const string GeneratedSources = nameof(GeneratedSources);
}
