using System.CommandLine;

namespace TrapGen.Cli.Commands;

/// <summary>The optional catalogue path <c>check</c> and <c>list</c> take.</summary>
internal static class CatalogueArgument
{
    public static Argument<string?> Create() => new("registers.yaml")
    {
        Description = "The catalogue. Default: registers.yaml in the current directory, else the catalogue trapgen was built with.",
        Arity = ArgumentArity.ZeroOrOne,
    };
}
