using TrapGen.Catalogue.Collections;

namespace TrapGen.Generators.Pipeline;

/// <summary>What the search for catalogues among the AdditionalFiles found: value-equal, for caching.</summary>
/// <param name="Catalogues">The catalogues' paths, sorted ordinally: code is generated from the first alone (TG0029 for the others).</param>
/// <param name="YamlFiles">The names of the YAML AdditionalFiles, sorted, for the hint when there is no catalogue.</param>
internal sealed record CatalogueSearch(EquatableArray<string> Catalogues, EquatableArray<string> YamlFiles)
{
    /// <summary>The catalogue code is generated from, or null when there is none.</summary>
    public string? First => Catalogues.Count == 0 ? null : Catalogues[0];

    /// <summary>TG0028's hint: the YAML files that are not catalogues by their name, or nothing.</summary>
    public string Hint => YamlFiles.Count == 0
        ? string.Empty
        : " (" + string.Join(", ", YamlFiles) + (YamlFiles.Count == 1 ? " is" : " are") + " YAML, but not named as a catalogue)";
}
