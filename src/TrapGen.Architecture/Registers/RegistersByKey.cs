using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The architecture's registers and System instructions by trap class and ISS key (the ISS masked to
/// the fields that identify a register), as a trap handler sees them. Lookups allocate nothing.
/// </summary>
public static class RegistersByKey
{
    private static readonly Dictionary<uint, Aarch64Register[]> Aarch64 =
        Aarch64Registers.All.GroupBy(r => TrapClasses.Key(r.Encoding)).ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly Dictionary<uint, SystemInstruction> Instructions =
        SystemInstructions.All.GroupBy(i => TrapClasses.Key(i.Encoding)).ToDictionary(g => g.Key, g => g.First());

    private static readonly Dictionary<uint, Aarch32Register> Cp15Mcr = Coprocessor(Aarch32Constants.Cp15, TrapClassKind.Mcr);

    private static readonly Dictionary<uint, Aarch32Register> Cp15Mcrr = Coprocessor(Aarch32Constants.Cp15, TrapClassKind.Mcrr);

    private static readonly Dictionary<uint, Aarch32Register> Cp14Mcr = Coprocessor(Aarch32Constants.Cp14, TrapClassKind.Mcr);

    private static readonly Dictionary<uint, Aarch32Register> Cp14Mcrr = Coprocessor(Aarch32Constants.Cp14, TrapClassKind.Mcrr);

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

    /// <summary>Finds the cp15 register with <paramref name="key"/> in the MCR/MRC or MCRR/MRRC trap class.</summary>
    public static bool TryFindCp15(TrapClassKind kind, uint key, out Aarch32Register register) =>
        (kind == TrapClassKind.Mcrr ? Cp15Mcrr : Cp15Mcr).TryGetValue(key, out register!);

    /// <summary>
    /// Finds the cp14 (debug) register with <paramref name="key"/>: the ISS key of the cp15 trap class of the
    /// same form (EC 0x05 and 0x0C share the MCR/MRC and MCRR/MRRC ISS layouts).
    /// </summary>
    public static bool TryFindCp14(TrapClassKind kind, uint key, out Aarch32Register register) =>
        (kind == TrapClassKind.Mcrr ? Cp14Mcrr : Cp14Mcr).TryGetValue(key, out register!);

    /// <summary>
    /// Gets the architectural name of what an access with <paramref name="key"/> reaches: a register
    /// (<c>SCTLR_EL1</c>, <c>DFAR</c>) or a System instruction (<c>DC CISW</c>); null when the
    /// architecture allocates nothing there.
    /// </summary>
    public static string? NameOf(TrapClassKind kind, uint key, bool isRead)
    {
        switch (kind)
        {
            case TrapClassKind.Msr:
                if (TryFindAarch64(key, isRead ? AccessDirection.Read : AccessDirection.Write, out var register))
                {
                    return register.Name;
                }

                return TryFindInstruction(key, out var instruction) ? instruction.FullName : null;
            default:
                return TryFindCp15(kind, key, out var aarch32) ? aarch32.Name : null;
        }
    }

    /// <summary>
    /// Gets the EL2 trap rules of everything at <paramref name="key"/>: the table's, or HCR_EL2.TIDCP's in
    /// both directions for an encoding of the IMPLEMENTATION DEFINED space it traps; none otherwise.
    /// </summary>
    public static IReadOnlyList<TrapRule> RulesOf(TrapClassKind kind, uint key)
    {
        switch (kind)
        {
            case TrapClassKind.Msr:
                if (Aarch64.TryGetValue(key, out var registers))
                {
                    return registers.Length == 1 ? registers[0].Traps : [.. registers.SelectMany(r => r.Traps)];
                }

                return Instructions.TryGetValue(key, out var instruction) ? instruction.Traps : ImplementationDefinedRules(kind, key);
            default:
                return TryFindCp15(kind, key, out var aarch32) ? aarch32.Traps : ImplementationDefinedRules(kind, key);
        }
    }

    private static IReadOnlyList<TrapRule> ImplementationDefinedRules(TrapClassKind kind, uint key) =>
        ImplementationDefinedSpace.TrappedByTidcp(kind, key) ? [new TrapRule(TrapControls.TIDCP, AccessDirection.ReadWrite)] : [];

    private static Dictionary<uint, Aarch32Register> Coprocessor(uint coprocessor, TrapClassKind form) =>
        Aarch32Registers.All.Where(r => r.Coprocessor == coprocessor && r.Encoding.Form == form)
            .GroupBy(r => TrapClasses.Key(r.Encoding)).ToDictionary(g => g.Key, g => g.First());
}
