using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Testing.Qemu;

/// <summary>
/// A read sweep of one CPU model on QEMU (issues 22 and 23): at EL1, with HCR_EL2 clear and with each HCR_EL2 and
/// CPTR_EL2 control that traps register reads set alone (one that traps while clear, such as HCR_EL2.APK, set so
/// that it stops trapping), an MRS of every AArch64 System register encoding the architecture table names, of every encoding of
/// the ID register space and of the IMPLEMENTATION DEFINED space (op0 3, CRn 11 and 15); and, on a model
/// with AArch32 at EL1, an MRC of every cp15 coordinate, an MRRC of every cp15 and cp14 coordinate, an MRC of
/// every cp14 register the table names, and a VMRS of every floating-point ID register. Reads only, so the
/// probe's state is safe. Each model is run once per test process.
/// </summary>
public sealed class SweepProbe : ProbeOnQemu
{
    private static readonly Dictionary<(string Model, bool Aarch64), Lazy<SweepProbe>> Probes = new();

    private SweepProbe(CpuModel model, ProbeGuest guest, IReadOnlyList<ProbeInstruction> instructions, Func<string[], uint[]> assemble)
        : base(guest, instructions, assemble, ReadRuns(guest), model.Name)
    {
        Model = model;
    }

    /// <summary>Gets the model.</summary>
    public CpuModel Model { get; }

    /// <summary>Gets the sweep of <paramref name="model"/> at an AArch64 (or AArch32) EL1.</summary>
    public static SweepProbe Of(CpuModel model, bool aarch64)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (Probes)
        {
            if (!Probes.TryGetValue((model.Name, aarch64), out var probe))
            {
                probe = new(() => aarch64
                    ? new SweepProbe(model, ProbeGuest.Aarch64Sweep, Aarch64Reads(), GuestCode.A64)
                    : new SweepProbe(model, ProbeGuest.Aarch32Sweep, Aarch32Reads(), GuestCode.A32));
                Probes.Add((model.Name, aarch64), probe);
            }

            return probe.Value;
        }
    }

    /// <summary>Every AArch64 encoding the sweep reads, each once, in encoding order.</summary>
    public static IReadOnlyList<ProbeInstruction> Aarch64Reads()
    {
        var named = Aarch64Registers.All.Where(r => r.Encoding.Op0 >= 2).Select(r => r.Encoding);
        var idSpace = from crm in Enumerable.Range(0, 8) from op2 in Enumerable.Range(0, 8) select new Aarch64Encoding(3, 0, 0, crm, op2);
        var implementationDefined = from op1 in Enumerable.Range(0, 8)
                                    from crn in new[] { 11, 15 }
                                    from crm in Enumerable.Range(0, 16)
                                    from op2 in Enumerable.Range(0, 8)
                                    select new Aarch64Encoding(3, op1, crn, crm, op2);
        return [.. named.Concat(idSpace).Concat(implementationDefined).Distinct()
            .OrderBy(e => e.Op0).ThenBy(e => e.Op1).ThenBy(e => e.CRn).ThenBy(e => e.CRm).ThenBy(e => e.Op2)
            .Select(e => new ProbeInstruction(Aarch64Registers.NameAt(e, AccessDirection.Read) ?? e.ToString().ToUpperInvariant(), "mrs x1, " + e, null))];
    }

    /// <summary>Every AArch32 coordinate the sweep reads: cp15 MRC and MRRC in full, cp14 MRRC in full, cp14 MRC of the named registers, VMRS.</summary>
    public static IReadOnlyList<ProbeInstruction> Aarch32Reads()
    {
        var cp15 = from opc1 in Enumerable.Range(0, 8)
                   from crn in Enumerable.Range(0, 16)
                   from crm in Enumerable.Range(0, 16)
                   from opc2 in Enumerable.Range(0, 8)
                   select Aarch32Encoding.Cp15(AccessForm.Mcr, opc1, crn, crm, opc2);
        var pairs = from coprocessor in new[] { 15, 14 }
                    from opc1 in Enumerable.Range(0, 16)
                    from crm in Enumerable.Range(0, 16)
                    select new Aarch32Encoding(coprocessor, AccessForm.Mcrr, opc1, 0, crm, 0);
        var cp14 = Aarch32Registers.All.Where(r => r.Coprocessor == 14 && r.Encoding.Form == AccessForm.Mcr).Select(r => r.Encoding).Distinct();
        var reads = cp15.Concat(pairs).Concat(cp14).Select(e => new ProbeInstruction(Name(e), Aarch32Spelling.Read(e, Name(e), rt: 1, rt2: 2), null));
        var vmrs = Aarch32Registers.All.Where(r => r.Class == TrapClasses.Vmrs).Select(r => new ProbeInstruction(r.Name, "vmrs r1, " + r.Name.ToLowerInvariant(), null));
        return [.. reads.Concat(vmrs)];
    }

    /// <summary>
    /// The runs: HCR_EL2 clear, then alone each HCR_EL2 and CPTR_EL2 control that traps register reads (TID0 to TID5,
    /// TACR, TRVM, TLOR, TERR, APK, FIEN, EnSCXT, ATA, TCPAC) and, at an AArch32 EL1, has an AArch32 register to trap.
    /// A control the model lacks is RES0 there: its run checks that nothing traps.
    /// </summary>
    private static ProbeRun[] ReadRuns(ProbeGuest guest) =>
        [new("none", guest.Rw, 0, []), .. ReadControls(aarch64: guest.Rw != 0).Select(control => ProbeRun.Alone(guest.Rw, control))];

    /// <summary>The HCR_EL2 and CPTR_EL2 controls that trap a read of some register of the execution state's tables.</summary>
    private static IEnumerable<TrapControl> ReadControls(bool aarch64)
    {
        var rules = aarch64
            ? Aarch64Registers.All.SelectMany(r => r.Traps)
            : Aarch32Registers.All.Where(r => r.Class != TrapClasses.Vmrs).SelectMany(r => r.Traps);
        var reading = rules.Where(rule => rule.Covers(AccessDirection.Read)).Select(rule => rule.Control).ToHashSet();
        return TrapControls.All.Where(c => c.Register is HcrEl2.Name or CptrEl2.Name && reading.Contains(c));
    }

    private static string Name(Aarch32Encoding e) => Aarch32Registers.TryFind(e, out var register) ? register.Name : e.GenericName;
}
