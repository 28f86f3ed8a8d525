using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace TrapGen.Generators.Pipeline;

/// <summary>
/// The catalogue's text as UTF-8 says it is. The compiler reads an AdditionalFile as UTF-8 when it can;
/// when a byte is not UTF-8 it reads the whole file in a fallback code page instead (Windows-1252, or
/// Latin-1), one character a byte. That text is turned back into its bytes and read as UTF-8 with
/// U+FFFD for each bad sequence, so TG0027 reports the bad bytes where they are, as <c>trapgen check</c>
/// does, instead of the generator taking the file silently in another encoding.
/// </summary>
internal static class CatalogueDecoding
{
    private const int Windows1252 = 1252;
    private const int Latin1 = 28591;

    private static readonly Encoding Utf8WithReplacement = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The text of <paramref name="source"/>, read as UTF-8 when the compiler fell back to a code page.</summary>
    public static string TextOf(SourceText? source)
    {
        if (source is null)
        {
            return string.Empty;
        }

        var text = source.ToString();
        return source.Encoding is { CodePage: Windows1252 or Latin1 } fallback
            ? Utf8WithReplacement.GetString(fallback.GetBytes(text))
            : text;
    }
}
