using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The trap controls of Tables/trap-controls.table: <c>TrapControls.TVM</c> is HCR_EL2.TVM. Generated
/// at build time (with <c>All</c>, in table order); this part adds the lookups.
/// </summary>
public static partial class TrapControls
{
    /// <summary>Finds the trap control called <paramref name="name"/> (such as <c>TVM</c>), or null.</summary>
    public static TrapControl? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>Finds the HCR_EL2 trap control at <paramref name="bit"/>, or null.</summary>
    public static TrapControl? FindHcrBit(int bit) => All.FirstOrDefault(c => c.Register == HcrEl2.Name && c.Bit == bit);
}
