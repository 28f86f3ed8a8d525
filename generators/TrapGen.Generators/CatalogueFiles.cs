using System;
using System.IO;

namespace TrapGen.Generators;

/// <summary>Which AdditionalFiles are catalogues: <c>registers.yaml</c>, or any <c>*.registers.yaml</c>.</summary>
public static class CatalogueFiles
{
    /// <summary>Gets whether <paramref name="path"/> names a catalogue.</summary>
    public static bool IsCatalogue(string path)
    {
        var name = Path.GetFileName(path);
        return name.Equals("registers.yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".registers.yaml", StringComparison.OrdinalIgnoreCase);
    }
}
