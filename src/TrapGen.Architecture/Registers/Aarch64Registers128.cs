using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The AArch64 System registers MRRS and MSRR reach (Tables/aarch64-128-bit-registers.table), found by encoding key
/// (<see cref="TrapClasses.Sys128"/>'s key) or by name.
/// </summary>
public static partial class Aarch64Registers128
{
    /// <summary>Gets every 128-bit accessor, in table order.</summary>
    public static IReadOnlyList<Aarch64Register128> All { get; } = CreateAll();

    private static readonly Dictionary<uint, Aarch64Register128> ByKey = All.ToDictionary(r => r.Key);

    /// <summary>Finds the 128-bit accessor at <paramref name="key"/>, an ISS masked to the encoding fields.</summary>
    public static bool TryFind(uint key, out Aarch64Register128 register) => ByKey.TryGetValue(key, out register!);

    /// <summary>Finds the 128-bit accessor of the register called <paramref name="name"/> (any name the register has), ignoring case.</summary>
    public static bool TryFind(string name, out Aarch64Register128 register)
    {
        register = null!;
        return Aarch64Registers.TryFind(name, out var found) && ByKey.TryGetValue(TrapClasses.Sys128.Key(found.Encoding.KeyValues), out register!);
    }
}
