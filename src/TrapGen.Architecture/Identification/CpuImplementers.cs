using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>The MIDR_EL1.Implementer codes and their names (Tables/cpu-implementers.table).</summary>
public static partial class CpuImplementers
{
    private static readonly Dictionary<int, string> Names = CreateAll().ToDictionary(row => row.Code, row => row.Name);

    /// <summary>Gets the name of implementer <paramref name="code"/>, or null when the table does not list it.</summary>
    /// <param name="code">MIDR_EL1.Implementer.</param>
    /// <returns>The implementer's name, or null.</returns>
    public static string? NameOf(int code) => Names.TryGetValue(code, out var name) ? name : null;
}
