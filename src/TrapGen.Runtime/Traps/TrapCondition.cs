using TrapGen.Architecture;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Runtime.Traps;

/// <summary>
/// The seed's check_conditional_instr (KVM's kvm_condition_valid32) for every conditional AArch32 trap the
/// runtime takes: its exception class's <see cref="TrapClassDescriptor"/> says where CV and COND live (cp15
/// and cp14 moves and VMRS), and an A32 SMC reports them only with CCKNOWNPASS = 1. CV = 0 means the
/// condition is not reported, and the instruction executes. The descriptors' fields are turned once into
/// one mask pair and a shift per exception class, so that a trap's check is a load, two ANDs and the
/// flags' table lookup.
/// </summary>
internal static class TrapCondition
{
    /// <summary>Per exception class: which ISS bits must all be set for COND to be checked, and where COND is.</summary>
    private static readonly Check[] Checks = Tabulate();

    /// <summary>Gets whether the trapped instruction's condition passes, or it has none to check.</summary>
    public static bool Passes(ConditionFlags flags, uint exceptionClass, uint iss)
    {
        if (exceptionClass >= (uint)Checks.Length)
        {
            return true;
        }

        var check = Checks[exceptionClass];
        return check.Reported == 0 || (iss & check.Reported) != check.Reported || flags.Holds(iss >> check.CondShift);
    }

    private static Check[] Tabulate()
    {
        var checks = new Check[TrapClassDescriptors.ExceptionClassCount];
        for (var ec = 0u; ec < checks.Length; ec++)
        {
            if (TrapClassDescriptors.Find(ec) is { Condition: { } cond } descriptor)
            {
                checks[ec] = new Check(descriptor.ConditionReportedMask, cond.Lsb);
            }
        }

        return checks;
    }

    /// <summary>One exception class's condition check.</summary>
    /// <param name="Reported">The CV (and CCKNOWNPASS) bits, all 1 when COND is to be checked; 0 for a class with no condition.</param>
    /// <param name="CondShift">COND's lsb (<see cref="ConditionFlags.Holds"/> takes its low four bits).</param>
    private readonly record struct Check(uint Reported, int CondShift);
}
