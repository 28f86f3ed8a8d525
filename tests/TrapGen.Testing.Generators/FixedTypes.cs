using Microsoft.CodeAnalysis;

namespace TrapGen.Testing.Generators;

/// <summary>
/// TrapGen.Abstractions, which the generated code uses for the types that do not depend on the catalogue:
/// every compilation of generated code references it, as a project with the package does.
/// </summary>
public static class FixedTypes
{
    /// <summary>A metadata reference to TrapGen.Abstractions.</summary>
    public static MetadataReference Reference { get; } = MetadataReference.CreateFromFile(typeof(RegisterHandling).Assembly.Location);
}
