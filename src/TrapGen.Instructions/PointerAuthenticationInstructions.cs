using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// The pointer authentication instructions, as words (FEAT_PAuth): HCR_EL2.API traps each (EC 0x09) whose key the guest's
/// SCTLR_EL1 enables. Recognised by their encodings in the Arm ARM's A64 index, each by the key it uses, which picks its
/// trapped-instructions.table row: PACIA, AUTIA, their Z forms, BRAA, BRAAZ, BLRAA, BLRAAZ and RETAA the APIA key
/// (row PACIA), their B forms the APIB key (PACIB), PACDA, AUTDA, their Z forms and LDRAA the APDA key (PACDA), their B
/// forms and LDRAB the APDB key (PACDB), PACGA the APGA key (PACGA), and the HINT-space forms (PACIA1716, PACIASP, PACIAZ,
/// AUTIA1716, AUTIASP, AUTIAZ and their B forms), which a CPU without FEAT_PAuth runs as NOPs, the APIA and APIB keys
/// (rows PACIASP, PACIBSP). XPACI, XPACD and XPACLRI use no key and never trap. The FEAT_PAuth_LR forms (PACIASPPC,
/// RETAASPPC, ...) are not modelled. The syndrome does not say which instruction trapped. ERETAA and ERETAB, in the
/// branch space too, are <see cref="ExceptionReturnInstructions"/>' (EC 0x1A first, then API's trap).
/// </summary>
internal static class PointerAuthenticationInstructions
{
    /// <summary>The register number that the Z forms and RET fix (XZR's).</summary>
    private const uint Zero = 0b11111;

    /// <summary>The last Opcode of A64PacData with a key (0b001111 AUTDZB): 0b01000x are XPACI and XPACD.</summary>
    private const uint LastKeyedOpcode = 0b001111;

    /// <summary>A64PacData's Opcode bit that makes a Z form (the modifier is zero, Rn 0b11111).</summary>
    private const uint ZeroModifierForm = 0b001000;

    /// <summary>A64PacData's Opcode bits that give the key: 0 IA, 1 IB, 2 DA, 3 DB.</summary>
    private const uint KeyBits = 0b11;

    /// <summary>The index in <see cref="ByKey"/> of the APDA key, LDRAA's (LDRAB's, APDB, is next).</summary>
    private const uint DataKeyA = 2;

    /// <summary>A64PacHint's CRm of the 1716 forms (even Op2 only) and of the Z and SP forms (every Op2).</summary>
    private const uint Hint1716 = 0b0001, HintZeroOrStack = 0b0011;

    /// <summary>A64PacBranch's Opc of BR, BLR and RET (ERET's, 0b100, is ExceptionReturnInstructions').</summary>
    private const uint Branch = 0b000, BranchWithLink = 0b001, Return = 0b010;

    private static readonly TrappedInstruction[] ByKey =
    [
        TrappedInstructions.Named(TrapClasses.Pac, "PACIA"),
        TrappedInstructions.Named(TrapClasses.Pac, "PACIB"),
        TrappedInstructions.Named(TrapClasses.Pac, "PACDA"),
        TrappedInstructions.Named(TrapClasses.Pac, "PACDB"),
    ];

    private static readonly TrappedInstruction Generic = TrappedInstructions.Named(TrapClasses.Pac, "PACGA");

    private static readonly TrappedInstruction[] HintByKey =
    [
        TrappedInstructions.Named(TrapClasses.Pac, "PACIASP"),
        TrappedInstructions.Named(TrapClasses.Pac, "PACIBSP"),
    ];

    /// <summary>Decodes an A64 pointer authentication instruction that uses a key.</summary>
    public static bool TryDecodeA64(uint word, out SystemRegisterAccess access)
    {
        access = default;
        if (RowOf(word) is not { } row)
        {
            return false;
        }

        access = InstructionGroups.Access(row, word, InstructionSet.A64, Aarch32Constants.ConditionAlways);
        return true;
    }

    /// <summary>The row of the key <paramref name="word"/> uses, or null when it is no keyed pointer authentication instruction.</summary>
    private static TrappedInstruction? RowOf(uint word)
    {
        if (Layouts.A64PacData.Fixed.Extract(word) == Layouts.A64PacData.FixedValue)
        {
            var opcode = (uint)Layouts.A64PacData.Opcode.Extract(word);
            var zeroForm = (opcode & ZeroModifierForm) != 0;
            return opcode <= LastKeyedOpcode && (!zeroForm || Layouts.A64PacData.Rn.Extract(word) == Zero) ? ByKey[opcode & KeyBits] : null;
        }

        if (Layouts.A64Pacga.Fixed.Extract(word) == Layouts.A64Pacga.FixedValue && Layouts.A64Pacga.Opcode.Extract(word) == Layouts.A64Pacga.OpcodeValue)
        {
            return Generic;
        }

        if (Layouts.A64PacHint.Fixed.Extract(word) == Layouts.A64PacHint.FixedValue && Layouts.A64PacHint.Rt.Extract(word) == Layouts.A64PacHint.RtValue)
        {
            var crm = (uint)Layouts.A64PacHint.CRm.Extract(word);
            var op2 = (uint)Layouts.A64PacHint.Op2.Extract(word);
            return crm == HintZeroOrStack || (crm == Hint1716 && (op2 & 1) == 0) ? HintByKey[(op2 >> 1) & 1] : null;
        }

        if (Layouts.A64PacBranch.Fixed.Extract(word) == Layouts.A64PacBranch.FixedValue
            && Layouts.A64PacBranch.Op2.Extract(word) == Layouts.A64PacBranch.Op2Value
            && Layouts.A64PacBranch.Op3.Extract(word) == Layouts.A64PacBranch.Op3Value)
        {
            var withModifier = Layouts.A64PacBranch.Z.Extract(word) != 0;
            var opc = (uint)Layouts.A64PacBranch.Opc.Extract(word);
            var rn = Layouts.A64PacBranch.Rn.Extract(word);
            var rm = Layouts.A64PacBranch.Rm.Extract(word);
            var valid = opc is Branch or BranchWithLink ? withModifier || rm == Zero
                : opc is Return && !withModifier && rn == Zero && rm == Zero;
            return valid ? ByKey[Layouts.A64PacBranch.M.Extract(word)] : null;
        }

        return Layouts.A64PacLoad.Fixed.Extract(word) == Layouts.A64PacLoad.FixedValue
            && Layouts.A64PacLoad.One.Extract(word) == Layouts.A64PacLoad.OneValue
            && Layouts.A64PacLoad.Fixed2.Extract(word) == Layouts.A64PacLoad.Fixed2Value
            ? ByKey[DataKeyA + Layouts.A64PacLoad.M.Extract(word)]
            : null;
    }
}
