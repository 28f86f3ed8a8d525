using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// The seed's check_conditional_instr (KVM's kvm_condition_valid32) for every conditional AArch32 trap the
/// runtime takes: its trap class says where CV and COND live (cp15 and cp14 moves, LDC/STC and VMRS), and an
/// A32 SMC reports them only with CCKNOWNPASS = 1 (<see cref="TrapClass.ConditionReportedMask"/>). CV = 0
/// means the condition is not reported, and the instruction executes. A check is two ANDs, a shift and the
/// flags' table lookup.
/// </summary>
internal static class TrapCondition
{
    /// <summary>Gets whether the trapped instruction's condition passes, or it has none to check (an AArch64 class, or an exception class TrapGen does not understand).</summary>
    public static bool Passes(ConditionFlags flags, TrapClass? trapClass, uint iss)
    {
        if (trapClass is null)
        {
            return true;
        }

        var reported = trapClass.ConditionReportedMask;
        return reported == 0 || (iss & reported) != reported || flags.Holds(iss >> trapClass.ConditionShift);
    }
}
