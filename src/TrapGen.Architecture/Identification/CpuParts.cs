using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>The MIDR_EL1.PartNum values of each implementer and the parts' names (Tables/cpu-parts.table).</summary>
public static partial class CpuParts
{
    private static readonly Dictionary<(int Implementer, int Part), string> Names =
        CreateAll().ToDictionary(row => (row.Implementer, row.Part), row => row.Name);

    /// <summary>Gets the name of part <paramref name="part"/> of implementer <paramref name="implementer"/>, or null when the table does not list it.</summary>
    /// <param name="implementer">MIDR_EL1.Implementer.</param>
    /// <param name="part">MIDR_EL1.PartNum.</param>
    /// <returns>The part's name, or null.</returns>
    public static string? NameOf(int implementer, int part) => Names.TryGetValue((implementer, part), out var name) ? name : null;
}
