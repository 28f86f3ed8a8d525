using System.Collections.Generic;

namespace TrapGen.Architecture;

/// <summary>
/// The guest's own enables that the CPU checks before EL2's CPTR_EL2 traps of the same functionality: CPACR_EL1.FPEN
/// before TFP (SIMD and floating point), ZEN before TZ (SVE), SMEN before TSM (SME), as the Arm ARM's
/// CheckFPAdvSIMDEnabled, CheckOriginalSVEEnabled, CheckSMEEnabled and CheckSMEAccess, and the accessors of FPCR, ZCR_EL1
/// and SMCR_EL1, do. An access whose rules list such controls checks all their enables first, in the rules' order (an
/// SVE instruction: ZEN, then FPEN), and then EL2's controls. EL1 may use the functionality when the enable's low bit is 1
/// (0b01 enables EL1 alone, 0b11 EL1 and EL0). An AArch32 EL1's CPACR has FPEN (cp10) at the same bits, and no other.
/// </summary>
public static class GuestEnables
{
    /// <summary>Gets the CPACR_EL1 field the CPU checks before <paramref name="control"/>, or null for a control without one.</summary>
    public static BitField? Of(TrapControl control) =>
        ReferenceEquals(control, TrapControls.TFP) ? Layouts.CpacrEl1.FPEN
        : ReferenceEquals(control, TrapControls.TZ) ? Layouts.CpacrEl1.ZEN
        : ReferenceEquals(control, TrapControls.TSM) ? Layouts.CpacrEl1.SMEN
        : null;

    /// <summary>Gets whether any of <paramref name="rules"/> has a guest enable: whether the CPU reads CPACR_EL1 for the access at all. Allocates nothing.</summary>
    public static bool AnyIn(IReadOnlyList<TrapRule> rules)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (Of(rules[i].Control) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Gets the first control of <paramref name="rules"/> (those covering <paramref name="direction"/>) whose guest enable
    /// <paramref name="cpacr"/> clears, or null when EL1 may use all of them. Allocates nothing.
    /// </summary>
    public static TrapControl? FirstDisabled(IReadOnlyList<TrapRule> rules, AccessDirection direction, ulong cpacr)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Covers(direction) && Of(rules[i].Control) is { } enable && (enable.Extract(cpacr) & 1) == 0)
            {
                return rules[i].Control;
            }
        }

        return null;
    }
}
