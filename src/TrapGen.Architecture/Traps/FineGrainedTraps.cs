using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The fields of the fine-grained trap registers (FEAT_FGT, FEAT_FGT2), Tables/fine-grained-traps.table: each a
/// <see cref="TrapControl"/> whose register is HFGRTR_EL2, HFGWTR_EL2, HFGITR_EL2, HDFGRTR_EL2, HDFGWTR_EL2, HAFGRTR_EL2
/// or one of their 2 forms. Generated at build time (with <c>All</c>, in table order); this part adds the registers.
/// What each field traps joins the rules of the registers and instructions it names.
/// </summary>
public static partial class FineGrainedTraps
{
    /// <summary>The fine-grained trap registers, in the order <see cref="FineGrainedTrapValues"/> holds them.</summary>
    public static IReadOnlyList<string> Registers { get; } =
    [
        "HFGRTR_EL2", "HFGWTR_EL2", "HFGITR_EL2", "HDFGRTR_EL2", "HDFGWTR_EL2", "HAFGRTR_EL2",
        "HFGRTR2_EL2", "HFGWTR2_EL2", "HFGITR2_EL2", "HDFGRTR2_EL2", "HDFGWTR2_EL2",
    ];

    /// <summary>Gets the index of <paramref name="register"/> in <see cref="Registers"/>, or -1 when it is not a fine-grained trap register.</summary>
    public static int IndexOf(string register)
    {
        for (var i = 0; i < Registers.Count; i++)
        {
            if (string.Equals(Registers[i], register, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Gets the fields of <paramref name="register"/>, highest bit first, as the table lists them.</summary>
    public static IEnumerable<TrapControl> Of(string register) => All.Where(c => string.Equals(c.Register, register, StringComparison.Ordinal));
}
