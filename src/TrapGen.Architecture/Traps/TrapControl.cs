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
    /// Gets what else <see cref="Register"/> must hold for the control to trap, or null: HCR_EL2.NV1 traps only with NV (bit 42)
    /// set and NV2 (bit 45) clear, as its accessors' pseudocode tests EffectiveHCR_EL2_NVx() == '011' (with NV2 set, the
    /// accesses it would trap go to memory: <see cref="Nv2Memory"/>). trap-controls.table writes it in the forced-by column
    /// as <c>&amp;42!45</c>.
    /// </summary>
    public BitRequirement? Requires { get; init; }

    /// <summary>
    /// Gets the number of bits of the control: 1 for a trap bit; a field's width for an event counter limit
    /// (<see cref="IsCounterLimit"/>: MDCR_EL2.HPMN, bits [4:0], which trap-controls.table writes <c>4:0</c>).
    /// </summary>
    public int Width { get; init; } = 1;

    /// <summary>
    /// Gets whether the control is an event counter limit, not a bit: the field holds a number of event counters, and an EL1
    /// access to a counter whose index is at or above it traps (MDCR_EL2.HPMN, the pseudocode's
    /// <c>m &gt;= GetNumEventCountersAccessible()</c>). trap-controls.table writes its traps-when as <c>index-at-or-above</c>, and
    /// each of its rules names the counter its access reaches (<see cref="TrapRule.Counter"/>). It traps by
    /// <see cref="TrapsCounter"/>; <see cref="IsActive(ulong)"/>, which knows no counter, is false for it.
    /// </summary>
    public bool IsCounterLimit { get; init; }

    /// <summary>Gets the control's bits as a mask of <see cref="Register"/>: its bit, or a counter limit's field.</summary>
    public ulong Mask => BitField.MaskOf(Bit, Width);

    /// <summary>Gets whether the control traps (a qualifier: lets its rules apply), given the value of <see cref="Register"/>; false for a counter limit.</summary>
    public bool IsActive(ulong registerValue) =>
        !IsCounterLimit
        && (((((registerValue & Mask) != 0) == TrapsWhenSet) && (Requires is not { } required || required.IsMetBy(registerValue)))
            || (ForcedBy is { } forcing && ((registerValue >> forcing) & 1) != 0));

    /// <summary>
    /// Gets whether an event counter limit (<see cref="IsCounterLimit"/>) traps an EL1 access to event counter
    /// <paramref name="counter"/>, given the value of <see cref="Register"/>, on <paramref name="model"/> (PMCR_EL0.N event
    /// counters; with no model, 31): the counter is at or above the limit and below the number implemented (a counter beyond
    /// that is the accessor's own UNDEFINED, or CONSTRAINED UNPREDICTABLE, before any trap: D24.5.10). A reserved limit (above
    /// the number implemented, or 0 without FEAT_HPMN0) is CONSTRAINED UNPREDICTABLE; D24.3.17 permits the PE to "behave as if
    /// MDCR_EL2.HPMN is set to an UNKNOWN nonzero value less than or equal to NUM_PMU_COUNTERS", and TrapGen's takes that
    /// value to be the number implemented, so that MDCR_EL2 = 0 traps no counter. Allocates nothing.
    /// </summary>
    public bool TrapsCounter(ulong registerValue, int counter, CpuModel? model) =>
        IsCounterLimit && counter >= EffectiveCounterLimit(registerValue, model) && counter < (model?.EventCounters ?? MaxEventCounters);

    /// <summary>
    /// Gets the Effective value of an event counter limit (<see cref="IsCounterLimit"/>: MDCR_EL2.HPMN) in
    /// <paramref name="registerValue"/> on <paramref name="model"/>: the field, or, where it is reserved (above the number of
    /// event counters implemented, or 0 without FEAT_HPMN0), that number, as <see cref="TrapsCounter"/> takes it. It is also
    /// what an EL1 read of PMCR_EL0.N returns (D24.5.8).
    /// </summary>
    public int EffectiveCounterLimit(ulong registerValue, CpuModel? model)
    {
        var implemented = model?.EventCounters ?? MaxEventCounters;
        var limit = (int)((registerValue & Mask) >> Bit);
        return limit > implemented || (limit == 0 && (model is null || !model.Satisfies(HpmnZero))) ? implemented : limit;
    }

    /// <summary>The most event counters a PE has (PMEVCNTR0_EL0 to PMEVCNTR30_EL0; index 31 is the cycle counter's).</summary>
    private const int MaxEventCounters = 31;

    /// <summary>The feature that makes a counter limit of 0 allowed (D24.3.17: "If FEAT_HPMN0 is not implemented, then the value 0 is reserved").</summary>
    private const string HpmnZero = "FEAT_HPMN0";

    /// <summary>Gets whether the field exists on <paramref name="model"/>: every control of an Armv8.0 CPU with EL2, a later one with its feature.</summary>
    public bool ExistsOn(CpuModel model) => Needs is null || (model ?? throw new System.ArgumentNullException(nameof(model))).Satisfies(Needs);

    /// <summary>Gets whether the control is a field of a fine-grained trap register (HFGRTR_EL2, ...: <see cref="FineGrainedTraps"/>), not of trap-controls.table.</summary>
    public bool IsFineGrained => FineGrainedTraps.IndexOf(Register) >= 0;

    /// <summary>Gets the qualified name: <c>HCR_EL2.TVM</c>.</summary>
    public string QualifiedName => Register + "." + Name;
}
