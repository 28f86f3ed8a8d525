namespace TrapGen.Architecture;

/// <summary>
/// What else a trap control's register must hold for the control to trap (<see cref="TrapControl.Requires"/>): a bit that
/// must be set, and optionally one that must be clear. HCR_EL2.NV1 traps only with NV (bit 42) set and NV2 (bit 45) clear,
/// the pseudocode's <c>EffectiveHCR_EL2_NVx() == '011'</c>; trap-controls.table writes it <c>&amp;42!45</c>.
/// </summary>
/// <param name="Set">The bit that must be set.</param>
/// <param name="Clear">The bit that must be clear, or null.</param>
public readonly record struct BitRequirement(int Set, int? Clear = null)
{
    /// <summary>Gets whether <paramref name="registerValue"/> meets the requirement. Allocates nothing.</summary>
    public bool IsMetBy(ulong registerValue) =>
        ((registerValue >> Set) & 1) != 0 && (Clear is not { } clear || ((registerValue >> clear) & 1) == 0);
}
