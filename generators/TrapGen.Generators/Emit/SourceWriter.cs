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

    /// <summary>
    /// Writes a <c>/// &lt;summary&gt;</c> comment of text from the catalogue: XML escaped, every line
    /// (C# ends a comment at \n, \r, U+0085, U+2028 and U+2029) its own <c>///</c> line, and other
    /// control characters made spaces, so no description can end the comment and become code.
    /// </summary>
    public SourceWriter Summary(string text)
    {
        var lines = EscapeXml(text).Split(LineTerminators, StringSplitOptions.None);
        if (lines.Length == 1)
        {
            return SummaryXml(WithoutControls(lines[0]));
        }

        Line("/// <summary>");
        foreach (var line in lines)
        {
            Line(("/// " + WithoutControls(line).Trim()).TrimEnd());
        }

        return Line("/// </summary>");
    }

    /// <summary>Every character sequence C# takes as the end of a line.</summary>
    private static readonly string[] LineTerminators = ["\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029"];

    private static string WithoutControls(string text)
    {
        var characters = text.ToCharArray();
        for (var i = 0; i < characters.Length; i++)
        {
            if (char.IsControl(characters[i]))
            {
                characters[i] = ' ';
            }
        }

        return new string(characters);
    }

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
