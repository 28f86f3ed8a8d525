using System.CommandLine;
using TrapGen.Catalogue;

namespace TrapGen.Cli.Commands;

/// <summary>
/// The options that raise the catalogue limits of <c>check</c> and <c>list</c>: the same limits, with the
/// same defaults, as the generator's MSBuild properties.
/// </summary>
internal sealed class CatalogueLimitOptions
{
    private readonly Option<int?> size = Create(CatalogueLimits.MaxCharactersProperty, "The largest catalogue, in characters", CatalogueLimits.Default.MaxCharacters);
    private readonly Option<int?> depth = Create(CatalogueLimits.MaxDepthProperty, "The deepest YAML nesting", CatalogueLimits.Default.MaxDepth);
    private readonly Option<int?> nodes = Create(CatalogueLimits.MaxNodesProperty, "The most YAML nodes, counting aliases expanded", CatalogueLimits.Default.MaxNodes);
    private readonly Option<int?> diagnostics = Create(CatalogueLimits.MaxDiagnosticsProperty, "The most diagnostics reported", CatalogueLimits.Default.MaxDiagnostics);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(size);
        command.Options.Add(depth);
        command.Options.Add(nodes);
        command.Options.Add(diagnostics);
    }

    /// <summary>The limits the command line asks for.</summary>
    public CatalogueLimits From(ParseResult parse)
    {
        var defaults = CatalogueLimits.Default;
        return new CatalogueLimits(
            Positive(parse, size) ?? defaults.MaxCharacters,
            Positive(parse, depth) ?? defaults.MaxDepth,
            Positive(parse, nodes) ?? defaults.MaxNodes,
            Positive(parse, diagnostics) ?? defaults.MaxDiagnostics);
    }

    private static int? Positive(ParseResult parse, Option<int?> option) => parse.GetValue(option) switch
    {
        null => null,
        > 0 and var value => value,
        _ => throw new CliException(option.Name + " must be a positive number"),
    };

    private static Option<int?> Create(string property, string description, int byDefault) =>
        new(CatalogueLimits.OptionName(property))
        {
            Description = description + " (default " + byDefault.ToString(System.Globalization.CultureInfo.InvariantCulture) + "; MSBuild property " + property + ").",
        };
}
