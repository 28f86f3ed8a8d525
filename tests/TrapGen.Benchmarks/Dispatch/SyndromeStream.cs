using System;
using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Instructions;
using TrapGen.Runtime;

namespace TrapGen.Benchmarks.Dispatch;

/// <summary>
/// The syndromes a benchmark replays: a read and a write of every catalogued register and alias, as the
/// hardware reports them, plus accesses no catalogue entry handles, shuffled into a fixed order.
/// </summary>
public static class SyndromeStream
{
    /// <summary>How many syndromes one benchmark invocation handles.</summary>
    public const int Length = 1024;

    /// <summary>Every ninth syndrome reaches no catalogued register.</summary>
    private const int UnknownEvery = 9;

    /// <summary>The real catalogue's mixed stream: AArch64 and AArch32, reads and writes, and unknown registers, shuffled.</summary>
    public static uint[] Mixed() => Shuffle(Catalogued(aarch64Only: false), Unknown(aarch64Only: false));

    /// <summary>
    /// The same syndromes in a fixed sequence that repeats, as a guest's trap stream does (its timer
    /// interrupt handler, its context-switch code): each form once, in catalogue order, then again.
    /// </summary>
    public static uint[] MixedRepeating()
    {
        var catalogued = Catalogued(aarch64Only: false);
        var unknown = Unknown(aarch64Only: false);
        var cycle = catalogued.Select((esr, i) => (esr, i)).SelectMany(p => p.i % (UnknownEvery - 1) == UnknownEvery - 2 ? new[] { p.esr, unknown[p.i % unknown.Count] } : new[] { p.esr }).ToList();
        return Enumerable.Range(0, Length).Select(i => cycle[i % cycle.Count]).ToArray();
    }

    /// <summary>The real catalogue's AArch64 accesses and unknown AArch64 registers.</summary>
    public static uint[] Aarch64() => Shuffle(Catalogued(aarch64Only: true), Unknown(aarch64Only: true));

    /// <summary>A stream over an AArch64 catalogue given as (op0, op1, CRn, CRm, op2) encodings.</summary>
    public static uint[] Aarch64(IEnumerable<(int Op0, int Op1, int CRn, int CRm, int Op2)> encodings) =>
        Shuffle(
            encodings.SelectMany(e => new[] { Msr(e, isRead: true), Msr(e, isRead: false) }).ToList(),
            Unknown(aarch64Only: true));

    /// <summary>A write and a read of TTBR0_EL1, in turn: the stream with nothing to mispredict.</summary>
    public static uint[] OneRegister()
    {
        var ttbr0 = SystemRegisters.Get(SystemRegister.TTBR0_EL1);
        var encoding = (ttbr0.Op0, ttbr0.Op1, ttbr0.CRn, ttbr0.CRm, ttbr0.Op2);
        return Enumerable.Range(0, Length).Select(i => Msr(encoding, isRead: i % 2 == 1)).ToArray();
    }

    private static List<uint> Catalogued(bool aarch64Only)
    {
        var syndromes = new List<uint>();
        foreach (var register in SystemRegisters.All)
        {
            if (register.IsAarch64Dispatched)
            {
                syndromes.Add(Msr((register.Op0, register.Op1, register.CRn, register.CRm, register.Op2), isRead: true));
                syndromes.Add(Msr((register.Op0, register.Op1, register.CRn, register.CRm, register.Op2), isRead: false));
            }

            if (aarch64Only)
            {
                continue;
            }

            foreach (var alias in register.Aliases)
            {
                var trapClass = TrapClasses.Find((uint)alias.ExceptionClass)!;
                foreach (var isRead in new[] { true, false })
                {
                    syndromes.Add(SyndromeBuilder.Build(new SystemRegisterAccess(
                        trapClass, InstructionSet.A32, isRead, 0, (uint)alias.Opc1, (uint)alias.CRn, (uint)alias.CRm, (uint)alias.Opc2, 2, 3, Aarch32Constants.ConditionAlways,
                        Rn: 2, AddressingMode: LdcStcIss.OffsetAddressing)));
                }
            }
        }

        return syndromes;
    }

    /// <summary>
    /// Registers of the architecture that nothing in the catalogue handles (no register, alias, System
    /// instruction or trap group's others: holds their key), so that every path takes its unhandled
    /// branch: the first two EL1 AArch64 registers and, unless AArch64 only, the first cp15 MCR register.
    /// </summary>
    private static List<uint> Unknown(bool aarch64Only)
    {
        var handled = SystemRegisters.InstructionsAndOthers.Select(o => HandlerTable.Key((uint)o.ExceptionClass, o.Key)).Concat(HandlerTable.Build().Keys).ToHashSet();
        var aarch64 = Aarch64Registers.All
            .Where(r => r.Encoding.Op0 == 3 && r.Encoding.Op1 == 0 && r.IsGuestAccessible && r.Access == RegisterAccess.ReadWrite)
            .Select(r => (r.Encoding.Op0, r.Encoding.Op1, r.Encoding.CRn, r.Encoding.CRm, r.Encoding.Op2))
            .Where(e => !handled.Contains(HandlerTable.KeyOf(Msr(e, isRead: true))))
            .Take(2)
            .ToList();
        var unknown = new List<uint> { Msr(aarch64[0], isRead: true), Msr(aarch64[1], isRead: false) };
        if (!aarch64Only)
        {
            unknown.Add(Aarch32Registers.All
                .Where(r => r.Coprocessor == Aarch32Constants.Cp15 && r.Encoding.Form == AccessForm.Mcr && r.Access == RegisterAccess.ReadWrite)
                .Select(r => SyndromeBuilder.Build(new SystemRegisterAccess(TrapClasses.Mcr, InstructionSet.A32, true, 0, (uint)r.Encoding.Opc1, (uint)r.Encoding.CRn, (uint)r.Encoding.CRm, (uint)r.Encoding.Opc2, 3, 0, Aarch32Constants.ConditionAlways)))
                .First(esr => !handled.Contains(HandlerTable.KeyOf(esr))));
        }

        return unknown;
    }

    private static uint Msr((int Op0, int Op1, int CRn, int CRm, int Op2) e, bool isRead) =>
        SyndromeBuilder.Build(new SystemRegisterAccess(TrapClasses.Msr, InstructionSet.A64, isRead, (uint)e.Op0, (uint)e.Op1, (uint)e.CRn, (uint)e.CRm, (uint)e.Op2, 4, 0, Aarch32Constants.ConditionAlways));

    private static uint[] Shuffle(List<uint> catalogued, List<uint> unknown)
    {
        var random = new Random(2026);
        var stream = new uint[Length];
        for (var i = 0; i < Length; i++)
        {
            stream[i] = i % UnknownEvery == UnknownEvery - 1 ? unknown[random.Next(unknown.Count)] : catalogued[random.Next(catalogued.Count)];
        }

        return stream;
    }
}
