namespace TrapGen.Architecture;

/// <summary>A trap control's effect on one register: which of its accesses the control traps.</summary>
/// <param name="Control">The trap control.</param>
/// <param name="Direction">The accesses it traps.</param>
public sealed record TrapRule(TrapControl Control, AccessDirection Direction)
{
    /// <summary>
    /// Gets the qualifier that must be in effect as well for the rule to trap (<see cref="TrapControl.IsQualifier"/>), or null:
    /// HCRX_EL2.FGTnXS for HFGITR_EL2's TLBI fields on the nXS TLBIs, which trap only while it is 0 (and only on a CPU where
    /// it exists, FEAT_HCX and FEAT_XS), as each nXS TLBI's pseudocode says.
    /// </summary>
    public TrapControl? Qualifier { get; init; }

    /// <summary>
    /// Gets the event counter the access reaches, for a rule of an event counter limit (<see cref="TrapControl.IsCounterLimit"/>,
    /// MDCR_EL2.HPMN): n of PMEVCNTR&lt;n&gt;_EL0, PMEVTYPER&lt;n&gt;_EL0, their AArch32 views and PMEVCNTSVR&lt;n&gt;_EL1, which the
    /// tables write <c>HPMN[n]:rw</c>; null for any other rule and for <see cref="CounterSelected"/>'s.
    /// </summary>
    public int? Counter { get; init; }

    /// <summary>
    /// Gets whether the counter the access reaches is the one PMSELR_EL0.SEL (PMSELR.SEL in AArch32) selects: PMXEVCNTR_EL0 and
    /// PMXEVTYPER_EL0 and their views, which the tables write <c>HPMN[SEL]:rw</c> (<see cref="TrapControlRegisters.SelectedCounter"/>).
    /// </summary>
    public bool CounterSelected { get; init; }

    /// <summary>
    /// Gets the Effective HCR_EL2.&lt;NV2,NV1,NV&gt; under which alone the rule traps (FEAT_NV2), or null for a rule that needs no
    /// such test: CNTHCTL_EL2.EL1NVPCT traps CNTP_CTL_EL02 only under <c>== '101'</c>, and HCR_EL2.ATA TFSR_EL2 at EL1 only under
    /// <c>IN {'1x1'}</c>, before the access goes to memory. The tables write it <c>EL1NVPCT@101:rw</c>, before the row's other rules.
    /// </summary>
    public NvxCondition? Nvx { get; init; }

    /// <summary>Gets whether the rule traps accesses in <paramref name="direction"/>.</summary>
    public bool Covers(AccessDirection direction) => RegisterAccessRules.Covers(Direction, direction);

    /// <summary>Gets whether the rule can trap on <paramref name="model"/>: its control exists there, and so does its qualifier.</summary>
    public bool ExistsOn(CpuModel model) => Control.ExistsOn(model) && (Qualifier is null || Qualifier.ExistsOn(model));
}
