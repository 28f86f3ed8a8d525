using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The A64 exception returns as words and as text, both ways: <c>eret</c>, <c>eretaa</c> and <c>eretab</c> (C6.2.157 ERET,
/// C6.2.158 ERETAA, ERETAB; FEAT_PAuth for the last two), which HFGITR_EL2.ERET and HCR_EL2.NV trap from EL1 (EC 0x1A,
/// <see cref="TrapClasses.Eret"/>). Each is one of trapped-instructions.table's rows, found by name; its syndrome's ERET and
/// ERETA bits are the row's key. AArch32's ERET is not modelled: nothing traps it to EL2 from EL1.
/// </summary>
internal static class ExceptionReturnInstructions
{
    /// <summary>A64Eret's Op4 of ERET and of ERETAA and ERETAB.</summary>
    private const uint PlainOp4 = 0b00000, AuthenticatedOp4 = 0b11111;

    /// <summary>Gets ERET, ERETAA or ERETAB, from trapped-instructions.table.</summary>
    public static TrappedInstruction Named(string name) => TrappedInstructions.Named(TrapClasses.Eret, name);

    /// <summary>Gets whether <paramref name="mnemonic"/> (lower case) is eret, eretaa or eretab.</summary>
    public static bool IsMnemonic(string mnemonic) => mnemonic is "eret" or "eretaa" or "eretab";

    /// <summary>Decodes an A64 ERET, ERETAA or ERETAB: any other word of the space (an Op4 that is neither, M 1 without A) is none.</summary>
    public static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (Layouts.A64Eret.Fixed.Extract(word) != Layouts.A64Eret.FixedValue || Layouts.A64Eret.Rn.Extract(word) != Layouts.A64Eret.RnValue)
        {
            return false;
        }

        var authenticated = Layouts.A64Eret.Pac.Extract(word) != 0;
        var keyB = Layouts.A64Eret.M.Extract(word) != 0;
        var op4 = (uint)Layouts.A64Eret.Op4.Extract(word);
        if (authenticated ? op4 != AuthenticatedOp4 : keyB || op4 != PlainOp4)
        {
            return false;
        }

        access = Access(!authenticated ? Eret : keyB ? Eretab : Eretaa);
        return true;
    }

    /// <summary>Encodes an exception return: the inverse of <see cref="TryDecodeA64"/>.</summary>
    public static uint Encode(in SystemRegisterAccess access)
    {
        var authenticated = access.Instruction is { } row && row != Eret;
        var word = Layouts.A64Eret.Fixed.Insert(0, Layouts.A64Eret.FixedValue);
        word = Layouts.A64Eret.Pac.Insert(word, authenticated ? 1UL : 0UL);
        word = Layouts.A64Eret.M.Insert(word, access.Instruction == Eretab ? 1UL : 0UL);
        word = Layouts.A64Eret.Rn.Insert(word, Layouts.A64Eret.RnValue);
        return (uint)Layouts.A64Eret.Op4.Insert(word, authenticated ? AuthenticatedOp4 : PlainOp4);
    }

    /// <summary>Parses <paramref name="mnemonic"/> (eret, eretaa or eretab), which takes no operands.</summary>
    public static bool TryParse(string mnemonic, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        if (operands.Length != 0)
        {
            error = "'" + mnemonic + "' takes no operands: it returns to ELR_EL1";
            return false;
        }

        error = string.Empty;
        access = Access(Named(mnemonic));
        return true;
    }

    /// <summary>Formats an exception return: its row's name in lower case.</summary>
    public static string Format(in SystemRegisterAccess access) => (access.Instruction ?? Eret).Name.ToLowerInvariant();

    /// <summary>The access of <paramref name="instruction"/>: A64, no register moved.</summary>
    public static SystemRegisterAccess Access(TrappedInstruction instruction) =>
        new(TrapClasses.Eret, InstructionSet.A64, IsRead: false, 0, 0, 0, 0, 0, 0, 0, Aarch32Constants.ConditionAlways, Instruction: instruction);

    /// <summary>Gets ERET.</summary>
    public static TrappedInstruction Eret { get; } = Named("ERET");

    /// <summary>Gets ERETAA.</summary>
    public static TrappedInstruction Eretaa { get; } = Named("ERETAA");

    /// <summary>Gets ERETAB.</summary>
    public static TrappedInstruction Eretab { get; } = Named("ERETAB");
}
