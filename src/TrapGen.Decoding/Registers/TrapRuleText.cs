using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>One EL2 trap control that traps an access, and the direction it traps.</summary>
/// <param name="Control">The control, qualified: <c>HCR_EL2.TVM</c>.</param>
/// <param name="Direction">read, write or read/write, as the architecture tables spell it.</param>
/// <param name="TrapsWhen">
/// set or clear: the value of the bit that traps; with the qualifier that must let it, for a qualified rule: <c>set, while
/// HCRX_EL2.FGTnXS is clear</c> (an HFGITR_EL2 field on an nXS TLBI).
/// </param>
/// <param name="Description">What the control is for, from the trap-controls table.</param>
/// <param name="Range">
/// When no row names the access and the control traps it by a range of encodings (range-traps.table): the range,
/// with its Arm ARM sections (<c>op0 3, op1 0, CRn 0, CRm 2-7, op2 0-7 (D24.2.62)</c>); null otherwise.
/// </param>
public sealed record TrapRuleText(string Control, string Direction, string TrapsWhen, string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Range = null)
{
    /// <summary>
    /// The controls that trap the access of <paramref name="trapClass"/> with ISS key <paramref name="key"/> in its
    /// direction, in its pseudocode's order; on <paramref name="model"/>, only those it has. When no row names the
    /// access, each rule says the range it comes from (a reserved ID register under HCR_EL2.TID3, an IMPLEMENTATION
    /// DEFINED encoding under TIDCP).
    /// </summary>
    /// <param name="trapClass">The access's trap class.</param>
    /// <param name="key">Its ISS key.</param>
    /// <param name="isRead">Whether it reads.</param>
    /// <param name="model">The CPU model, or null for every control.</param>
    /// <returns>One entry a rule.</returns>
    public static IReadOnlyList<TrapRuleText> OfAccess(TrapClass trapClass, uint key, bool isRead, CpuModel? model = null)
    {
        var rules = RegistersByKey.RulesOf(trapClass, key);
        var ranges = RegistersByKey.RangesOf(trapClass, key);
        var direction = isRead ? AccessDirection.Read : AccessDirection.Write;
        return [.. rules.Where(r => r.Covers(direction) && (model is null || r.ExistsOn(model))).Select(r =>
            From(r, ranges.FirstOrDefault(range => range.Rule == r) is { } range ? range.Encoding + " (" + range.Section.Replace(",", ", ", System.StringComparison.Ordinal) + ")" : null))];
    }

    /// <summary>The rules of <paramref name="rules"/> that cover <paramref name="direction"/>, as text; every rule when it is null.</summary>
    /// <param name="rules">The architecture's rules.</param>
    /// <param name="direction">The direction of one access, or null for the register as a whole.</param>
    /// <returns>One entry a rule, in the table's order.</returns>
    public static IReadOnlyList<TrapRuleText> Of(IReadOnlyList<TrapRule> rules, AccessDirection? direction = null) =>
        [.. rules.Where(r => direction is not { } d || r.Covers(d)).Select(r => From(r, null))];

    /// <summary>
    /// One line for the controls that trap an access: <c>HCR_EL2.TRVM (set)</c>; <c>HCR_EL2.TID2 or HCR_EL2.TID4 (set)</c>;
    /// <c>HCR_EL2.APK (clear)</c>; or that no control TrapGen models traps it.
    /// </summary>
    /// <param name="rules">The controls, in the order the access's pseudocode checks them.</param>
    /// <returns>The line's text.</returns>
    public static string Describe(IReadOnlyList<TrapRuleText> rules) =>
        rules is null || rules.Count == 0
            ? "no EL2 trap control TrapGen models (it may be IMPLEMENTATION DEFINED, or trapped by a control not yet modelled)"
            : string.Join(" or ", rules.Select(r => r.Control + " (" + r.TrapsWhen + ")" + (r.Range is { } range ? ", by range: " + range : string.Empty)));

    /// <summary>
    /// When the rule's control traps: <c>set</c>, <c>clear</c>; an event counter limit's, the counter the access reaches
    /// against it: <c>counter 3 at or above it</c>, <c>counter PMSELR_EL0.SEL at or above it</c>.
    /// </summary>
    private static string WhenItTraps(TrapRule rule) =>
        rule.Control.IsCounterLimit
            ? "counter " + (rule.CounterSelected ? EventCounterSelection.Name + "." + EventCounterSelection.Sel.Name : rule.Counter?.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " at or above it"
            : rule.Control.TrapsWhenSet ? "set" : "clear";

    private static TrapRuleText From(TrapRule rule, string? range) => new(
        rule.Control.QualifiedName,
        RegisterAccessRules.Spelling(rule.Direction).ToLowerInvariant(),
        WhenItTraps(rule) + (rule.Qualifier is { } q ? ", while " + q.QualifiedName + (q.TrapsWhenSet ? " is set" : " is clear") : string.Empty)
            + (rule.Nvx is { } nvx ? ", while HCR_EL2.{NV2,NV1,NV} is " + nvx.Pattern() : string.Empty),
        rule.Control.Description,
        range);
}
