using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>The 128-bit System instructions, the TLBIPs (Tables/aarch64-128-bit-instructions.table), by key or by name.</summary>
public static partial class SystemInstructions128
{
    /// <summary>Gets every TLBIP, in table order.</summary>
    public static IReadOnlyList<SystemInstruction128> All { get; } = CreateAll();

    private static readonly Dictionary<uint, SystemInstruction128> ByKey = All.ToDictionary(i => i.Key);

    private static readonly Dictionary<string, SystemInstruction128> ByName = All.ToDictionary(i => i.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the TLBIP at <paramref name="key"/>, a SYSP's ISS masked to the encoding fields.</summary>
    public static bool TryFind(uint key, out SystemInstruction128 instruction) => ByKey.TryGetValue(key, out instruction!);

    /// <summary>Finds the TLBIP called <paramref name="name"/> (<c>TLBIP VAE1</c>), ignoring case.</summary>
    public static bool TryFind(string name, out SystemInstruction128 instruction) => ByName.TryGetValue(name ?? string.Empty, out instruction!);
}
