using System;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// Which registers are the Performance Monitors Extension's (FEAT_PMUv3): those Tables/register-requirements.table
/// says need FEAT_PMUv3 or a later PMU version (<c>FEAT_PMUv3p1</c>, <c>FEAT_PMUv3p4</c>, ...) or event counter n
/// (<c>PMN&gt;n</c>), and the later PMU extensions' (the instruction counter, FEAT_PMUv3_ICNTR; the sampling
/// event registers PMECR_EL1 and PMIAR_EL1, FEAT_EBEP and FEAT_SEBEP). The Statistical Profiling Extension's PMS* and
/// PMB* registers (FEAT_SPE) are not among them, nor the snapshot registers (FEAT_PMUv3_SS: PMEVCNTSVR&lt;n&gt;_EL1,
/// PMCCNTSVR_EL1, PMICNTSVR_EL1, PMSSCR_EL1), which the Arm ARM's pseudocode does not trap with MDCR_EL2.TPM.
/// Known from the requirements, not from the trap rules, so a test can check that MDCR_EL2.TPM traps every one.
/// </summary>
public static class PerformanceMonitors
{
    private const string Feature = "FEAT_PMUv3";

    private const string EventCounter = "PMN>";

    /// <summary>Gets whether <paramref name="register"/> is a Performance Monitors register.</summary>
    public static bool IsRegister(Aarch64Register register) => IsCondition(Requirements.Of(register));

    /// <summary>Gets whether <paramref name="register"/> is a Performance Monitors register (an AArch32 view).</summary>
    public static bool IsRegister(Aarch32Register register) => IsCondition(Requirements.Of(register));

    private static bool IsCondition(string? condition) =>
        condition is not null && (condition.StartsWith(EventCounter, StringComparison.Ordinal) || condition.Split('&').All(all => all.Split('|').Any(IsPmuFeature)));

    /// <summary>FEAT_PMUv3, a later version (FEAT_PMUv3p1, ...), its instruction counter, or its sampling event registers; not FEAT_PMUv3_SS.</summary>
    private static bool IsPmuFeature(string feature) =>
        feature is "FEAT_PMUv3_ICNTR" or "FEAT_EBEP" or "FEAT_SEBEP"
        || (feature.StartsWith(Feature, StringComparison.Ordinal) && (feature.Length == Feature.Length || feature[Feature.Length] == 'p'));
}
