using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>One run of the probe: every instruction once, under one setting of the trap controls.</summary>
/// <param name="Name">What is set: <c>none</c>, a control's name, <c>TDE</c> or <c>all</c>.</param>
/// <param name="Hcr">HCR_EL2 (with RW as the guest's execution state needs).</param>
/// <param name="Mdcr">MDCR_EL2's trap bits (the probe keeps the CPU's own HPMN).</param>
/// <param name="Set">The trap controls the run sets, by name, as a trace's <c>hcr</c> and <c>mdcr</c> lines spell them (TDE included).</param>
public sealed record ProbeRun(string Name, ulong Hcr, ulong Mdcr, IReadOnlyList<string> Set)
{
    /// <summary>Gets CPTR_EL2's trap bits the run sets (TCPAC), on top of the register's RES1 bits.</summary>
    public ulong Cptr { get; init; }

    /// <summary>
    /// The run that sets <paramref name="control"/> alone (with <paramref name="rw"/>): for one that traps while clear
    /// (HCR_EL2.APK, EnSCXT, FIEN, ATA) that means setting its bit, which stops the trap that every other run takes.
    /// </summary>
    public static ProbeRun Alone(ulong rw, TrapControl control)
    {
        System.ArgumentNullException.ThrowIfNull(control);
        return control.Register switch
        {
            MdcrEl2.Name => new ProbeRun(control.Name, rw, control.Mask, [control.Name]),
            CptrEl2.Name => new ProbeRun(control.Name, rw, 0, [control.Name]) { Cptr = control.Mask },
            _ => new ProbeRun(control.Name, rw | control.Mask, 0, [control.Name]),
        };
    }

    /// <summary>
    /// Gets whether the run makes a virtual IRQ pending (HCR_EL2.IMO and VI, on top of <see cref="Hcr"/>), which EL1 never
    /// takes (it runs with PSTATE.I set) but which makes a WFI complete at once instead of waiting: the Arm ARM's WFI
    /// (Hint_WFI: "if AArch64.InterruptPending() then EndOfInstruction()") neither traps nor waits while an interrupt is
    /// pending, and QEMU 7.2's HELPER(wfi) returns when cpu_has_work. A probe sets it in the runs where HCR_EL2.TWI is
    /// clear, so that an untrapped WFI does not sleep the probe away; TrapGen's CPU, which models no interrupts, runs
    /// without it.
    /// </summary>
    public bool VirtualIrqPending { get; init; }

    /// <summary>HCR_EL2.IMO (bit 4) and VI (bit 7): physical IRQs routed to EL2, and a virtual IRQ pending at EL1.</summary>
    public const ulong VirtualIrqBits = (1UL << 4) | (1UL << 7);

    /// <summary>Gets HSTR_EL2 for the run: its T&lt;n&gt; bits, trapping AArch32 cp15 accesses by primary register; 0 by default.</summary>
    public ulong Hstr { get; init; }

    /// <summary>
    /// The runs that set HSTR_EL2, HCR_EL2 and MDCR_EL2 clear: every T&lt;n&gt; (T4 and T14 are RES0), and T15 alone (as KVM
    /// sets it for an AArch32 guest's IMPLEMENTATION DEFINED c15 registers). At an AArch32 EL1 they trap the cp15 space
    /// before any UNDEFINED; the Arm ARM's AArch64.CheckCP15InstrCoarseTraps.
    /// </summary>
    public static IReadOnlyList<ProbeRun> HstrRuns(ulong rw) =>
    [
        new("HSTR all", rw, 0, [.. TrapControls.All.Where(c => c.Register == HstrEl2.Name).Select(c => c.Name)]) { Hstr = TrapControls.All.Where(c => c.Register == HstrEl2.Name).Aggregate(0UL, (value, c) => value | c.Mask) },
        new("HSTR T15", rw, 0, ["T15"]) { Hstr = TrapControls.T15.Mask },
    ];

