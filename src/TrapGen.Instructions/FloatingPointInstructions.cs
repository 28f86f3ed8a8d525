using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The instructions that use the Advanced SIMD and floating-point registers, as words: CPTR_EL2.TFP traps every one
/// (EC 0x07) after the guest's own CPACR_EL1.FPEN. Recognised by the encoding groups the Arm ARM gives them, not one
/// by one: A64's "Data Processing -- Scalar Floating-Point and Advanced SIMD" (op0 x111) and the loads and stores of
/// SIMD&amp;FP registers (op0 x1x0 with V = 1); A32's and T32's coprocessor instructions of cp10 and cp11 (the VFP data
/// processing, VMOV, VMRS and VMSR, VLDR, VSTR, VLDM, VSTM) and the Advanced SIMD data-processing and element or
/// structure load and store instructions. An unallocated word inside those groups is taken for one too. The
/// instruction itself is the access's <see cref="SystemRegisterAccess.Immediate"/>: its syndrome does not say which.
/// </summary>
internal static class FloatingPointInstructions
{
    /// <summary>The Op value of SVC in the A32 coprocessor space, and of the Advanced SIMD data-processing instructions in T32's.</summary>
    private const uint SupervisorCallOrAdvancedSimd = 0b11;

    /// <summary>Gets the trapped-instructions.table row of every such instruction.</summary>
    public static TrappedInstruction Row { get; } = TrappedInstructions.Named(TrapClasses.FpSimd, "FPSIMD");

    /// <summary>Decodes an A64 SIMD&amp;FP instruction.</summary>
    public static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (Layouts.A64SimdFp.Group.Extract(word) != Layouts.A64SimdFp.GroupValue)
        {
            return false;
        }

        access = Access(word, InstructionSet.A64, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>Decodes an A32 or T32 VFP or Advanced SIMD instruction; a conditional A32 one keeps its condition.</summary>
    public static bool TryDecodeA32(uint word, InstructionSet instructionSet, out SystemRegisterAccess access)
    {
        access = default;
        if (instructionSet == InstructionSet.T32)
        {
            var coprocessor = Layouts.T32SimdFp.Prefix.Extract(word) == Layouts.T32SimdFp.PrefixValue && Layouts.T32SimdFp.Space.Extract(word) == Layouts.T32SimdFp.SpaceValue
                && (Layouts.T32SimdFp.Op.Extract(word) == SupervisorCallOrAdvancedSimd || Layouts.T32SimdFp.Coproc.Extract(word) == Layouts.T32SimdFp.CoprocValue);
            var elements = Layouts.T32SimdLoadStore.Fixed.Extract(word) == Layouts.T32SimdLoadStore.FixedValue && Layouts.T32SimdLoadStore.Zero.Extract(word) == Layouts.T32SimdLoadStore.ZeroValue;
            if (!coprocessor && !elements)
            {
                return false;
            }

            access = Access(word, instructionSet, Aarch32Constants.ConditionAlways);
            return true;
        }

        var cond = (uint)Layouts.A32SimdFp.Cond.Extract(word);
        if (cond != Aarch32Constants.ConditionUnconditionalSpace)
        {
            if (Layouts.A32SimdFp.Space.Extract(word) != Layouts.A32SimdFp.SpaceValue || Layouts.A32SimdFp.Op.Extract(word) == SupervisorCallOrAdvancedSimd
                || Layouts.A32SimdFp.Coproc.Extract(word) != Layouts.A32SimdFp.CoprocValue)
            {
                return false;
            }

            access = Access(word, instructionSet, cond);
            return true;
        }

        if (Layouts.A32AdvancedSimd.Fixed.Extract(word) != Layouts.A32AdvancedSimd.FixedValue
            && (Layouts.A32SimdLoadStore.Fixed.Extract(word) != Layouts.A32SimdLoadStore.FixedValue || Layouts.A32SimdLoadStore.Zero.Extract(word) != Layouts.A32SimdLoadStore.ZeroValue))
        {
            return false;
        }

        access = Access(word, instructionSet, Aarch32Constants.ConditionAlways);
        return true;
    }

    private static SystemRegisterAccess Access(uint word, InstructionSet instructionSet, uint condition) =>
        InstructionGroups.Access(Row, word, instructionSet, condition);
}
