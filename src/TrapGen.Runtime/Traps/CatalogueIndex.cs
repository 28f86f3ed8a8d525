using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Instructions;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// Finds catalogued registers and their AArch32 forms by trap class and key, for everything that is not the
/// trap path (the emulated CPU's direct accesses, reports, tools). The trap path itself uses the generated table.
/// </summary>
public static class CatalogueIndex
{
    private static readonly Dictionary<uint, SystemRegisterInfo> Aarch64 =
        SystemRegisters.All.Where(r => r.IsAarch64Dispatched).ToDictionary(r => r.Key);

    private static readonly Dictionary<(uint, uint), (SystemRegisterInfo Register, Aarch32AliasInfo Alias)> Aarch32 =
        SystemRegisters.All.SelectMany(r => r.Aliases.Select(a => (r, a))).ToDictionary(p => ((uint)p.a.ExceptionClass, p.a.Key), p => (p.r, p.a));

    private static readonly Dictionary<(int, uint), DispatchedAccessInfo> Dispatched =
        SystemRegisters.InstructionsAndOthers.ToDictionary(d => (d.ExceptionClass, d.Key));

    private static readonly HashSet<string> Names = new(SystemRegisters.All.Select(r => r.Name), System.StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the AArch64 register names the catalogue knows, the architecture's and its IMPLEMENTATION DEFINED ones, for instruction syntax.</summary>
    public static SystemRegisterNames RegisterNames { get; } =
        new(SystemRegisters.All.Where(r => !r.IsAarch32Only).Select(r => (r.Name, new Aarch64Encoding(r.Op0, r.Op1, r.CRn, r.CRm, r.Op2))));

    /// <summary>Gets whether the catalogue has the register called <paramref name="name"/>.</summary>
    public static bool Contains(string name) => Names.Contains(name);

    /// <summary>Finds the AArch64 register whose key (in MsrKeys) is <paramref name="key"/>.</summary>
    public static bool TryFindAarch64(uint key, out SystemRegisterInfo register) => Aarch64.TryGetValue(key, out register!);

    /// <summary>Finds the AArch32 form of <paramref name="trapClass"/> whose key is <paramref name="key"/>, and its register.</summary>
    public static bool TryFindAarch32(TrapClass trapClass, uint key, out SystemRegisterInfo register, out Aarch32AliasInfo alias)
    {
        var found = Aarch32.TryGetValue((trapClass.ExceptionClass, key), out var entry);
        register = entry.Register!;
        alias = entry.Alias!;
        return found;
    }

    /// <summary>
    /// Finds the register the catalogue keeps for an access of <paramref name="trapClass"/> with <paramref name="key"/>,
    /// and which bits of it the access reaches: an AArch64 register whole, or an AArch32 form by its view.
    /// </summary>
    public static bool TryFindRegister(TrapClass trapClass, uint key, out SystemRegisterInfo register, out RegisterView view)
    {
        view = RegisterView.Whole;
        if (trapClass == TrapClasses.Msr)
        {
            return TryFindAarch64(key, out register);
        }

        var found = TryFindAarch32(trapClass, key, out register, out var alias);
        view = found ? alias.View : RegisterView.Whole;
        return found;
    }

    /// <summary>
    /// Finds what else the dispatch handles at <paramref name="key"/> of <paramref name="trapClass"/>: a catalogued
    /// System instruction, or an access a trap group's others: handles.
    /// </summary>
    public static bool TryFindInstructionOrOther(TrapClass trapClass, uint key, out DispatchedAccessInfo access) =>
        Dispatched.TryGetValue(((int)trapClass.ExceptionClass, key), out access!);

    /// <summary>Gets the catalogued name of the register a syndrome reaches, or null.</summary>
    public static string? NameOf(uint esr)
    {
        if (!SyndromeKey.TryGet(esr, out var trapClass, out var key))
        {
            return null;
        }

        if (trapClass == TrapClasses.Msr && TryFindAarch64(key, out var register))
        {
            return register.Name;
        }

        return TryFindAarch32(trapClass, key, out _, out var alias) ? alias.Name
            : TryFindInstructionOrOther(trapClass, key, out var dispatched) ? dispatched.Name
            : null;
    }
}
