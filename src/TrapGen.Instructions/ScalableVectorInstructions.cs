using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The SVE instructions, as words: A64's SVE encodings (op0 0b0010), every one of which CPTR_EL2.TZ traps (EC 0x19), and
/// then TFP (EC 0x07), after the guest's own CPACR_EL1.ZEN and FPEN (the Arm ARM's CheckOriginalSVEEnabled). An
/// unallocated word inside the group is taken for one too; the syndrome does not say which instruction trapped.
/// </summary>
internal static class ScalableVectorInstructions
{
    /// <summary>Gets the trapped-instructions.table row of every SVE instruction.</summary>
    public static TrappedInstruction Row { get; } = TrappedInstructions.Named(TrapClasses.Sve, "SVE");

    /// <summary>Decodes an A64 SVE instruction.</summary>
    public static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (Layouts.A64Sve.Op0.Extract(word) != Layouts.A64Sve.Op0Value)
        {
            return false;
        }

        access = InstructionGroups.Access(Row, word, InstructionSet.A64, Aarch32Constants.ConditionAlways);
        return true;
    }
}
