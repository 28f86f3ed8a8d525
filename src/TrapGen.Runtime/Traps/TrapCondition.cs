using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// The seed's check_conditional_instr (KVM's kvm_condition_valid32) for every conditional AArch32 trap the
/// runtime takes: its trap class says where CV and COND live (cp15 and cp14 moves, LDC/STC and VMRS), and an
/// A32 SMC reports them only with CCKNOWNPASS = 1 (<see cref="TrapClass.ConditionReportedMask"/>). CV = 0
/// means the condition is not reported, and the instruction executes. The classes' masks and shifts are
/// tabulated by exception class once, so a check is one table load, two ANDs, a shift and the flags' table
/// lookup, and an AArch64 trap (nothing reported) one load and one compare.
/// </summary>
internal static class TrapCondition
{
    private static readonly (uint Reported, int Shift)[] Checks = Tabulate();

    /// <summary>Gets whether the trapped instruction's condition passes, or it has none to check (an AArch64 class, or an exception class TrapGen does not understand).</summary>
    public static bool Passes(ConditionFlags flags, uint exceptionClass, uint iss)
    {
        var check = Checks[exceptionClass & (TrapClasses.ExceptionClassCount - 1)];
        return check.Reported == 0 || (iss & check.Reported) != check.Reported || flags.Holds(iss >> check.Shift);
    }

    private static (uint Reported, int Shift)[] Tabulate()
    {
        var checks = new (uint Reported, int Shift)[TrapClasses.ExceptionClassCount];
        foreach (var trapClass in TrapClasses.All)
        {
            checks[trapClass.ExceptionClass] = (trapClass.ConditionReportedMask, trapClass.ConditionShift);
        }

        return checks;
    }
}
