using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>The EL2 registers whose EL1 accesses FEAT_NV2 redirects to EL1 registers (Tables/nv2-redirections.table), by the key of their MRS or MSR.</summary>
public static partial class Nv2Redirections
{
    /// <summary>Gets every row, in table order.</summary>
    public static IReadOnlyList<Nv2Redirection> All { get; } = CreateAll();

    private static readonly Dictionary<uint, Nv2Redirection> ByKey = All.ToDictionary(redirection => redirection.Register.Encoding.Key);

    /// <summary>Finds the redirection of an EL1 MRS or MSR (<see cref="TrapClasses.Msr"/>) with <paramref name="key"/>, when there is one. Allocates nothing.</summary>
    public static bool TryFind(TrapClass trapClass, uint key, out Nv2Redirection redirection)
    {
        redirection = null!;
        return trapClass == TrapClasses.Msr && ByKey.TryGetValue(key, out redirection!);
    }
}
