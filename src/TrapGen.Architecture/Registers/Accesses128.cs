using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// Everything a 128-bit access reaches, by key: the registers of <see cref="Aarch64Registers128"/> (op0 3) and the TLBIPs of
/// <see cref="SystemInstructions128"/> (op0 1), whose keys never meet.
/// </summary>
public static class Accesses128
{
    /// <summary>Gets every register MRRS and MSRR reach, then every TLBIP, in table order.</summary>
    public static IReadOnlyList<IAccess128> All { get; } =
        [.. Aarch64Registers128.All.Cast<IAccess128>().Concat(SystemInstructions128.All)];

    private static readonly Dictionary<uint, IAccess128> ByKey = All.ToDictionary(access => access.Key);

    /// <summary>Finds what a 128-bit access at <paramref name="key"/> (an ISS masked to the encoding fields) reaches.</summary>
    public static bool TryFind(uint key, out IAccess128 access) => ByKey.TryGetValue(key, out access!);

    /// <summary>
    /// Gets whether <paramref name="model"/> has <paramref name="access"/>: the instruction that makes it (which is UNDEFINED at
    /// decode without <see cref="IAccess128.DecodeFeature"/>), the register or TLBI it reaches, and the feature that adds the
    /// 128-bit form.
    /// </summary>
    public static bool Implements(CpuModel model, IAccess128 access)
    {
        if (model is null)
        {
            throw new System.ArgumentNullException(nameof(model));
        }

        if (access is null)
        {
            throw new System.ArgumentNullException(nameof(access));
        }

        return model.Has(access.DecodeFeature) && model.Satisfies(access.BaseRequirement) && model.Satisfies(access.Feature);
    }
}
