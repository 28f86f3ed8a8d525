using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The architecture's registers and System instructions by trap class and ISS key (the ISS masked to the
/// fields that identify a register), as a trap handler sees them. Lookups allocate nothing.
/// </summary>
public static class RegistersByKey
{
    private static readonly Dictionary<uint, Aarch64Register[]> Aarch64 =
        Aarch64Registers.All.GroupBy(r => r.Encoding.Key).ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly Dictionary<uint, SystemInstruction> Instructions =
        SystemInstructions.All.GroupBy(i => i.Encoding.Key).ToDictionary(g => g.Key, g => g.First());

    private static readonly Dictionary<(uint, uint), Aarch32Register> Aarch32 = Aarch32ByKey();

    /// <summary>Finds the AArch64 register an access in <paramref name="direction"/> with <paramref name="key"/> reaches.</summary>
    public static bool TryFindAarch64(uint key, AccessDirection direction, out Aarch64Register register)
    {
        register = null!;
        if (!Aarch64.TryGetValue(key, out var registers))
        {
            return false;
        }

        foreach (var candidate in registers)
        {
            if (candidate.Allows(direction))
            {
                register = candidate;
                return true;
            }
        }

        register = registers[0];
        return true;
    }

    /// <summary>Finds the System instruction (op0 = 1) with <paramref name="key"/>.</summary>
    public static bool TryFindInstruction(uint key, out SystemInstruction instruction) => Instructions.TryGetValue(key, out instruction!);

    /// <summary>Finds the AArch32 register (cp15, cp14 or cp10) with <paramref name="key"/> in <paramref name="trapClass"/>.</summary>
    public static bool TryFindAarch32(TrapClass trapClass, uint key, out Aarch32Register register)
    {
        register = null!;
        return trapClass is not null && Aarch32.TryGetValue((trapClass.ExceptionClass, key), out register!);
    }

    /// <summary>
    /// Gets the architectural name of what an access with <paramref name="key"/> reaches: a register
    /// (<c>SCTLR_EL1</c>, <c>DFAR</c>, <c>JIDR</c>) or a System instruction (<c>DC CISW</c>); null when the
    /// architecture allocates nothing there.
    /// </summary>
    public static string? NameOf(TrapClass trapClass, uint key, bool isRead)
    {
        if (trapClass == TrapClasses.Msr)
        {
            if (TryFindAarch64(key, isRead ? AccessDirection.Read : AccessDirection.Write, out var register))
            {
                return register.Name;
            }

            return TryFindInstruction(key, out var instruction) ? instruction.FullName : null;
        }

        if (trapClass == TrapClasses.Sys128)
        {
            return Accesses128.TryFind(key, out var access128) ? access128.Name : null;
        }

        return TryFindAarch32(trapClass, key, out var aarch32) ? aarch32.Name : null;
    }

    /// <summary>
    /// Gets the EL2 trap rules of everything at <paramref name="key"/>: the table's, or, where no row names anything,
    /// those of the ranges it is in (<see cref="RangesOf"/>); none otherwise.
    /// </summary>
    public static IReadOnlyList<TrapRule> RulesOf(TrapClass trapClass, uint key)
    {
        if (trapClass == TrapClasses.Msr)
        {
            if (Aarch64.TryGetValue(key, out var registers))
            {
                return registers.Length == 1 ? registers[0].Traps : [.. registers.SelectMany(r => r.Traps)];
            }

            if (Instructions.TryGetValue(key, out var instruction))
            {
                return instruction.Traps;
            }
        }
        else if (trapClass == TrapClasses.Sys128)
        {
            if (Accesses128.TryFind(key, out var access128))
            {
                return access128.Traps;
            }
        }
        else if (TryFindAarch32(trapClass, key, out var aarch32))
        {
            return aarch32.Traps;
        }

        return RangeTraps.RulesOf(trapClass, key);
    }

    /// <summary>
    /// Gets the ranges whose rules <see cref="RulesOf"/> gives for <paramref name="key"/>: where no row names anything
    /// there, the rows of range-traps.table it is in (HCR_EL2.TID3's reads of a reserved ID register, TIDCP's accesses to
    /// the IMPLEMENTATION DEFINED space), in table order; none where a row names it, as its own rules decide.
    /// </summary>
    public static IReadOnlyList<RangeTrap> RangesOf(TrapClass trapClass, uint key) =>
        (trapClass == TrapClasses.Msr ? Aarch64.ContainsKey(key) || Instructions.ContainsKey(key)
            : trapClass == TrapClasses.Sys128 ? Accesses128.TryFind(key, out _)
            : TryFindAarch32(trapClass, key, out _))
            ? []
            : RangeTraps.Covering(trapClass, key);

    /// <summary>
    /// The AArch32 registers by class and key, with the alias encodings Table G7-3 gives MIDR: MRC p15, 0, c0,
    /// c0, 4 and 7 read MIDR too (6 only where REVIDR is not implemented, and the table has REVIDR). The
    /// table keeps one row per register, so the catalogue's AArch32 names stay one per form.
    /// </summary>
    private static Dictionary<(uint, uint), Aarch32Register> Aarch32ByKey()
    {
        var byKey = Aarch32Registers.All.GroupBy(r => (r.Class.ExceptionClass, r.Encoding.Key)).ToDictionary(g => g.Key, g => g.First());
        var midr = Aarch32Registers.All.First(r => r.Name == "MIDR");
        foreach (var opc2 in new[] { 4, 7 })
        {
            byKey.Add((TrapClasses.Mcr.ExceptionClass, Aarch32Encoding.Cp15(AccessForm.Mcr, 0, 0, 0, opc2).Key), midr);
        }

        return byKey;
    }

}
