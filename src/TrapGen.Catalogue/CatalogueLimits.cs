using System.Globalization;

namespace TrapGen.Catalogue;

/// <summary>
/// What a catalogue may cost before TrapGen refuses it with one positioned TG0025, so that no
/// registers.yaml can exhaust the compiler's stack or memory: its size, how deeply its YAML nests, how
/// many nodes it has once aliases are expanded, and how many diagnostics are reported.
/// </summary>
/// <param name="MaxCharacters">The largest catalogue, in characters.</param>
/// <param name="MaxDepth">The deepest nesting of mappings and sequences.</param>
/// <param name="MaxNodes">The most YAML nodes, counting each alias as the nodes it stands for.</param>
/// <param name="MaxDiagnostics">The most diagnostics reported; one more says how many were left out.</param>
public sealed record CatalogueLimits(int MaxCharacters, int MaxDepth, int MaxNodes, int MaxDiagnostics)
{
    /// <summary>The defaults: 4 MiB, 64 levels, 100,000 nodes, 200 diagnostics. A 1000-register catalogue needs about 100 KiB, 6 levels and 10,000 nodes.</summary>
    public static CatalogueLimits Default { get; } = new(4 * 1024 * 1024, 64, 100_000, 200);

    /// <summary>The MSBuild property that raises <see cref="MaxCharacters"/>.</summary>
    public const string MaxCharactersProperty = "TrapGenMaxCatalogueSize";

    /// <summary>The MSBuild property that raises <see cref="MaxDepth"/>.</summary>
    public const string MaxDepthProperty = "TrapGenMaxCatalogueDepth";

    /// <summary>The MSBuild property that raises <see cref="MaxNodes"/>.</summary>
    public const string MaxNodesProperty = "TrapGenMaxCatalogueNodes";

    /// <summary>The MSBuild property that raises <see cref="MaxDiagnostics"/>.</summary>
    public const string MaxDiagnosticsProperty = "TrapGenMaxDiagnostics";

    /// <summary>Gets these limits with any of them replaced by a positive number given as text (an MSBuild property's value); others keep their value.</summary>
    public CatalogueLimits With(string? maxCharacters, string? maxDepth, string? maxNodes, string? maxDiagnostics) => new(
        Parse(maxCharacters, MaxCharacters), Parse(maxDepth, MaxDepth), Parse(maxNodes, MaxNodes), Parse(maxDiagnostics, MaxDiagnostics));

    /// <summary>How to raise a limit, for the diagnostic: the MSBuild property (and the CLI option of the same meaning).</summary>
    public static string HowToRaise(string property) =>
        "raise it with <" + property + "> in the project, or " + OptionName(property) + " for trapgen";

    /// <summary>The trapgen option of the same meaning as an MSBuild property: <c>--max-catalogue-size</c>.</summary>
    public static string OptionName(string property) => "--" + Kebab(property);

    private static int Parse(string? text, int fallback) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static string Kebab(string property)
    {
        var name = property.Substring("TrapGen".Length);
        var builder = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
