namespace TrapGen.Architecture.Tables;

/// <summary>A malformed table row, as plain data: where it is and what is wrong.</summary>
/// <param name="Line">0-based line.</param>
/// <param name="Column">0-based column.</param>
/// <param name="Length">The length of the offending text.</param>
/// <param name="Offset">The offset of the offending text in the file.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
internal sealed record TableProblem(int Line, int Column, int Length, int Offset, string Message)
{
    /// <summary>A problem with one cell of <paramref name="line"/>.</summary>
    public static TableProblem At(TableLine line, TableCell cell, string message) =>
        new(line.Line, cell.Column, cell.Text.Length, line.Offset + cell.Column, message);

    /// <summary>A problem with a whole line.</summary>
    public static TableProblem At(TableLine line, string message) =>
        new(line.Line, 0, line.Text.Length, line.Offset, message);
}
