using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TrapGen.Testing.Generators;

/// <summary>An AdditionalFile whose text lives in memory.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    /// <inheritdoc/>
    public override string Path { get; } = path;

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}
