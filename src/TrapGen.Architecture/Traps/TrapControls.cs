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
    /// <summary>
    /// Finds the trap control called <paramref name="name"/>: a control of trap-controls.table by its name (<c>TVM</c>)
    /// or qualified name (<c>HCR_EL2.TVM</c>), or a fine-grained trap field by its qualified name
    /// (<c>HFGWTR_EL2.SCTLR_EL1</c>); null when there is none.
    /// </summary>
    public static TrapControl? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal) || string.Equals(c.QualifiedName, name, StringComparison.Ordinal))
        ?? FineGrainedTraps.All.FirstOrDefault(c => string.Equals(c.QualifiedName, name, StringComparison.Ordinal));

    /// <summary>Gets the trap controls held by the EL2 register <paramref name="register"/>, coarse (trap-controls.table) or fine-grained, in table order.</summary>
    public static IEnumerable<TrapControl> Of(string register) =>
        All.Concat(FineGrainedTraps.All).Where(c => string.Equals(c.Register, register, StringComparison.Ordinal));

    /// <summary>
    /// Gets every control, coarse (trap-controls.table) or fine-grained, whose field is called <paramref name="name"/>, in
    /// table order: one for TVM, two for TTBR0_EL1 (HFGRTR_EL2's and HFGWTR_EL2's), none for a name no control has.
    /// </summary>
    public static IReadOnlyList<TrapControl> Named(string name) =>
        [.. All.Concat(FineGrainedTraps.All).Where(c => string.Equals(c.Name, name, StringComparison.Ordinal))];

    /// <summary>Gets the qualified name of every control, coarse then fine-grained (<c>HCR_EL2.TVM</c>, <c>HFGRTR_EL2.nPIR_EL1</c>): the names a trap group may have.</summary>
    public static IEnumerable<string> QualifiedNames => All.Concat(FineGrainedTraps.All).Select(c => c.QualifiedName);

    /// <summary>Finds the HCR_EL2 trap control at <paramref name="bit"/>, or null.</summary>
    public static TrapControl? FindHcrBit(int bit) => All.FirstOrDefault(c => c.Register == HcrEl2.Name && c.Bit == bit);
}
