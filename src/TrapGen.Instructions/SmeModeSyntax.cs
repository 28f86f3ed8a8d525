using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The assembler syntax of MSR SVCRSM, SVCRZA and SVCRSMZA, #&lt;imm&gt; as GNU as writes them: <c>smstart</c> and
/// <c>smstop</c> (both PSTATE.SM and PSTATE.ZA), <c>smstart sm</c>, <c>smstop za</c>, ... (A64 only, FEAT_SME).
/// </summary>
internal static class SmeModeSyntax
{
    /// <summary>CRm[3:1] of SVCRSM, SVCRZA and SVCRSMZA.</summary>
    private const uint StreamingMode = 0b001, ZaStorage = 0b010, Both = 0b011;

    /// <summary>Gets whether <paramref name="mnemonic"/> (lower case) is one of the syntax's.</summary>
    public static bool IsMnemonic(string mnemonic) => mnemonic is "smstart" or "smstop";

    /// <summary>Parses <paramref name="mnemonic"/> (smstart or smstop) with its optional operand, sm or za.</summary>
    public static bool TryParse(string mnemonic, string[] operands, out SystemRegisterAccess access, out string error)
    {
        access = default;
        uint? field = operands.Length switch
        {
            0 => Both,
            1 => operands[0].ToLowerInvariant() switch { "sm" => StreamingMode, "za" => ZaStorage, _ => null },
            _ => null,
        };
        if (field is not { } mode)
        {
            error = "expected '" + mnemonic + "', '" + mnemonic + " sm' or '" + mnemonic + " za'";
            return false;
        }

        var word = Layouts.A64SmeMode.Fixed.Insert(0, Layouts.A64SmeMode.FixedValue);
        word = Layouts.A64SmeMode.Field.Insert(word, mode);
        word = Layouts.A64SmeMode.Imm.Insert(word, mnemonic == "smstart" ? 1UL : 0UL);
        word = Layouts.A64SmeMode.Op2.Insert(word, Layouts.A64SmeMode.Op2Value);
        word = Layouts.A64SmeMode.Rt.Insert(word, Layouts.A64SmeMode.RtValue);
        access = InstructionGroups.Access(ScalableMatrixInstructions.ModeRow, (uint)word, InstructionSet.A64, Aarch32Constants.ConditionAlways);
        error = string.Empty;
        return true;
    }

    /// <summary>Formats SMSTART or SMSTOP from the access's word.</summary>
    public static string Format(in SystemRegisterAccess access)
    {
        var word = access.Immediate;
        var name = Layouts.A64SmeMode.Imm.Extract(word) != 0 ? "smstart" : "smstop";
        return Layouts.A64SmeMode.Field.Extract(word) switch
        {
            StreamingMode => name + " sm",
            ZaStorage => name + " za",
            _ => name,
        };
    }
}
