using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// One probe of <see cref="ProbeInstructions"/> at one EL1 execution state, run on QEMU once per test
/// process (the first test that asks runs it) and shared by every test that compares with it: under no
/// trap control, each of <see cref="ProbeInstructions.Controls"/> alone (HCR_EL2's and MDCR_EL2's), MDCR_EL2.TDE
/// alone, and all of them together (<see cref="ProbeRun.For"/>); or under every pair of them (<see cref="ProbeRun.Pairs"/>).
/// </summary>
public sealed class QemuProbe : ProbeOnQemu
{
    private static readonly Lazy<QemuProbe> Aarch64Probe = new(() => new QemuProbe(ProbeGuest.Aarch64, ProbeInstructions.Aarch64(), GuestCode.A64, ProbeRun.For));

    private static readonly Lazy<QemuProbe> Aarch32Probe = new(() => new QemuProbe(ProbeGuest.Aarch32, ProbeInstructions.Aarch32(), GuestCode.A32, ProbeRun.For));

    private static readonly Lazy<QemuProbe> ThumbProbe = new(() => new QemuProbe(ProbeGuest.Thumb32, ProbeInstructions.Aarch32(), GuestCode.T32, ProbeRun.For));

    private static readonly Lazy<QemuProbe> ThumbPassingProbe = new(() => new QemuProbe(new Thumb32Guest(itCondition: 0x1), ProbeInstructions.Aarch32(), GuestCode.T32, ProbeRun.For));

    private static readonly Lazy<QemuProbe> ThumbFailingProbe = new(() => new QemuProbe(new Thumb32Guest(itCondition: 0x0), ProbeInstructions.Aarch32(), GuestCode.T32, ProbeRun.For));

    private static readonly Lazy<QemuProbe> ItBlocksProbe = new(() =>
    {
        var blocks = (from mask in Enumerable.Range(1, 15) from position in Enumerable.Range(0, 4 - System.Numerics.BitOperations.TrailingZeroCount(mask)) select new ItBlockGuest.Block(0x1, mask, position)).ToList();
        var instructions = (from instruction in ItBlockInstructions from block in blocks select instruction with { Name = instruction.Name + " in " + block }).ToList();
        return new QemuProbe(new ItBlockGuest([.. ItBlockInstructions.SelectMany(_ => blocks)]), instructions, GuestCode.T32, (rw, _) => ItBlockRuns(rw));
    });

    private static readonly Lazy<QemuProbe> PassingProbe = new(() => new QemuProbe(ProbeGuest.Aarch32, Conditional("ne"), GuestCode.A32, ProbeRun.For));

    private static readonly Lazy<QemuProbe> FailingProbe = new(() => new QemuProbe(ProbeGuest.Aarch32, Conditional("eq"), GuestCode.A32, ProbeRun.For));

    private static readonly Lazy<QemuProbe> Aarch64PairsProbe = new(() => new QemuProbe(ProbeGuest.Aarch64, ProbeInstructions.Aarch64(), GuestCode.A64, PairsOnTheProbedModel));

    private static readonly Lazy<QemuProbe> Aarch32PairsProbe = new(() => new QemuProbe(ProbeGuest.Aarch32, ProbeInstructions.Aarch32(), GuestCode.A32, PairsOnTheProbedModel));

    private QemuProbe(ProbeGuest guest, IReadOnlyList<ProbeInstruction> instructions, Func<string[], uint[]> assemble, Func<ulong, IReadOnlyList<TrapGen.Architecture.TrapControl>, IReadOnlyList<ProbeRun>> runs)
        : base(guest, instructions, assemble, runs(guest.Rw, ProbeInstructions.Controls), "cortex-a57")
    {
    }

    /// <summary>
    /// The pairs of the controls the probed CPU has: a later feature's control is RES0 on the Cortex-A57, which each
    /// run of it alone already shows, so its pairs would only repeat the other control's run.
    /// </summary>
    private static IReadOnlyList<ProbeRun> PairsOnTheProbedModel(ulong rw, IReadOnlyList<TrapGen.Architecture.TrapControl> controls) =>
        ProbeRun.Pairs(rw, [.. controls.Where(c => c.ExistsOn(ProbeInstructions.Probed))]);

    /// <summary>Gets the probe of an AArch64 EL1.</summary>
    public static QemuProbe Aarch64 => Aarch64Probe.Value;

