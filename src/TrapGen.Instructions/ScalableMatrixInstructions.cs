using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The SME instructions, as words: A64's SME encodings (op0 0b1xx0000), which CPTR_EL2.TSM and then TFP trap after the
/// guest's own CPACR_EL1.SMEN and FPEN (CheckSMEEnabled), and MSR SVCRSM, SVCRZA and SVCRSMZA (SMSTART, SMSTOP), which
/// TSM traps after SMEN alone (CheckSMEAccess). Every trap is EC 0x1D with SMTC 0b000. An unallocated word inside the
/// group is taken for an SME instruction too. The CPU does not model PSTATE.SM or PSTATE.ZA, so the traps an SME
/// instruction takes to EL1 for the mode it runs in (SMTC 0b010, 0b011) are not modelled.
/// </summary>
internal static class ScalableMatrixInstructions
{
    /// <summary>The CRm[3:1] values of SVCRSM, SVCRZA and SVCRSMZA.</summary>
    private const uint FirstModeField = 0b001, LastModeField = 0b011;

    /// <summary>Gets the trapped-instructions.table row of every instruction of the SME encodings.</summary>
    public static TrappedInstruction Row { get; } = TrappedInstructions.Named(TrapClasses.Sme, "SME");

    /// <summary>Gets the trapped-instructions.table row of MSR SVCRSM, SVCRZA and SVCRSMZA.</summary>
    public static TrappedInstruction ModeRow { get; } = TrappedInstructions.Named(TrapClasses.Sme, "SMSTART");

    /// <summary>Decodes an A64 SME instruction, SMSTART or SMSTOP.</summary>
    public static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (IsModeChange(word))
        {
            access = InstructionGroups.Access(ModeRow, word, InstructionSet.A64, Aarch32Constants.ConditionAlways);
            return true;
        }

        if (Layouts.A64Sme.Op0.Extract(word) != Layouts.A64Sme.Op0Value || Layouts.A64Sme.Group.Extract(word) != Layouts.A64Sme.GroupValue)
        {
            return false;
        }

        access = InstructionGroups.Access(Row, word, InstructionSet.A64, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>Gets whether <paramref name="word"/> is MSR SVCRSM, SVCRZA or SVCRSMZA, #&lt;imm&gt;.</summary>
    public static bool IsModeChange(uint word) =>
        Layouts.A64SmeMode.Fixed.Extract(word) == Layouts.A64SmeMode.FixedValue
        && Layouts.A64SmeMode.Op2.Extract(word) == Layouts.A64SmeMode.Op2Value
        && Layouts.A64SmeMode.Rt.Extract(word) == Layouts.A64SmeMode.RtValue
        && Layouts.A64SmeMode.Field.Extract(word) is >= FirstModeField and <= LastModeField;
}
