using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TrapGen.Testing.Generators;

/// <summary>
/// An AdditionalFile whose text lives in memory; <paramref name="encoding"/> is the encoding the
/// compiler would report having read it in (Latin-1 when the file was not UTF-8).
/// </summary>
public sealed class InMemoryAdditionalText(string path, string text, Encoding? encoding = null) : AdditionalText
{
    /// <inheritdoc/>
    public override string Path { get; } = path;

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, encoding);
}
