using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// The QEMU probe of the whole encoding space (issue 26), built without looking at which accesses the trap
/// tables say a control traps: at an AArch64 EL1, SYS of every op0 1 encoding and an MRS and an MSR of every op0 2
/// and op0 3 encoding; at an AArch32 EL1, an MRC and an MCR of every cp15 and cp14 coordinate and an MRRC and an
/// MCRR of every cp15 and cp14 (opc1, CRm). Each write follows the read of its encoding and writes back what that
/// read returned in the first run (<see cref="EncodingSpaceGuest"/>), so nothing the probe depends on moves; the
/// writes left out are <see cref="ExcludedWrites"/>, each with its reason. It runs under <see cref="Controls"/> (none,
/// each alone, MDCR_EL2.TDE and all of them: <see cref="ProbeRun.For"/>), under CNTHCTL_EL2's timer controls cleared
/// (<see cref="ProbeRun.Timer"/>) and, at an AArch32 EL1, under HSTR_EL2 (<see cref="ProbeRun.HstrRuns"/>), on QEMU's
/// cortex-a57 (Armv8.0) and max (every feature QEMU 7.2 emulates). The table names the accesses for messages only.
/// </summary>
public sealed class EncodingSpaceProbe : ProbeOnQemu
{
    private static readonly Lazy<EncodingSpaceProbe> Aarch64Probe = new(() => new EncodingSpaceProbe(CpuModels.Default, ProbeGuest.Aarch64Space, Aarch64Space(), GuestCode.A64));

    private static readonly Lazy<EncodingSpaceProbe> Aarch32Probe = new(() => new EncodingSpaceProbe(CpuModels.Default, ProbeGuest.Aarch32Space, Aarch32Space(), GuestCode.A32));

    private static readonly Lazy<EncodingSpaceProbe> Aarch64MaxProbe = new(() => new EncodingSpaceProbe(Max, ProbeGuest.Aarch64Space, Aarch64Space(), GuestCode.A64));

    private static readonly Lazy<EncodingSpaceProbe> Aarch32MaxProbe = new(() => new EncodingSpaceProbe(Max, ProbeGuest.Aarch32Space, Aarch32Space(), GuestCode.A32));

    private EncodingSpaceProbe(CpuModel model, ProbeGuest guest, IReadOnlyList<ProbeInstruction> instructions, Func<string[], uint[]> assemble)
        : base(guest, instructions, assemble, [.. ProbeRun.For(guest.Rw, Controls), .. ProbeRun.Timer(guest.Rw), .. (guest == ProbeGuest.Aarch32Space ? ProbeRun.HstrRuns(guest.Rw) : [])], model.Name)
    {
        Model = model;
    }

    /// <summary>
    /// Gets the trap controls the probe sets: the table-built probe's HCR_EL2 and MDCR_EL2 controls
    /// (<see cref="ProbeInstructions.Controls"/>) and CPTR_EL2's, TFP, TTA, TAM and TCPAC. A control the model lacks is
    /// RES0 there: its run checks that nothing traps.
    /// </summary>
    public static IReadOnlyList<TrapControl> Controls { get; } =
        [.. ProbeInstructions.Controls, .. TrapControls.All.Where(c => c.Register == CptrEl2.Name)];

    /// <summary>Gets the CPU model QEMU and TrapGen run the probe as.</summary>
    public CpuModel Model { get; }

    /// <summary>Gets the probe of an AArch64 EL1 on cortex-a57.</summary>
    public static EncodingSpaceProbe Aarch64 => Aarch64Probe.Value;

    /// <summary>Gets the probe of an AArch32 EL1 (Supervisor mode, A32) on cortex-a57.</summary>
    public static EncodingSpaceProbe Aarch32 => Aarch32Probe.Value;

    /// <summary>Gets the probe of an AArch64 EL1 on max.</summary>
    public static EncodingSpaceProbe Aarch64Max => Aarch64MaxProbe.Value;

    /// <summary>Gets the probe of an AArch32 EL1 (Supervisor mode, A32) on max.</summary>
    public static EncodingSpaceProbe Aarch32Max => Aarch32MaxProbe.Value;

    private static CpuModel Max => CpuModels.Find("max") ?? throw new InvalidOperationException("no CPU model max");

