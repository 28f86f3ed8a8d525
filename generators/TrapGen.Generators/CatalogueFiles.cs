using System;
using System.IO;

namespace TrapGen.Generators;

/// <summary>
/// Which AdditionalFiles are catalogues: <c>registers.yaml</c>, any <c>*.registers.yaml</c>, and any file
/// the project names with the <c>TrapGenCatalogue</c> item (the package's targets add it to
/// AdditionalFiles with <c>TrapGenCatalogue="true"</c> metadata).
/// </summary>
public static class CatalogueFiles
{
    /// <summary>The analyzer-config key of the AdditionalFiles metadata that marks a catalogue.</summary>
    public const string MetadataKey = "build_metadata.AdditionalFiles.TrapGenCatalogue";

    /// <summary>Gets whether <paramref name="path"/> names a catalogue by its name alone.</summary>
    public static bool IsCatalogue(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals("registers.yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".registers.yaml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Gets whether <paramref name="path"/> is a catalogue by its name or by its <c>TrapGenCatalogue</c> metadata.</summary>
    public static bool IsCatalogue(string path, string? metadata) =>
        IsCatalogue(path) || string.Equals(metadata, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets whether <paramref name="path"/> is YAML, for the hint when no catalogue is found.</summary>
    public static bool IsYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
