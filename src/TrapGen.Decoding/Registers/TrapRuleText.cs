using System.Collections.Generic;
using System.Linq;
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
public sealed record TrapRuleText(string Control, string Direction, string TrapsWhen, string Description)
{
    /// <summary>The rules of <paramref name="rules"/> that cover <paramref name="direction"/>, as text; every rule when it is null.</summary>
    /// <param name="rules">The architecture's rules.</param>
    /// <param name="direction">The direction of one access, or null for the register as a whole.</param>
    /// <returns>One entry a rule, in the table's order.</returns>
    public static IReadOnlyList<TrapRuleText> Of(IReadOnlyList<TrapRule> rules, AccessDirection? direction = null) =>
        [.. rules.Where(r => direction is not { } d || r.Covers(d)).Select(r => new TrapRuleText(
            r.Control.QualifiedName,
            RegisterAccessRules.Spelling(r.Direction).ToLowerInvariant(),
            (r.Control.TrapsWhenSet ? "set" : "clear") + (r.Qualifier is { } q ? ", while " + q.QualifiedName + (q.TrapsWhenSet ? " is set" : " is clear") : string.Empty),
            r.Control.Description))];

    /// <summary>
    /// One line for the controls that trap an access: <c>HCR_EL2.TRVM (set)</c>; <c>HCR_EL2.TID2 or HCR_EL2.TID4 (set)</c>;
    /// <c>HCR_EL2.APK (clear)</c>; or that no control TrapGen models traps it.
    /// </summary>
    /// <param name="rules">The controls, in the order the access's pseudocode checks them.</param>
    /// <returns>The line's text.</returns>
    public static string Describe(IReadOnlyList<TrapRuleText> rules) =>
        rules is null || rules.Count == 0
            ? "no EL2 trap control TrapGen models (it may be IMPLEMENTATION DEFINED, or trapped by a control not yet modelled)"
            : string.Join(" or ", rules.Select(r => r.Control + " (" + r.TrapsWhen + ")"));
}
