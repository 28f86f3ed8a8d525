using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>Every AArch64 System instruction (op0 = 1) of the architecture (Tables/aarch64-instructions.table).</summary>
public static partial class SystemInstructions
{
    /// <summary>Gets every System instruction, ordered by encoding.</summary>
    public static IReadOnlyList<SystemInstruction> All { get; } = CreateAll();

    private static readonly Dictionary<string, SystemInstruction> ByName =
        All.GroupBy(i => i.FullName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<Aarch64Encoding, SystemInstruction> ByEncoding =
        All.GroupBy(i => i.Encoding).ToDictionary(g => g.Key, g => g.First());

    /// <summary>Finds an instruction by its full name, <c>DC CIVAC</c> (one space, any case).</summary>
    public static bool TryFind(string fullName, out SystemInstruction instruction) =>
        ByName.TryGetValue(fullName ?? string.Empty, out instruction!);

    /// <summary>
    /// Gets the instruction called <paramref name="fullName"/> (<c>TLBI VAE1</c>), for the other tables' generated rows, which
    /// the table generator has checked against this table.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No instruction has that name.</exception>
    public static SystemInstruction Named(string fullName) =>
        TryFind(fullName, out var instruction) ? instruction : throw new KeyNotFoundException("aarch64-instructions.table has no instruction " + fullName);

    /// <summary>Finds the instruction at <paramref name="encoding"/>.</summary>
    public static bool TryFind(Aarch64Encoding encoding, out SystemInstruction instruction) =>
        ByEncoding.TryGetValue(encoding, out instruction!);
}
