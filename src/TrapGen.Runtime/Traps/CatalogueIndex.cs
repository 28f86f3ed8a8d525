using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// Finds catalogued registers and aliases by their syndrome key, for everything that is not the trap
/// path (the emulated CPU's direct accesses, reports, tools). The trap path itself uses the generated switch.
/// </summary>
public static class CatalogueIndex
{
    private static readonly Dictionary<uint, SystemRegisterInfo> Aarch64 =
        SystemRegisters.All.Where(r => !r.GuestAarch32State).ToDictionary(r => r.Key);

    private static readonly Dictionary<uint, (SystemRegisterInfo Register, Aarch32AliasInfo Alias)> Mcr = Aliases(TrapClassKind.Mcr);

    private static readonly Dictionary<uint, (SystemRegisterInfo Register, Aarch32AliasInfo Alias)> Mcrr = Aliases(TrapClassKind.Mcrr);

    private static readonly Dictionary<(int, uint), DispatchedAccessInfo> Dispatched =
        SystemRegisters.InstructionsAndOthers.ToDictionary(d => (d.ExceptionClass, d.Key));

    private static readonly HashSet<string> Names = new(SystemRegisters.All.Select(r => r.Name), System.StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets whether the catalogue has the AArch64 register called <paramref name="name"/>.</summary>
    public static bool Contains(string name) => Names.Contains(name);

    /// <summary>Finds the AArch64 register whose key (in MsrKeys) is <paramref name="key"/>.</summary>
    public static bool TryFindAarch64(uint key, out SystemRegisterInfo register) => Aarch64.TryGetValue(key, out register!);

    /// <summary>
    /// Finds the AArch32 alias of <paramref name="form"/> (<see cref="TrapClassKind.Mcr"/> or <see cref="TrapClassKind.Mcrr"/>;
    /// none is of <see cref="TrapClassKind.Msr"/>) whose key is <paramref name="key"/>, and its register.
    /// </summary>
    public static bool TryFindAarch32(TrapClassKind form, uint key, out SystemRegisterInfo register, out Aarch32AliasInfo alias)
    {
        (SystemRegisterInfo Register, Aarch32AliasInfo Alias) entry = default;
        var found = form switch
        {
            TrapClassKind.Mcr => Mcr.TryGetValue(key, out entry),
            TrapClassKind.Mcrr => Mcrr.TryGetValue(key, out entry),
            _ => false,
        };
        register = entry.Register!;
        alias = entry.Alias!;
        return found;
    }

    /// <summary>
    /// Finds what else the dispatch handles at <paramref name="key"/> of <paramref name="kind"/>: a catalogued
    /// System instruction, or an access a trap group's others: handles.
    /// </summary>
    public static bool TryFindInstructionOrOther(TrapClassKind kind, uint key, out DispatchedAccessInfo access) =>
        Dispatched.TryGetValue((TrapClasses.ExceptionClass(kind), key), out access!);

    /// <summary>Gets the catalogued name of the register a syndrome reaches, or null.</summary>
    public static string? NameOf(uint esr)
    {
        if (!SyndromeKey.TryGet(esr, out var kind, out var key))
        {
            return null;
        }

        return kind switch
        {
            TrapClassKind.Msr when TryFindAarch64(key, out var r) => r.Name,
            _ when TryFindAarch32(kind, key, out _, out var a) => a.Name,
            _ when TryFindInstructionOrOther(kind, key, out var d) => d.Name,
            _ => null,
        };
    }

    private static Dictionary<uint, (SystemRegisterInfo, Aarch32AliasInfo)> Aliases(TrapClassKind form) =>
        SystemRegisters.All.SelectMany(r => r.Aliases.Where(a => a.Form == form).Select(a => (r, a))).ToDictionary(p => p.a.Key, p => (p.r, p.a));
}
