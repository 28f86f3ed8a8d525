using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// Recovers the instruction a syndrome reports: the inverse of <see cref="SyndromeBuilder"/>, reading each
/// operand from where its exception class's <see cref="TrapClassDescriptor"/> says it lives. An A32 SMC's
/// syndrome does not report its immediate, so it is not recovered. Accepts any value without throwing.
/// </summary>
public static class SyndromeDecoder
{
    /// <summary>
    /// Decodes <paramref name="esr"/>; false when its exception class is not a system-register, cp14, VMRS
    /// or A64 SMC trap (EC 0x18, 0x03, 0x04, 0x05, 0x0C, 0x08 or 0x17). <paramref name="conditionValid"/> is false when an AArch32 syndrome has
    /// CV = 0, in which case the access's condition is reported as always.
    /// </summary>
    public static bool TryDecode(uint esr, out SystemRegisterAccess access, out bool conditionValid)
    {
        conditionValid = true;
        if (TrappedInstructionClasses.Find(EsrFields.GetEC(esr)) is not { IsRecoverable: true } trapped)
        {
            access = default;
            return false;
        }

        var iss = EsrFields.GetISS(esr);
        var syndrome = trapped.Syndrome;
        conditionValid = syndrome.ConditionValid is null || syndrome.ReportsCondition(iss);
        var condition = conditionValid && syndrome.Condition is { } cond ? Read(cond, iss) : Aarch32Constants.ConditionAlways;
        access = new SystemRegisterAccess(
            trapped.InstructionSet, trapped.TrapClass, syndrome.IsRead(iss), Read(syndrome.Op0, iss), Read(syndrome.Op1, iss), Read(syndrome.CRn, iss),
            Read(syndrome.CRm, iss), Read(syndrome.Op2, iss), Read(syndrome.Rt, iss), Read(syndrome.Rt2, iss), condition, trapped.Kind, Read(syndrome.Immediate, iss));
        return true;
    }

    private static uint Read(BitField? field, uint iss) => field is null ? 0 : (uint)field.Extract(iss);
}
