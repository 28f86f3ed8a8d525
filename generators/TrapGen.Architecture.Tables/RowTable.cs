using System.Collections.Generic;
using System.Text;

namespace TrapGen.Architecture.Tables;

/// <summary>
/// A table of one row type: each line becomes one constructor call in a <c>CreateAll</c> method of a
/// partial class of TrapGen.Architecture, with the source line beside it as a comment.
/// </summary>
internal static class RowTable
{
    public delegate string? RowTranslator(RowReader row, TableLine line);

    public static TableOutput Translate(string file, string text, string className, string rowType, RowTranslator translate)
    {
        var problems = new List<TableProblem>();
        var source = new StringBuilder(CSharp.Header(file));
        source.Append("partial class ").Append(className).Append("\n{\n");
        source.Append("    private static ").Append(rowType).Append("[] CreateAll() =>\n    [\n");
        foreach (var line in TableLine.Read(text))
        {
            var expression = translate(new RowReader(line, problems), line);
            if (expression is not null)
            {
                source.Append("        ").Append(expression).Append(",\n");
            }
        }

        source.Append("    ];\n}\n");
        return new TableOutput(className + ".g.cs", source.ToString(), problems);
    }
}
