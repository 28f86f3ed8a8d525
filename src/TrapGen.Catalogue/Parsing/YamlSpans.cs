using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrapGen.Catalogue.Parsing;

/// <summary>Converts YamlDotNet's 1-based marks into 0-based <see cref="SourceSpan"/>s.</summary>
internal static class YamlSpans
{
    public static SourceSpan Of(YamlNode node) => Between(node.Start, node.End);

    public static SourceSpan Between(Mark start, Mark end)
    {
        var startLine = (int)start.Line - 1;
        var startColumn = (int)start.Column - 1;
        var endLine = (int)end.Line - 1;
        var endColumn = (int)end.Column - 1;
        if (startLine < 0)
        {
            return SourceSpan.FileStart;
        }

        if (endLine < startLine || (endLine == startLine && endColumn < startColumn))
        {
            (endLine, endColumn) = (startLine, startColumn);
        }

        var startOffset = (int)start.Index;
        var endOffset = (int)end.Index < startOffset ? startOffset : (int)end.Index;
        return new SourceSpan(startOffset, endOffset, startLine, startColumn, endLine, endColumn);
    }
}
