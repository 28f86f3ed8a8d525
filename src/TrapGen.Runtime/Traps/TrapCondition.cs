using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// The seed's check_conditional_instr (KVM's kvm_condition_valid32) for every conditional AArch32 trap the
/// runtime takes: its exception class's <see cref="TrapClassDescriptor"/> says where CV and COND live (cp15
/// and cp14 moves and VMRS), and an A32 SMC reports them only with CCKNOWNPASS = 1. CV = 0 means the
/// condition is not reported, and the instruction executes.
/// </summary>
internal static class TrapCondition
{
    /// <summary>Gets whether the trapped instruction's condition passes, or it has none to check.</summary>
    public static bool Passes(ConditionFlags flags, uint exceptionClass, uint iss) =>
        TrapClassDescriptors.Find(exceptionClass) is not { Condition: { } condition } syndrome
        || !syndrome.ReportsCondition(iss)
        || flags.Holds((uint)condition.Extract(iss));
}
