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
    /// Decodes <paramref name="esr"/>; false when its exception class is none TrapGen understands, an A32 SMC
    /// (EC 0x13), whose syndrome does not say which SMC, a group's instruction (EC 0x07, 0x09, 0x0A, 0x19, 0x1D), a WF* syndrome whose TI and RV no instruction reports,
    /// or one whose key two instructions share (EC 0x2D's ExType 0b0010: GCSSTR or GCSSTTR) or none has (its data checks and EXLOCK exceptions).
    /// <paramref name="conditionValid"/> is false when an AArch32 syndrome has CV = 0, in which case the access's
    /// condition is reported as always. A class that reports either Execution state (WFI) is decoded as A64 unless
    /// its condition is not always: the syndrome does not say which state trapped, so a caller that knows sets it.
    /// </summary>
    public static bool TryDecode(uint esr, out SystemRegisterAccess access, out bool conditionValid)
    {
        conditionValid = true;
        if (TrapClasses.Find(EsrFields.GetEC(esr)) is not { } trapClass || !Recovers(trapClass))
        {
            access = default;
            return false;
        }

        var iss = EsrFields.GetISS(esr);
        conditionValid = trapClass.ConditionValid is null || trapClass.ReportsCondition(iss);
        var condition = conditionValid && trapClass.Condition is { } cond ? Read(cond, iss) : Aarch32Constants.ConditionAlways;
        var memory = trapClass.Memory;
        var key = trapClass.KeyOf(iss);
        TrappedInstruction? instruction = null;
        // A key two rows share (GCSSTR's and GCSSTTR's ExType 0b0010) does not say which instruction trapped.
        if (!trapClass.IsDispatchable && trapClass.KeyFields.Count > 0 && (!TrappedInstructions.TryFind(trapClass, key, out instruction) || TrappedInstructions.IsShared(instruction)))
        {
            access = default;
            return false;
        }

        var state = trapClass.State switch
        {
            TrapClassState.Aarch64 => InstructionSet.A64,
            TrapClassState.Aarch32 => InstructionSet.A32,
            _ => instruction is { TakesRegister: true } || (conditionValid && condition == Aarch32Constants.ConditionAlways) ? InstructionSet.A64 : InstructionSet.A32,
        };
        var rt = instruction is { TakesRegister: false } ? 0 : Read(trapClass.Rt, iss);
        // MRRS and MSRR report the pair's first register halved: X[2 * Rt] and X[2 * Rt + 1].
        var pair = trapClass.TransfersRegisterPair;
        access = new SystemRegisterAccess(
            trapClass, state, trapClass.IsRead(iss),
            trapClass.KeyValue(key, "Op0"), Op1(trapClass, key), CRn(trapClass, key), trapClass.KeyValue(key, "CRm"), Op2(trapClass, key),
            pair ? rt * 2 : rt, pair ? (rt * 2) + 1 : Read(trapClass.Rt2, iss), condition,
            Read(memory?.Offset ?? trapClass.Immediate, iss), Read(memory?.BaseRegister ?? (instruction is { TakesAddress: true } ? trapClass.Rn : null), iss), Read(memory?.Mode, iss), memory is null || memory.Add.Extract(iss) != 0, instruction);
        return true;
    }

    /// <summary>
    /// Gets whether a syndrome of <paramref name="trapClass"/> says which instruction trapped: a register access's
    /// does, and an instruction's when the class has key fields (WFI's TI; but for a key two rows share, GCSSTR's and GCSSTTR's
    /// ExType, which <see cref="TryDecode"/> refuses) or reports an immediate (A64 SMC's); an A32
    /// SMC's does not, nor does a group's (<see cref="InstructionGroups"/>), whose word it does not hold: EC 0x0A's ISS says
    /// LD64B or ST64B, not which, nor their registers.
    /// </summary>
    public static bool Recovers(TrapClass trapClass) =>
        (trapClass ?? throw new System.ArgumentNullException(nameof(trapClass))).IsDispatchable
        || (!InstructionGroups.Contains(trapClass) && (trapClass.KeyFields.Count > 0 || trapClass.Immediate is not null));

    private static uint Op1(TrapClass trapClass, uint key) => trapClass.IsAarch64 ? trapClass.KeyValue(key, "Op1") : trapClass.KeyValue(key, "Opc1");

    private static uint Op2(TrapClass trapClass, uint key) => trapClass.IsAarch64 ? trapClass.KeyValue(key, "Op2") : trapClass.KeyValue(key, "Opc2");

    /// <summary>CRn, or for LDC/STC, whose ISS names no register, the one coprocessor register Armv8 defines there (c5).</summary>
    private static uint CRn(TrapClass trapClass, uint key) => trapClass.Form == AccessForm.LdcStc ? Aarch32Constants.DebugDataTransferRegister : trapClass.KeyValue(key, "CRn");

    private static uint Read(BitField? field, uint iss) => field is null ? 0 : (uint)field.Extract(iss);
}
