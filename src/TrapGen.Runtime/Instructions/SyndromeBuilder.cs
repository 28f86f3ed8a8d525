using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// Builds the ESR_EL2 / HSR value the hardware reports when an instruction traps to EL2, placing each operand
/// where its exception class's <see cref="TrapClassDescriptor"/> says it lives (cp14 moves in the cp15 layouts
/// of the same form, which the architecture gives them; VMRS with the values the Arm ARM fixes for it).
/// </summary>
public static class SyndromeBuilder
{
    /// <summary>The IL value of a 32-bit instruction; every system-register move is one.</summary>
    public const uint Instruction32 = 1;

    /// <summary>
    /// Builds the syndrome of <paramref name="access"/>. AArch32 traps report CV = 1 with the
    /// instruction's condition (0b1110 for T32, whose condition comes from the IT block). A trapped A32 SMC has
    /// passed its condition check (the CPU checks it first, as QEMU does), so it reports CCKNOWNPASS 0 and CV
    /// and COND RES0: its ISS is 0.
    /// </summary>
    public static uint Build(in SystemRegisterAccess access)
    {
        var syndrome = TrappedInstructionClasses.Of(access).Syndrome;
        ulong iss = 0;
        iss = Write(syndrome.Op0, iss, access.Op0);
        iss = Write(syndrome.Op1, iss, access.Op1);
        iss = Write(syndrome.CRn, iss, access.CRn);
        iss = Write(syndrome.CRm, iss, access.CRm);
        iss = Write(syndrome.Op2, iss, access.Op2);
        iss = Write(syndrome.Rt, iss, access.Rt);
        iss = Write(syndrome.Rt2, iss, access.Rt2);
        iss = Write(syndrome.Direction, iss, access.IsRead ? 1u : 0u);
        iss = Write(syndrome.Immediate, iss, access.Immediate);
        if (syndrome.ConditionKnownPass is null && syndrome.ConditionValid is { } cv)
        {
            iss = Write(syndrome.Condition, cv.Insert(iss, 1), access.Condition);
        }

        for (var i = 0; i < syndrome.FixedFields.Count; i++)
        {
            iss = syndrome.FixedFields[i].Field.Insert(iss, syndrome.FixedFields[i].Value);
        }

        return EsrFields.WithEC(EsrFields.WithIL(EsrFields.WithISS(0, (uint)iss), Instruction32), syndrome.ExceptionClass);
    }

    private static ulong Write(BitField? field, ulong iss, uint value) => field is null ? iss : field.Insert(iss, value);
}
