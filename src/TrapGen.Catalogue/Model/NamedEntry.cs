using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;

namespace TrapGen.Catalogue.Model;

/// <summary>A declared hook or emulator: a method the runtime implements.</summary>
/// <param name="Name">The method's name (a C# identifier).</param>
/// <param name="Description">What it does.</param>
/// <param name="Span">Where it is declared.</param>
public sealed record NamedEntry(string Name, string Description, SourceSpan Span);
