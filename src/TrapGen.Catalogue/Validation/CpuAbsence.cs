using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Catalogue.Validation;

/// <summary>
/// Why a CPU model lacks a register or System instruction, in words for TG0035: the condition of
/// register-requirements.table it does not meet (<c>cortex-a57 (needs FEAT_CCIDX)</c>), no AArch32 at EL1, or an
/// IMPLEMENTATION DEFINED encoding that is none of its registers.
/// </summary>
internal static class CpuAbsence
{
    /// <summary>Gets the models of <paramref name="models"/> that lack the entry, each with why, as one phrase; null when one of them has it.</summary>
    public static string? OfAll(IReadOnlyList<CpuModel> models, System.Func<CpuModel, string?> reason)
    {
        var reasons = new List<string>();
        foreach (var model in models)
        {
            if (reason(model) is not { } why)
            {
                return null;
            }

            reasons.Add(model.Name + " (" + why + ")");
        }

        return Join(reasons);
    }

    /// <summary>Gets models, each with why it lacks something, as one phrase: <c>cortex-a57 (needs FEAT_FGT) or max (needs FEAT_FGT)</c>.</summary>
    public static string Join(IReadOnlyList<string> reasons) => reasons.Count switch
    {
        1 => reasons[0],
        _ => string.Join(", ", reasons.Take(reasons.Count - 1)) + " or " + reasons[reasons.Count - 1],
    };

    /// <summary>Why <paramref name="model"/> lacks <paramref name="control"/>, or null when it has it.</summary>
    public static string? Of(CpuModel model, TrapControl control) =>
        control.ExistsOn(model) ? null : Needs(model, control.Needs);

    /// <summary>Why <paramref name="model"/> lacks <paramref name="register"/>, or null when it has it.</summary>
    public static string? Of(CpuModel model, Aarch64Register register) =>
        model.Implements(register) ? null : Needs(model, Requirements.Of(register));

    /// <summary>Why <paramref name="model"/> lacks <paramref name="register"/>, or null when it has it.</summary>
    public static string? Of(CpuModel model, Aarch32Register register) =>
        model.Implements(register) ? null : model.HasAarch32El1 ? Needs(model, Requirements.Of(register)) : "no AArch32 at EL1";

    /// <summary>Why <paramref name="model"/> lacks <paramref name="instruction"/>, or null when it has it.</summary>
    public static string? Of(CpuModel model, SystemInstruction instruction) =>
        model.Implements(instruction) ? null : Needs(model, Requirements.Of(instruction));

    /// <summary>Why <paramref name="model"/> lacks the IMPLEMENTATION DEFINED register at <paramref name="encoding"/>, or null when it has it.</summary>
    public static string? Of(CpuModel model, Aarch64Encoding encoding) =>
        model.Implements(encoding) ? null : "no IMPLEMENTATION DEFINED register at " + encoding;

    /// <summary>Why <paramref name="model"/> lacks the IMPLEMENTATION DEFINED cp15 register at <paramref name="encoding"/>, or null when it has it.</summary>
    public static string? Of(CpuModel model, Aarch32Encoding encoding) =>
        model.Implements(encoding) ? null : model.HasAarch32El1 ? "no IMPLEMENTATION DEFINED register at " + encoding.Describe() : "no AArch32 at EL1";

    /// <summary>A condition of register-requirements.table that <paramref name="model"/> does not meet, in words.</summary>
    private static string Needs(CpuModel model, string? condition)
    {
        if (condition is null or "NEVER")
        {
            return "not implemented";
        }

        if (condition.StartsWith("CTX:", System.StringComparison.Ordinal))
        {
            return "breakpoint " + condition.Substring(4) + " does not match contexts";
        }

        if (condition.Length > 4 && condition[3] == '>')
        {
            var (count, noun) = condition[0] switch
            {
                'B' => (model.Breakpoints, "breakpoints"),
                'W' => (model.Watchpoints, "watchpoints"),
                _ => (model.EventCounters, "event counters"),
            };
            return "has " + count.ToString(CultureInfo.InvariantCulture) + " " + noun;
        }

        return "needs " + RequirementText.Features(condition);
    }
}
