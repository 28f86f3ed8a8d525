using System.Collections.Generic;
using System.Linq;
using TrapGen.Catalogue.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Runtime.Traps;

/// <summary>The architectural names of registers the architecture's trap lists know, by trap class and key.</summary>
public static class ArchitecturalNames
{
    private static readonly Dictionary<(TrapClassKind, uint), string> Names = ArchitecturalTraps.All
        .SelectMany(control => control.Registers)
        .SelectMany(register => new[] { TrapClassKind.Aarch64, TrapClassKind.Cp15Register32, TrapClassKind.Cp15Register64 }
            .Select(kind => (Kind: kind, Key: ArchitecturalTraps.KeyOf(kind, register), register.Name)))
        .Where(entry => entry.Key.HasValue)
        .GroupBy(entry => (entry.Kind, entry.Key!.Value))
        .ToDictionary(group => group.Key, group => group.First().Name);

    /// <summary>Finds the architectural name of the register with <paramref name="key"/> in <paramref name="kind"/>.</summary>
    public static bool TryFind(TrapClassKind kind, uint key, out string name) => Names.TryGetValue((kind, key), out name!);
}
