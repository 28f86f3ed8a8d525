using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// Whether a trapped access reaches something a CPU model has (<c>trapgen decode --cpu NAME</c>), and what the
/// CPU does when it does not: a register or System instruction of a feature the model lacks is UNDEFINED at EL1
/// before any EL2 trap, so such a syndrome never comes from that CPU; an absent ID register reads as zero
/// (HCR_EL2.TID3 traps it); an IMPLEMENTATION DEFINED encoding the model does not define is UNDEFINED unless
/// HCR_EL2.TIDCP traps it first.
/// </summary>
/// <param name="Model">The model's name: <c>cortex-a57</c>.</param>
/// <param name="Exists">Whether the model has the register or instruction.</param>
/// <param name="Needs">What it needs that the model lacks (<c>FEAT_CCIDX</c>, <c>AArch32 at EL1</c>), or null.</param>
/// <param name="Summary">All of it in one sentence, for people.</param>
public sealed record CpuPresence(string Model, bool Exists, string? Needs, string Summary)
{
    /// <summary>Checks the access of <paramref name="trapClass"/> at <paramref name="key"/> on <paramref name="model"/>; null when it is no System register access.</summary>
    public static CpuPresence? Of(CpuModel model, TrapClass trapClass, uint key, bool isRead)
    {
        if (!trapClass.IsDispatchable)
        {
            return null;
        }

        if (trapClass.IsAarch32 && !model.HasAarch32El1)
        {
            const string aarch32 = "AArch32 at EL1";
            return new CpuPresence(model.Name, false, aarch32, model.Name + " has no " + aarch32 + " (ID_AA64PFR0_EL1.EL1 is 0b0001): no guest of it makes this access");
        }

        var op0 = trapClass.KeyValue(key, "Op0");
        if (trapClass.TransfersRegisterPair && !model.Has(PairedAccess.FeatureOf(op0)))
        {
            var what = op0 == PairedAccess.SystemInstructionOp0 ? "SYSP (TLBIP)" : "MRRS or MSRR";
            return new CpuPresence(
                model.Name, false, PairedAccess.FeatureOf(op0), model.Name + " has no " + what + ", which needs " + RequirementText.Describe(PairedAccess.FeatureOf(op0)) + ": it is UNDEFINED at EL1 there, before any EL2 trap, so this syndrome never comes from it");
        }

        var named = RegistersByKey.NameOf(trapClass, key, isRead);
        var implementationDefined = named is null && ImplementationDefinedSpace.Contains(trapClass, key);
        if (El1Access.Implements(model, trapClass, key, isRead))
        {
            var name = named ?? (implementationDefined ? "its IMPLEMENTATION DEFINED " + ImplementationDefinedName(model, trapClass, key) : "this encoding");
            return new CpuPresence(model.Name, true, null, model.Name + " has " + name);
        }

        var needs = Condition(trapClass, key, isRead);
        var lacks = implementationDefined
            ? model.Name + " defines no IMPLEMENTATION DEFINED " + (trapClass.TransfersRegisterPair ? "128-bit " : string.Empty) + "register at this encoding"
            : model.Name + " has no " + (trapClass.TransfersRegisterPair ? "128-bit accessor of " : string.Empty) + named + (needs is null ? string.Empty : ", which needs " + RequirementText.Describe(needs));
        var consequence = El1Access.Check(trapClass, key, isRead, model) == El1AccessCheck.Allowed
            ? ": it reads as zero there, a reserved ID register, and HCR_EL2.TID3 traps the read"
            : RangeTraps.RulesOf(trapClass, key).Any(rule => rule.Control == TrapControls.TIDCP)
                ? ": the access is UNDEFINED at EL1 there unless HCR_EL2.TIDCP traps it first, as this syndrome's would"
                : ": the access is UNDEFINED at EL1 there, before any EL2 trap, so this syndrome never comes from it";
        return new CpuPresence(model.Name, false, needs, lacks + consequence);
    }

    /// <summary>
    /// Checks an instruction that accesses no register (WFIT, SMC) on <paramref name="model"/>: one of a feature the model lacks is
    /// UNDEFINED at EL1. <paramref name="name"/> is how to call it, when not by its row's name (a syndrome's "GCSSTR or GCSSTTR").
    /// </summary>
    public static CpuPresence Of(CpuModel model, TrappedInstruction instruction, string? name = null)
    {
        name ??= instruction.Name;
        if (instruction.ExistsOn(model))
        {
            return new CpuPresence(model.Name, true, null, model.Name + " has " + name);
        }

        return new CpuPresence(
            model.Name,
            false,
            instruction.Needs,
            model.Name + " has no " + name + ", which needs " + RequirementText.Describe(instruction.Needs!) + ": it is UNDEFINED at EL1 there, before any EL2 trap, so this syndrome never comes from it");
    }

    /// <summary>The TRM's name of the model's IMPLEMENTATION DEFINED register at <paramref name="key"/>, which the model has.</summary>
    private static string? ImplementationDefinedName(CpuModel model, TrapClass trapClass, uint key) =>
        ImplementationDefinedSpace.Aarch64EncodingOf(trapClass, key) is { } encoding
            ? model.ImplementationDefined.FirstOrDefault(r => r.Encoding == encoding).Name
            : ImplementationDefinedSpace.Cp15EncodingOf(trapClass, key) is { } cp15
                ? model.Aarch32ImplementationDefined.FirstOrDefault(r => r.Encoding == cp15).Name
                : null;

    /// <summary>The register-requirements.table condition of the register or instruction at <paramref name="key"/>, or null.</summary>
    private static string? Condition(TrapClass trapClass, uint key, bool isRead)
    {
        if (trapClass == TrapClasses.Msr)
        {
            return RegistersByKey.TryFindAarch64(key, isRead ? AccessDirection.Read : AccessDirection.Write, out var register) ? Requirements.Of(register)
                : RegistersByKey.TryFindInstruction(key, out var instruction) ? Requirements.Of(instruction)
                : null;
        }

        if (trapClass == TrapClasses.Sys128)
        {
            return Accesses128.TryFind(key, out var access128) ? Both(access128.BaseRequirement, access128.Feature) : null;
        }

        return RegistersByKey.TryFindAarch32(trapClass, key, out var aarch32) ? Requirements.Of(aarch32) : null;
    }

    /// <summary>
    /// Two register-requirements.table conditions that must both hold, or the one there is: <paramref name="second"/>, a
    /// product (FEAT_X or FEAT_X&amp;FEAT_Y), joins each alternative of <paramref name="first"/>.
    /// </summary>
    private static string? Both(string? first, string? second) =>
        first is null ? second : second is null ? first : string.Join("|", first.Split('|').Select(product => product + "&" + second));
}
