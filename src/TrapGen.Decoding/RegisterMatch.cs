using System.Linq;
using System.Text.Json.Serialization;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using TrapGen.Runtime;
using TrapGen.Runtime.Traps;

namespace TrapGen.Decoding;

/// <summary>The catalogued register a syndrome reaches.</summary>
/// <param name="Name">The register's name, or the AArch32 alias's.</param>
/// <param name="Aarch64Register">The AArch64 register that holds the value.</param>
/// <param name="View">For an alias, which bits it reaches (whole, lo, hi, zero-extend); null for an AArch64 access.</param>
/// <param name="Handling">passthrough, emulated, raz-wi or undefined.</param>
/// <param name="Emulator">The emulator of an emulated register, or null.</param>
/// <param name="AfterWrite">The hook run after a write, or null.</param>
/// <param name="Summary">All of it in one phrase, for people.</param>
public sealed record RegisterMatch(
    string Name,
    string Aarch64Register,
    string? View,
    string Handling,
    string? Emulator,
    string? AfterWrite,
    [property: JsonIgnore] string Summary)
{
    /// <summary>
    /// Finds the catalogued register, alias, System instruction or trap group's other access at <paramref name="key"/>
    /// of <paramref name="trapClass"/>. Where the architecture names the read and the write of one encoding as two
    /// registers (DBGDTRRX_EL0 and DBGDTRTX_EL0), a catalogued one is the match only in a direction it allows.
    /// </summary>
    public static RegisterMatch? Find(TrapClass trapClass, uint key, bool isRead)
    {
        if (trapClass == TrapClasses.Msr && CatalogueIndex.TryFindAarch64(key, out var register))
        {
            return IsOtherRegister(register, register.Name) ? null : Create(register.Name, register, null);
        }

        if (CatalogueIndex.TryFindAarch32(trapClass, key, out var owner, out var alias))
        {
            return IsOtherRegister(owner, alias.Name) ? null : Create(alias.Name, owner, alias);
        }

        return CatalogueIndex.TryFindInstructionOrOther(trapClass, key, out var other) ? Create(other) : null;

        bool IsOtherRegister(SystemRegisterInfo catalogued, string name) =>
            !(isRead ? catalogued.IsReadable : catalogued.IsWritable)
            && RegistersByKey.NameOf(trapClass, key, isRead) is { } architectural
            && architectural != name
            && !catalogued.OtherNames.Contains(architectural);
    }

    /// <summary>A catalogued System instruction, or an access a trap group's others: handles.</summary>
    private static RegisterMatch Create(DispatchedAccessInfo access)
    {
        var handling = access.Handling.Split(' ')[0];
        var summary = access.Name + (access.IsInstruction ? " (System instruction): " : " (not catalogued), its trap group's ") + access.Handling;
        return new RegisterMatch(access.Name, access.Name, null, handling, null, null, summary);
    }

    private static RegisterMatch Create(string name, SystemRegisterInfo register, Aarch32AliasInfo? alias)
    {
        var reach = alias is null || (register.IsAarch32Only && alias.View == RegisterView.Whole) ? name : name + ", " + RegisterViews.Of(alias.View, register.Name);
        var view = alias is null ? null : CatalogueSpelling.Of(alias.View);
        return new RegisterMatch(name, register.Name, view, CatalogueSpelling.Of(register.Handling), register.Emulator, register.AfterWrite, reach + ": " + register.HandlingPhrase);
    }
}
