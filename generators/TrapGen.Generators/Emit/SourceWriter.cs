using System;
using System.Text;
using TrapGen.Architecture;

namespace TrapGen.Generators.Emit;

/// <summary>An indented writer for generated C#: LF line endings, four-space indents.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder builder = new();
    private int depth;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            builder.Append(' ', depth * 4).Append(text);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes a <c>/// &lt;summary&gt;</c> comment, escaping XML.</summary>
    public SourceWriter Summary(string text) => SummaryXml(EscapeXml(text));

    /// <summary>Writes a <c>/// &lt;summary&gt;</c> comment whose text already is XML (holds <c>&lt;see/&gt;</c> tags).</summary>
    public SourceWriter SummaryXml(string xml) => Line("/// <summary>" + xml + "</summary>");

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        depth++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        depth--;
        return Line("}" + suffix);
    }

    public IDisposable Block(string header)
    {
        Open(header);
        return new Closer(this);
    }

    public override string ToString() => builder.ToString();

    public static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private sealed class Closer(SourceWriter writer) : IDisposable
    {
        public void Dispose() => writer.Close();
    }
}
