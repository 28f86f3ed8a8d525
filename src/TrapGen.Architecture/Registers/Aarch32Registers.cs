using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// Every AArch32 System (cp15), debug (cp14) and floating-point ID (cp10) register of the architecture, with
/// the AArch64 register each is mapped to (Tables/aarch32-registers.table).
/// </summary>
public static partial class Aarch32Registers
{
    /// <summary>Gets every register, grouped by function as the table is.</summary>
    public static IReadOnlyList<Aarch32Register> All { get; } = CreateAll();

    private static readonly Dictionary<Aarch32Encoding, Aarch32Register> ByEncoding =
        All.GroupBy(r => r.Encoding).ToDictionary(g => g.Key, g => g.First());

    private static readonly ILookup<string, Aarch32Register> ByName =
        All.SelectMany(r => r.OtherNames.Prepend(r.Name).Select(name => (name, r))).ToLookup(p => p.name, p => p.r, StringComparer.OrdinalIgnoreCase);

    private static readonly ILookup<string, Aarch32Register> ByAarch64Register =
        All.Where(r => r.MapsTo is not null).ToLookup(r => r.MapsTo!, StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the registers called <paramref name="name"/> (by name or other name, any case): two when it has an MCR and an MCRR form, or an MCR and an LDC/STC form.</summary>
    public static IReadOnlyList<Aarch32Register> Named(string name) => [.. ByName[name ?? string.Empty]];

    /// <summary>Finds the register at <paramref name="encoding"/>.</summary>
    public static bool TryFind(Aarch32Encoding encoding, out Aarch32Register register) =>
        ByEncoding.TryGetValue(encoding, out register!);

    /// <summary>Gets the AArch32 registers architecturally mapped onto the AArch64 register <paramref name="aarch64Name"/>.</summary>
    public static IReadOnlyList<Aarch32Register> MappedOnto(string aarch64Name) => [.. ByAarch64Register[aarch64Name ?? string.Empty]];
}
