using System.IO;
using System.Reflection;
using TrapGen.Catalogue;

namespace TrapGen.Cli.Catalogues;

/// <summary>A catalogue's text and the name to report it under.</summary>
/// <param name="DisplayPath">The path as the user gave it, or a description of the built-in catalogue.</param>
/// <param name="Text">The YAML text.</param>
internal sealed record CatalogueSource(string DisplayPath, string Text)
{
    /// <summary>The name registers.yaml is embedded under: the catalogue this trapgen's runtime was generated from.</summary>
    public const string BuiltInResource = "registers.yaml";

    /// <summary>The file looked for in the current directory when no catalogue is named.</summary>
    public const string DefaultFileName = "registers.yaml";

    /// <summary>
    /// The catalogue at <paramref name="path"/>; with none, registers.yaml in the current directory,
    /// else the catalogue this trapgen was built with.
    /// </summary>
    public static CatalogueSource Resolve(string? path, CatalogueLimits limits)
    {
        if (path is not null)
        {
            return new CatalogueSource(path, Read(new FileInfo(path), limits));
        }

        if (File.Exists(DefaultFileName))
        {
            return new CatalogueSource(DefaultFileName, Read(new FileInfo(DefaultFileName), limits));
        }

        return BuiltIn();
    }

    private static string Read(FileInfo file, CatalogueLimits limits) =>
        CliFiles.ReadText(file, limits.MaxCharacters, "the catalogue limit; " + CatalogueLimits.HowToRaise(CatalogueLimits.MaxCharactersProperty));

    /// <summary>The catalogue this trapgen's runtime was generated from.</summary>
    public static CatalogueSource BuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(BuiltInResource)
            ?? throw new CliException("the built-in registers.yaml is not embedded in this build");
        using var reader = new StreamReader(stream);
        return new CatalogueSource("registers.yaml (built in)", reader.ReadToEnd());
    }
}
