namespace TrapGen.Generators.Pipeline;

/// <summary>A catalogue file as the pipeline sees it: value-equal, so unchanged text is a cache hit.</summary>
/// <param name="Path">The file's path, for diagnostics.</param>
/// <param name="Text">Its text.</param>
internal sealed record CatalogueText(string Path, string Text);