    /// <summary>CNTHCTL_EL2's timer trap bits: EL1PCTEN and EL1PCEN, each trapping EL1's physical counter or timer when clear.</summary>
    public static ulong TimerBits { get; } = TrapControls.EL1PCEN.Mask | TrapControls.EL1PCTEN.Mask;

    /// <summary>
    /// Gets CNTHCTL_EL2's EL1PCTEN and EL1PCEN for the run (its other bits keep the CPU's reset value): both set,
    /// EL1 reaching the physical counter and timer, unless the run is one of <see cref="Timer"/>.
    /// </summary>
    public ulong Cnthctl { get; init; } = TimerBits;

    /// <summary>
    /// The runs of every pair of <paramref name="controls"/> (HCR_EL2's, MDCR_EL2's, CPTR_EL2's or one of two), each named
    /// <c>A+B</c>, so that two controls that reach one access are checked together (which one's trap wins, or that
    /// one does not hide the other's).
    /// </summary>
    public static IReadOnlyList<ProbeRun> Pairs(ulong rw, IReadOnlyList<TrapControl> controls) =>
    [
        .. from i in Enumerable.Range(0, controls.Count)
           from j in Enumerable.Range(i + 1, controls.Count - i - 1)
           let pair = new[] { controls[i], controls[j] }
           select new ProbeRun(
               controls[i].Name + "+" + controls[j].Name,
               pair.Where(c => c.Register == HcrEl2.Name).Aggregate(rw, (value, c) => value | c.Mask),
               pair.Where(c => c.Register == MdcrEl2.Name).Aggregate(0UL, (value, c) => value | c.Mask),
               [.. pair.Select(c => c.Name)]) { Cptr = pair.Where(c => c.Register == CptrEl2.Name).Aggregate(0UL, (value, c) => value | c.Mask) },
    ];

    /// <summary>
    /// The runs that clear CNTHCTL_EL2's timer controls, HCR_EL2 and MDCR_EL2 clear: EL1PCTEN alone, EL1PCEN alone,
    /// and both. <see cref="Set"/> names the cleared controls with a minus.
    /// </summary>
    public static IReadOnlyList<ProbeRun> Timer(ulong rw) =>
    [
        new("EL1PCTEN clear", rw, 0, ["-EL1PCTEN"]) { Cnthctl = TrapControls.EL1PCEN.Mask },
        new("EL1PCEN clear", rw, 0, ["-EL1PCEN"]) { Cnthctl = TrapControls.EL1PCTEN.Mask },
        new("EL1PCTEN and EL1PCEN clear", rw, 0, ["-EL1PCTEN", "-EL1PCEN"]) { Cnthctl = 0 },
    ];

    /// <summary>
    /// The runs of a probe: none, each of <paramref name="controls"/> alone (MDCR_EL2.TPM and TPMCR among them),
    /// MDCR_EL2.TDE alone (which forces TDA, TDOSA and TDRA, not TPM or TPMCR), and all of them together (HCR_EL2's,
    /// MDCR_EL2's and CPTR_EL2's).
    /// </summary>
    public static IReadOnlyList<ProbeRun> For(ulong rw, IReadOnlyList<TrapControl> controls) =>
    [
        new("none", rw, 0, []),
        .. controls.Select(c => Alone(rw, c)),
        new("TDE", rw, 1UL << MdcrEl2.TDE, ["TDE"]),
        new(
            "all",
            controls.Where(c => c.Register == HcrEl2.Name).Aggregate(rw, (value, c) => value | c.Mask),
            controls.Where(c => c.Register == MdcrEl2.Name).Aggregate(0UL, (value, c) => value | c.Mask),
            [.. controls.Select(c => c.Name)]) { Cptr = controls.Where(c => c.Register == CptrEl2.Name).Aggregate(0UL, (value, c) => value | c.Mask) },
    ];
}
