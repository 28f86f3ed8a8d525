namespace TrapGen.Architecture;

/// <summary>One trap control bit of an EL2 register: a row of Tables/trap-controls.table, or a field of Tables/fine-grained-traps.table.</summary>
/// <param name="Register">The EL2 register holding the bit: HCR_EL2, CNTHCTL_EL2, MDCR_EL2, CPTR_EL2 or a fine-grained trap register (HFGWTR_EL2, ...).</param>
/// <param name="Name">The bit's name, such as TVM.</param>
/// <param name="Bit">Its position.</param>
/// <param name="TrapsWhenSet">True when setting the bit traps (HCR_EL2.TVM); false when clearing it does (CNTHCTL_EL2.EL1PCEN).</param>
/// <param name="ForcedBy">
/// Another bit of the same register that makes the control act as set whatever its own value, or null:
/// MDCR_EL2.TDE (bit 8) forces TDA, TDOSA and TDRA (not TPM or TPMCR).
/// </param>
/// <param name="Needs">
/// What makes the field exist, as a condition of register-requirements.table (<c>FEAT_EVT</c>,
/// <c>FEAT_CSV2_2|FEAT_CSV2_1p2</c>), or null for every CPU with EL2. On a CPU without it the field is RES0
/// and traps nothing, whatever its value (<see cref="ExistsOn"/>).
/// </param>
/// <param name="DependsOnE2h">
/// True when the field is at <paramref name="Bit"/>, or has this meaning, only while HCR_EL2.E2H is 0 (CNTHCTL_EL2's
/// EL1PCTEN and EL1PCEN move to bits 10 and 11 with E2H = 1): TrapGen models E2H = 0.
/// </param>
/// <param name="Description">What it traps, in the Arm ARM's words.</param>
public sealed record TrapControl(string Register, string Name, int Bit, bool TrapsWhenSet, int? ForcedBy, string? Needs, bool DependsOnE2h, string Description)
{
    /// <summary>
    /// Gets whether the control is a qualifier, not a trap: it traps nothing itself, and while it is in effect (clear, as
    /// <see cref="IsActive(ulong)"/> says) it lets the fine-grained rules it qualifies apply (<see cref="TrapRule.Qualifier"/>).
    /// HCRX_EL2.FGTnXS is one: while 0, HFGITR_EL2's TLBI fields trap the nXS TLBIs too; while 1 they do not.
    /// trap-controls.table writes its traps-when as <c>qualifies-clear</c>.
    /// </summary>
    public bool IsQualifier { get; init; }

    /// <summary>
    /// Gets another bit of <see cref="Register"/> that must be set as well for the control to trap, or null: HCR_EL2.NV1 traps
    /// only with NV (bit 42) set, as its accessors' pseudocode tests EffectiveHCR_EL2_NVx() == '011'. trap-controls.table
    /// writes it in the forced-by column as <c>&amp;42</c>.
    /// </summary>
    public int? Requires { get; init; }

    /// <summary>Gets the bit as a mask of <see cref="Register"/>.</summary>
    public ulong Mask => 1UL << Bit;

    /// <summary>Gets whether the control traps (a qualifier: lets its rules apply), given the value of <see cref="Register"/>.</summary>
    public bool IsActive(ulong registerValue) =>
        ((((registerValue & Mask) != 0) == TrapsWhenSet) && (Requires is not { } required || ((registerValue >> required) & 1) != 0))
        || (ForcedBy is { } forcing && ((registerValue >> forcing) & 1) != 0);

    /// <summary>Gets whether the field exists on <paramref name="model"/>: every control of an Armv8.0 CPU with EL2, a later one with its feature.</summary>
    public bool ExistsOn(CpuModel model) => Needs is null || (model ?? throw new System.ArgumentNullException(nameof(model))).Satisfies(Needs);

    /// <summary>Gets whether the control is a field of a fine-grained trap register (HFGRTR_EL2, ...: <see cref="FineGrainedTraps"/>), not of trap-controls.table.</summary>
    public bool IsFineGrained => FineGrainedTraps.IndexOf(Register) >= 0;

    /// <summary>Gets the qualified name: <c>HCR_EL2.TVM</c>.</summary>
    public string QualifiedName => Register + "." + Name;
}
