using TrapGen.Catalogue.Collections;

namespace TrapGen.Generators.Pipeline;

/// <summary>What the search for catalogues among the AdditionalFiles found: value-equal, for caching.</summary>
/// <param name="Catalogues">How many catalogues.</param>
/// <param name="YamlFiles">The names of the YAML AdditionalFiles, sorted, for the hint when there is no catalogue.</param>
internal sealed record CatalogueSearch(int Catalogues, EquatableArray<string> YamlFiles)
{
    /// <summary>TG0028's hint: the YAML files that are not catalogues by their name, or nothing.</summary>
    public string Hint => YamlFiles.Count == 0
        ? string.Empty
        : " (" + string.Join(", ", YamlFiles) + (YamlFiles.Count == 1 ? " is" : " are") + " YAML, but not named as a catalogue)";
}
