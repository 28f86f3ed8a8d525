using TrapGen.Architecture;

namespace TrapGen.Generators.Emit;

/// <summary>One generated source file.</summary>
/// <param name="HintName">The hint name, such as <c>registers.Dispatch.g.cs</c>.</param>
/// <param name="Text">The C# source.</param>
public sealed record GeneratedFile(string HintName, string Text);