    /// <summary>Gets the probe of an AArch32 EL1 (Supervisor mode, A32).</summary>
    public static QemuProbe Aarch32 => Aarch32Probe.Value;

    /// <summary>Gets the AArch32 probe's accesses in T32, at an AArch32 EL1 in Thumb state.</summary>
    public static QemuProbe Thumb => ThumbProbe.Value;

    /// <summary>
    /// Gets the AArch32 probe's accesses with condition NE, which passes: the probe's EL1 runs with NZCV clear
    /// (SPSR_EL2's flags are 0).
    /// </summary>
    public static QemuProbe ConditionPassing => PassingProbe.Value;

    /// <summary>Gets the AArch32 probe's accesses in T32, each in an IT block of condition NE, which passes with NZCV clear.</summary>
    public static QemuProbe ThumbConditionPassing => ThumbPassingProbe.Value;

    /// <summary>Gets the AArch32 probe's accesses in T32, each in an IT block of condition EQ, which fails with NZCV clear.</summary>
    public static QemuProbe ThumbConditionFailing => ThumbFailingProbe.Value;

    /// <summary>
    /// Gets four T32 accesses (reads of ID_PFR0 and CTR, a write of CONTEXTIDR, a VMRS of MVFR0), each at every position of
    /// every IT NE block (the 15 masks: 49 blocks and positions), with NZCV clear: then slots pass and else slots fail
    /// (<see cref="ItBlockGuest"/>); under no control, TID2, TID3, TVM, and all three.
    /// </summary>
    public static QemuProbe ItBlocks => ItBlocksProbe.Value;

    /// <summary>The accesses of <see cref="ItBlocks"/>: each trapped by one of TID2, TID3 and TVM, none UNDEFINED at EL1 on the Cortex-A57.</summary>
    private static IReadOnlyList<ProbeInstruction> ItBlockInstructions =>
    [
        new("ID_PFR0 read", "mrc p15, 0, r1, c0, c1, 0", null),
        new("CTR read", "mrc p15, 0, r1, c0, c0, 1", null),
        new("CONTEXTIDR write", "mcr p15, 0, r1, c13, c0, 1", "mrs x1, contextidr_el1"),
        new("MVFR0 VMRS", "vmrs r1, mvfr0", null),
    ];

    private static IReadOnlyList<ProbeRun> ItBlockRuns(ulong rw)
    {
        TrapGen.Architecture.TrapControl[] controls = [TrapGen.Architecture.TrapControls.TID2, TrapGen.Architecture.TrapControls.TID3, TrapGen.Architecture.TrapControls.TVM];
        return
        [
            new ProbeRun("none", rw, 0, []),
            .. controls.Select(c => ProbeRun.Alone(rw, c)),
            new ProbeRun("all", controls.Aggregate(rw, (hcr, c) => hcr | c.Mask), 0, [.. controls.Select(c => c.Name)]),
        ];
    }

    /// <summary>Gets the AArch32 probe's accesses with condition EQ, which fails with NZCV clear.</summary>
    public static QemuProbe ConditionFailing => FailingProbe.Value;

    /// <summary>The A32 accesses of <see cref="ProbeInstructions.Aarch32"/> with the condition <paramref name="condition"/> (<c>ne</c>, <c>eq</c>) on each mnemonic.</summary>
    public static IReadOnlyList<ProbeInstruction> Conditional(string condition) =>
        [.. ProbeInstructions.Aarch32().Select(i => i with { Name = i.Name + " (" + condition + ")", Text = string.Concat(i.Text.Split(' ', 2)[0], condition, " ", i.Text.Split(' ', 2)[1]) })];

    /// <summary>Gets the same AArch64 accesses under every pair of the controls (<see cref="ProbeRun.Pairs"/>).</summary>
    public static QemuProbe Aarch64Pairs => Aarch64PairsProbe.Value;

    /// <summary>Gets the same AArch32 accesses under every pair of the controls (<see cref="ProbeRun.Pairs"/>).</summary>
    public static QemuProbe Aarch32Pairs => Aarch32PairsProbe.Value;

    /// <summary>Gets the slot of the instruction named <paramref name="name"/>, which must be in the probe once.</summary>
    public int Slot(string name) => Instructions.Select((instruction, slot) => (instruction, slot)).Single(pair => pair.instruction.Name == name).slot;
}
