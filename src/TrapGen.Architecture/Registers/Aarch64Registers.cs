using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// Every AArch64 System register of the architecture (Tables/aarch64-registers.table), found by name
/// (any spelling the architecture or the assemblers use, case-insensitive) or by encoding.
/// </summary>
public static partial class Aarch64Registers
{
    /// <summary>Gets every register, ordered by encoding. Two rows share an encoding only when the architecture names the read and the write differently (DBGDTRRX_EL0, DBGDTRTX_EL0).</summary>
    public static IReadOnlyList<Aarch64Register> All { get; } = CreateAll();

    private static readonly Dictionary<string, Aarch64Register> ByName = IndexNames();

    private static readonly Dictionary<Aarch64Encoding, Aarch64Register[]> ByEncoding =
        All.GroupBy(r => r.Encoding).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Gets every name and other name the table knows, each once.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Finds the register called <paramref name="name"/>, by its name or an other name, ignoring case.</summary>
    public static bool TryFind(string name, out Aarch64Register register) => ByName.TryGetValue(name ?? string.Empty, out register!);

    /// <summary>
    /// Gets the register called exactly <paramref name="name"/> (its table name), for the other tables' generated rows, which
    /// the table generator has checked against this table.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No register has that name.</exception>
    public static Aarch64Register Named(string name) =>
        ByName.TryGetValue(name ?? string.Empty, out var register) && register.Name == name ? register : throw new KeyNotFoundException("aarch64-registers.table has no register " + name);

    /// <summary>Gets the registers at <paramref name="encoding"/>: none when it is unallocated, two when reads and writes have different names.</summary>
    public static IReadOnlyList<Aarch64Register> At(Aarch64Encoding encoding) =>
        ByEncoding.TryGetValue(encoding, out var registers) ? registers : [];

    /// <summary>Gets the register at <paramref name="encoding"/> (the read's, when reads and writes are named differently), or null when it is unallocated.</summary>
    public static Aarch64Register? FirstAt(Aarch64Encoding encoding) =>
        ByEncoding.TryGetValue(encoding, out var registers) ? registers[0] : null;

    /// <summary>Finds the register an access in <paramref name="direction"/> to <paramref name="encoding"/> reaches.</summary>
    public static bool TryFind(Aarch64Encoding encoding, AccessDirection direction, out Aarch64Register register)
    {
        var candidates = At(encoding);
        register = candidates.FirstOrDefault(r => r.Allows(direction)) ?? (candidates.Count > 0 ? candidates[0] : null!);
        return register is not null;
    }

    /// <summary>Gets the name at <paramref name="encoding"/> for an access in <paramref name="direction"/>, or null.</summary>
    public static string? NameAt(Aarch64Encoding encoding, AccessDirection direction) =>
        TryFind(encoding, direction, out var register) ? register.Name : null;

    private static Dictionary<string, Aarch64Register> IndexNames()
    {
        var names = new Dictionary<string, Aarch64Register>(StringComparer.OrdinalIgnoreCase);
        foreach (var register in All)
        {
            names[register.Name] = register;
        }

        foreach (var register in All)
        {
            foreach (var other in register.OtherNames)
            {
                if (!names.ContainsKey(other))
                {
                    names[other] = register;
                }
            }
        }

        return names;
    }
}
