using System;

namespace TrapGen.Architecture;

/// <summary>
/// Which registers are the Performance Monitors Extension's (FEAT_PMUv3): those Tables/register-requirements.table
/// says need FEAT_PMUv3 or a later PMU version (<c>FEAT_PMUv3p1</c>, <c>FEAT_PMUv3p4</c>, ...) or event counter n
/// (<c>PMN&gt;n</c>). The Statistical Profiling Extension's PMS* and PMB* registers (FEAT_SPE) are not among them.
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
        condition is not null && (condition.StartsWith(Feature, StringComparison.Ordinal) || condition.StartsWith(EventCounter, StringComparison.Ordinal));
}
