using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// The seed's check_conditional_instr (KVM's kvm_condition_valid32) for every conditional AArch32 trap the
/// runtime takes: cp15 and cp14 moves and VMRS report CV and COND in the same bits (the McrMrcIss and
/// McrrMrrcIss layouts); an A32 SMC reports them only with CCKNOWNPASS = 1. CV = 0 means the condition is
/// not reported, and the instruction executes.
/// </summary>
internal static class TrapCondition
{
    /// <summary>Gets whether the trapped instruction's condition passes, or it has none to check.</summary>
    public static bool Passes(ConditionFlags flags, uint exceptionClass, uint iss)
    {
        if (exceptionClass == Layouts.Smc32Iss.ExceptionClass)
        {
            return Layouts.Smc32Iss.CCKNOWNPASS.Extract(iss) == 0 || Holds(flags, Layouts.Smc32Iss.CV, Layouts.Smc32Iss.COND, iss);
        }

        if (exceptionClass is Layouts.McrMrcIss.ExceptionClass or Layouts.VmrsIss.ExceptionClass || exceptionClass == Cp14ExceptionClasses.Mcr)
        {
            return Holds(flags, Layouts.McrMrcIss.CV, Layouts.McrMrcIss.COND, iss);
        }

        if (exceptionClass == Layouts.McrrMrrcIss.ExceptionClass || exceptionClass == Cp14ExceptionClasses.Mcrr)
        {
            return Holds(flags, Layouts.McrrMrrcIss.CV, Layouts.McrrMrrcIss.COND, iss);
        }

        return true;
    }

    private static bool Holds(ConditionFlags flags, BitField cv, BitField cond, uint iss) => cv.Extract(iss) == 0 || flags.Holds((uint)cond.Extract(iss));
}
