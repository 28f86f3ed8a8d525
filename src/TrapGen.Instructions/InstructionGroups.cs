using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The trap classes whose instructions TrapGen recognises by the encoding group the Arm ARM gives them, not one by one:
/// the SIMD and floating-point instructions (<see cref="TrapClasses.FpSimd"/>, EC 0x07), SVE's (<see cref="TrapClasses.Sve"/>,
/// EC 0x19), SME's (<see cref="TrapClasses.Sme"/>, EC 0x1D), the pointer authentication instructions
/// (<see cref="TrapClasses.Pac"/>, EC 0x09, by the key each uses), and the single-copy atomic 64-byte loads and stores
/// and PSB CSYNC and TSB CSYNC (<see cref="TrapClasses.Other"/>, EC 0x0A). An instruction of one moves no register the syndrome
/// names and is its word: the access keeps it as its <see cref="SystemRegisterAccess.Immediate"/>, and it is written
/// <c>.inst 0x&lt;word&gt;</c> (<see cref="InstructionWordSyntax"/>), but for SMSTART and SMSTOP, the 64-byte loads and
/// stores (<c>ld64b x0, [x1]</c>) and the synchronization hints (<c>psb csync</c>), which have a syntax.
/// </summary>
public static class InstructionGroups
{
    /// <summary>Gets whether <paramref name="trapClass"/> reports an encoding group rather than an instruction its syndrome identifies.</summary>
    public static bool Contains(TrapClass trapClass) =>
        trapClass == TrapClasses.FpSimd || trapClass == TrapClasses.Sve || trapClass == TrapClasses.Sme || trapClass == TrapClasses.Pac
        || trapClass == TrapClasses.Other;

    /// <summary>Decodes an A64 instruction of any group: SIMD and floating point, SVE, SME, SMSTART and SMSTOP, pointer authentication, a 64-byte load or store, or PSB CSYNC or TSB CSYNC.</summary>
    internal static bool TryDecodeA64(uint word, out SystemRegisterAccess access) =>
        FloatingPointInstructions.TryDecodeA64(word, out access)
        || ScalableVectorInstructions.TryDecodeA64(word, out access)
        || ScalableMatrixInstructions.TryDecodeA64(word, out access)
        || PointerAuthenticationInstructions.TryDecodeA64(word, out access)
        || SingleCopyAtomic64Instructions.TryDecodeA64(word, out access)
        || SynchronizationHints.TryDecodeA64(word, out access);

    /// <summary>The access of <paramref name="word"/>, an instruction of <paramref name="row"/>: nothing moved, the word kept to be encoded back.</summary>
    internal static SystemRegisterAccess Access(TrappedInstruction row, uint word, InstructionSet instructionSet, uint condition) =>
        new(row.Class, instructionSet, IsRead: false, 0, 0, 0, 0, 0, 0, 0, condition, Immediate: word, Instruction: row);
}