    /// <summary>
    /// The writes the probe leaves out, by the instruction's text, each with why: none so far. A write that would
    /// move what the probe depends on (its vectors, its MMU, its timer) writes back the value the register held
    /// instead; an entry belongs here only when even that disturbs the probe.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExcludedWrites { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Every AArch64 access: SYS of each op0 1 encoding, then an MRS and an MSR of each op0 2 and op0 3 encoding, the
    /// n-th encoding with the n-th of <see cref="EncodingSpaceGuest.Aarch64Registers"/> (in turn) as Xt.
    /// </summary>
    public static IReadOnlyList<ProbeInstruction> Aarch64Space()
    {
        var guest = (EncodingSpaceGuest)ProbeGuest.Aarch64Space;
        int Rt(int n) => EncodingSpaceGuest.Aarch64Registers[n % EncodingSpaceGuest.Aarch64Registers.Count];
        var system = Space(op0: 1).Select((e, n) => new ProbeInstruction(Name(e, AccessDirection.Write), Invariant($"sys #{e.Op1}, c{e.CRn}, c{e.CRm}, #{e.Op2}, x{Rt(n)}"), null)
        {
            Prepare = EncodingSpaceGuest.AddressOperand(Rt(n)),
            Store = guest.Store(Rt(n)),
        });
        var moves = new[] { 2, 3 }.SelectMany(Space).SelectMany((e, n) => new[]
        {
            new ProbeInstruction(Name(e, AccessDirection.Read) + " read", Invariant($"mrs x{Rt(n)}, {e}"), null) { Prepare = guest.ReadOperand(Rt(n)), Store = guest.Store(Rt(n)) },
            new ProbeInstruction(Name(e, AccessDirection.Write) + " write", Invariant($"msr {e}, x{Rt(n)}"), null) { Prepare = guest.WriteOperand(Rt(n)), Store = guest.Store(Rt(n)) },
        });
        return [.. system.Concat(moves).Where(i => !ExcludedWrites.ContainsKey(i.Text))];
    }

    /// <summary>
    /// Every AArch32 access: an MRC and an MCR of each cp15 and cp14 coordinate, then an MRRC and an MCRR of each
    /// cp15 and cp14 (opc1, CRm), the n-th coordinate with the n-th of <see cref="EncodingSpaceGuest.Aarch32Registers"/>
    /// (<see cref="EncodingSpaceGuest.Aarch32Pairs"/>) in turn as Rt (and Rt2).
    /// </summary>
    public static IReadOnlyList<ProbeInstruction> Aarch32Space()
    {
        var guest = (EncodingSpaceGuest)ProbeGuest.Aarch32Space;
        var moves = from coprocessor in new[] { 15, 14 }
                    from opc1 in Enumerable.Range(0, 8)
                    from crn in Enumerable.Range(0, 16)
                    from crm in Enumerable.Range(0, 16)
                    from opc2 in Enumerable.Range(0, 8)
                    select new Aarch32Encoding(coprocessor, AccessForm.Mcr, opc1, crn, crm, opc2);
        var pairs = from coprocessor in new[] { 15, 14 }
                    from opc1 in Enumerable.Range(0, 16)
                    from crm in Enumerable.Range(0, 16)
                    select new Aarch32Encoding(coprocessor, AccessForm.Mcrr, opc1, 0, crm, 0);
        return [.. moves.Concat(pairs).SelectMany((e, n) =>
        {
            var pair = e.Form == AccessForm.Mcrr;
            var rt = pair ? EncodingSpaceGuest.Aarch32Pairs[n % EncodingSpaceGuest.Aarch32Pairs.Count] : EncodingSpaceGuest.Aarch32Registers[n % EncodingSpaceGuest.Aarch32Registers.Count];
            return new[]
            {
                new ProbeInstruction(Name(e) + " read", Aarch32Spelling.Read(e, Name(e), rt: rt, rt2: rt + 1), null) { Prepare = guest.ReadOperand(rt, pair), Store = guest.Store(rt, pair) },
                new ProbeInstruction(Name(e) + " write", Aarch32Spelling.Write(e, rt: rt, rt2: rt + 1)!, null) { Prepare = guest.WriteOperand(rt, pair), Store = guest.Store(rt, pair) },
            };
        }).Where(i => !ExcludedWrites.ContainsKey(i.Text))];
    }

    /// <summary>The register or encoding an instruction's name gives: its name less " read" or " write".</summary>
    public static string Accessed(ProbeInstruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        var name = instruction.Name;
        return name.EndsWith(" read", StringComparison.Ordinal) ? name[..^5] : name.EndsWith(" write", StringComparison.Ordinal) ? name[..^6] : name;
    }

    private static IEnumerable<Aarch64Encoding> Space(int op0) =>
        from op1 in Enumerable.Range(0, 8)
        from crn in Enumerable.Range(0, 16)
        from crm in Enumerable.Range(0, 16)
        from op2 in Enumerable.Range(0, 8)
        select new Aarch64Encoding(op0, op1, crn, crm, op2);

    private static string Name(Aarch64Encoding e, AccessDirection direction) =>
        (e.Op0 == 1 ? SystemInstructions.All.FirstOrDefault(i => i.Encoding == e)?.FullName : Aarch64Registers.NameAt(e, direction)) ?? e.ToString().ToUpperInvariant();

    private static string Name(Aarch32Encoding e) =>
        (Aarch32Registers.TryFind(e, out var register) ? register.Name : e.GenericName) + (e.Form == AccessForm.Mcrr ? " (64-bit)" : string.Empty);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
