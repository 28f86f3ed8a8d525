namespace TrapGen.Architecture;

/// <summary>The values of the EL2 registers that hold trap controls, as one EL1 access sees them.</summary>
/// <param name="Hcr">HCR_EL2.</param>
/// <param name="Cnthctl">CNTHCTL_EL2 (with HCR_EL2.E2H = 0).</param>
/// <param name="Mdcr">MDCR_EL2.</param>
/// <param name="Cptr">CPTR_EL2 (with HCR_EL2.E2H = 0); 0 traps nothing TrapGen models.</param>
public readonly record struct TrapControlRegisters(ulong Hcr, ulong Cnthctl, ulong Mdcr, ulong Cptr = 0)
{
    /// <summary>Gets HSTR_EL2, whose T&lt;n&gt; bits trap AArch32 cp15 accesses by their primary register (<see cref="HstrEl2"/>); 0 by default.</summary>
    public ulong Hstr { get; init; }

    /// <summary>
    /// Gets HCRX_EL2 (<see cref="HcrxEl2"/>), whose enables trap while 0; 0 by default, which on a CPU with FEAT_HCX and
    /// the enable's feature traps TCR2_EL1, SCTLR2_EL1, FPMR and the *MASK_EL1 registers.
    /// </summary>
    public ulong Hcrx { get; init; }

    /// <summary>
    /// Gets ICH_HCR_EL2 (<see cref="IchHcrEl2"/>), whose TC, TALL0, TALL1 and TDIR trap EL1 accesses to the GIC CPU
    /// interface's ICC_* registers; 0 by default.
    /// </summary>
    public ulong IchHcr { get; init; }

    /// <summary>
    /// Gets MPAM2_EL2 (<see cref="Mpam2El2"/>), whose TRAPMPAM1EL1, TRAPMPAM0EL1 and TIDR trap while 1 and EnMPAMSM while
    /// 0; 0 by default.
    /// </summary>
    public ulong Mpam2 { get; init; }

    /// <summary>Gets MPAMBW2_EL2 (<see cref="MpamBw2El2"/>), whose nTRAP_* fields trap while 0; 0 by default.</summary>
    public ulong MpamBw2 { get; init; }

    /// <summary>Gets MPAMHCR_EL2 (<see cref="MpamHcrEl2"/>), whose TRAP_MPAMIDR_EL1 traps EL1 reads of MPAMIDR_EL1; 0 by default.</summary>
    public ulong MpamHcr { get; init; }

    /// <summary>Gets the fine-grained trap registers (HFGRTR_EL2, ...); the default is all 0.</summary>
    public FineGrainedTrapValues FineGrained { get; init; }

    /// <summary>
    /// Gets the event counter PMSELR_EL0.SEL (PMSELR.SEL) selects as the access sees it, 0 by default: the counter PMXEVCNTR_EL0 and
    /// PMXEVTYPER_EL0 reach, which an event counter limit's rule with <see cref="TrapRule.CounterSelected"/> checks.
    /// </summary>
    public int SelectedCounter { get; init; }

    /// <summary>Gets the value of the register that holds <paramref name="control"/>.</summary>
    public ulong ValueOf(TrapControl control) => ValueOf((control ?? throw new System.ArgumentNullException(nameof(control))).Register);

    /// <summary>
    /// Gets the value of the trap-control register named <paramref name="register"/>: HCR_EL2, CNTHCTL_EL2, MDCR_EL2,
    /// CPTR_EL2, HSTR_EL2, HCRX_EL2, ICH_HCR_EL2, MPAM2_EL2, MPAMBW2_EL2, MPAMHCR_EL2 or a fine-grained trap register (<see cref="FineGrainedTraps.Registers"/>).
    /// </summary>
    /// <exception cref="System.ArgumentException">For another name.</exception>
    public ulong ValueOf(string register) => register switch
    {
        HcrEl2.Name => Hcr,
        CnthctlEl2.Name => Cnthctl,
        MdcrEl2.Name => Mdcr,
        CptrEl2.Name => Cptr,
        HstrEl2.Name => Hstr,
        HcrxEl2.Name => Hcrx,
        IchHcrEl2.Name => IchHcr,
        Mpam2El2.Name => Mpam2,
        MpamBw2El2.Name => MpamBw2,
        MpamHcrEl2.Name => MpamHcr,
        _ when FineGrainedTraps.IndexOf(register) is >= 0 and var index => FineGrained[index],
        _ => throw new System.ArgumentException("TrapGen holds no trap-control register " + register, nameof(register)),
    };

    /// <summary>Gets these values with the trap-control register named <paramref name="register"/> (<see cref="ValueOf(string)"/>) set to <paramref name="value"/>.</summary>
    /// <exception cref="System.ArgumentException">For another name.</exception>
    public TrapControlRegisters With(string register, ulong value) => register switch
    {
        HcrEl2.Name => this with { Hcr = value },
        CnthctlEl2.Name => this with { Cnthctl = value },
        MdcrEl2.Name => this with { Mdcr = value },
        CptrEl2.Name => this with { Cptr = value },
        HstrEl2.Name => this with { Hstr = value },
        HcrxEl2.Name => this with { Hcrx = value },
        IchHcrEl2.Name => this with { IchHcr = value },
        Mpam2El2.Name => this with { Mpam2 = value },
        MpamBw2El2.Name => this with { MpamBw2 = value },
        MpamHcrEl2.Name => this with { MpamHcr = value },
        _ when FineGrainedTraps.IndexOf(register) is >= 0 and var index => this with { FineGrained = FineGrained.With(index, value) },
        _ => throw new System.ArgumentException("TrapGen holds no trap-control register " + register, nameof(register)),
    };

    /// <summary>Gets the names of every register <see cref="ValueOf(string)"/> reads: the ten coarse ones, then the fine-grained ones.</summary>
    public static System.Collections.Generic.IReadOnlyList<string> Names { get; } =
        [HcrEl2.Name, CnthctlEl2.Name, MdcrEl2.Name, CptrEl2.Name, HstrEl2.Name, HcrxEl2.Name, IchHcrEl2.Name, Mpam2El2.Name, MpamBw2El2.Name, MpamHcrEl2.Name, .. FineGrainedTraps.Registers];

    /// <summary>Gets whether <paramref name="control"/> traps under these values (on a CPU where it exists).</summary>
    public bool IsActive(TrapControl control) => control.IsActive(ValueOf(control));

    /// <summary>
    /// Gets whether <paramref name="control"/> traps under these values on <paramref name="model"/>, or on any CPU that has it
    /// when null. On a model without FEAT_NV2, HCR_EL2.NV2 is RES0 and counts as 0 (NV1 traps whatever it holds).
    /// </summary>
    public bool IsActive(TrapControl control, CpuModel? model) =>
        model is null ? IsActive(control)
            : control.ExistsOn(model) && control.IsActive(control.Register == HcrEl2.Name && !model.Has(NestedVirtualisation.MemoryFeature) ? Hcr & ~Layouts.HcrEl2Nested.NV2.Mask : ValueOf(control));

    /// <summary>
    /// Gets whether <paramref name="rule"/> traps under these values on <paramref name="model"/> (any CPU that has its controls
    /// when null): its control traps, and its qualifier, if it has one, is in effect (HCRX_EL2.FGTnXS 0 on a CPU with it); an
    /// event counter limit's, when the counter its access reaches is at or above the limit (<see cref="TrapControl.TrapsCounter"/>);
    /// one that needs FEAT_NV2 (<see cref="TrapRule.Nvx"/>), when the Effective HCR_EL2.&lt;NV2,NV1,NV&gt; is as it says.
    /// </summary>
    public bool IsActive(TrapRule rule, CpuModel? model) =>
        (rule ?? throw new System.ArgumentNullException(nameof(rule))).Control.IsCounterLimit
            ? (model is null || rule.Control.ExistsOn(model)) && rule.Control.TrapsCounter(ValueOf(rule.Control), rule.CounterSelected ? SelectedCounter : rule.Counter ?? 0, model)
            : IsActive(rule.Control, model) && (rule.Qualifier is not { } qualifier || IsActive(qualifier, model))
                && (rule.Nvx is not { } nvx || nvx.Holds(NestedVirtualisation.EffectiveNvx(Hcr, model)));
}
