using System.Collections.Generic;

namespace TrapGen.Architecture.Tables;

/// <summary>What translating one table produced: its C# (null when the table kind is unknown) and its problems.</summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Source">The C# source.</param>
/// <param name="Problems">Every malformed row.</param>
internal sealed record TableOutput(string HintName, string? Source, IReadOnlyList<TableProblem> Problems);
