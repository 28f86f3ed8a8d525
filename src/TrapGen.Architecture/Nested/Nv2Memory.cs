using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The EL1 accesses FEAT_NV2 turns into memory accesses (Tables/nv2-memory.table), found by the key of a trapped MRS or
/// MSR (<see cref="TrapClasses.Msr"/>), or of an MRRS or MSRR (<see cref="TrapClasses.Sys128"/>) of a register
/// <see cref="Aarch64Registers128"/> has.
/// </summary>
public static partial class Nv2Memory
{
    /// <summary>The size of the page VNCR_EL2.BADDR names, in doublewords: 4KB.</summary>
    public const int PageDoublewords = 512;

    /// <summary>Gets every row, in table order (by offset).</summary>
    public static IReadOnlyList<Nv2MemoryAccess> All { get; } = CreateAll();

    private static readonly Dictionary<uint, Nv2MemoryAccess> ByKey = All.ToDictionary(access => access.Register.Encoding.Key);

    private static readonly Dictionary<uint, Nv2MemoryAccess> ByKey128 =
        All.Where(access => Aarch64Registers128.All.Any(register => register.Register == access.Register))
            .ToDictionary(access => TrapClasses.Sys128.Key(access.Register.Encoding.KeyValues));

    /// <summary>
    /// Finds the memory location an EL1 access of <paramref name="trapClass"/> with <paramref name="key"/> reaches under
    /// FEAT_NV2, when nv2-memory.table has one: an MRS or MSR (EC 0x18), or an MRRS or MSRR (EC 0x14) of a register with a
    /// 128-bit accessor. Allocates nothing.
    /// </summary>
    public static bool TryFind(TrapClass trapClass, uint key, out Nv2MemoryAccess access)
    {
        access = null!;
        return trapClass == TrapClasses.Msr ? ByKey.TryGetValue(key, out access!)
            : trapClass == TrapClasses.Sys128 && ByKey128.TryGetValue(key, out access!);
    }
}
