using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// Recovers the instruction a syndrome reports: the inverse of <see cref="SyndromeBuilder"/>, reading each
/// operand from where its trap class says it lives. An A32 SMC's syndrome does not report its immediate, so it
/// is not recovered. Accepts any value without throwing.
/// </summary>
public static class SyndromeDecoder
{
    /// <summary>
    /// Decodes <paramref name="esr"/>; false when its exception class is none TrapGen understands, or an A32 SMC
    /// (EC 0x13), whose syndrome does not say which SMC. <paramref name="conditionValid"/> is false when an
    /// AArch32 syndrome has CV = 0, in which case the access's condition is reported as always.
    /// </summary>
    public static bool TryDecode(uint esr, out SystemRegisterAccess access, out bool conditionValid)
    {
        conditionValid = true;
        if (TrapClasses.Find(EsrFields.GetEC(esr)) is not { } trapClass || trapClass == TrapClasses.Smc32)
        {
            access = default;
            return false;
        }

        var iss = EsrFields.GetISS(esr);
        conditionValid = trapClass.ConditionValid is null || trapClass.ReportsCondition(iss);
        var condition = conditionValid && trapClass.Condition is { } cond ? Read(cond, iss) : Aarch32Constants.ConditionAlways;
        var memory = trapClass.Memory;
        var key = trapClass.KeyOf(iss);
        access = new SystemRegisterAccess(
            trapClass, trapClass.IsAarch64 ? InstructionSet.A64 : InstructionSet.A32, trapClass.IsRead(iss),
            trapClass.KeyValue(key, "Op0"), Op1(trapClass, key), CRn(trapClass, key), trapClass.KeyValue(key, "CRm"), Op2(trapClass, key),
            Read(trapClass.Rt, iss), Read(trapClass.Rt2, iss), condition,
            Read(memory?.Offset ?? trapClass.Immediate, iss), Read(memory?.BaseRegister, iss), Read(memory?.Mode, iss), memory is null || memory.Add.Extract(iss) != 0);
        return true;
    }

    private static uint Op1(TrapClass trapClass, uint key) => trapClass.IsAarch64 ? trapClass.KeyValue(key, "Op1") : trapClass.KeyValue(key, "Opc1");

    private static uint Op2(TrapClass trapClass, uint key) => trapClass.IsAarch64 ? trapClass.KeyValue(key, "Op2") : trapClass.KeyValue(key, "Opc2");

    /// <summary>CRn, or for LDC/STC, whose ISS names no register, the one coprocessor register Armv8 defines there (c5).</summary>
    private static uint CRn(TrapClass trapClass, uint key) => trapClass.Form == AccessForm.LdcStc ? Aarch32Constants.DebugDataTransferRegister : trapClass.KeyValue(key, "CRn");

    private static uint Read(BitField? field, uint iss) => field is null ? 0 : (uint)field.Extract(iss);
}
