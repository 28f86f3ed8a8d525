using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// Builds the ESR_EL2 / HSR value the hardware reports when an instruction traps to EL2, placing each operand
/// where its trap class says it lives (cp14 moves in the layouts of the cp15 moves of the same form, which the
/// architecture gives them; VMRS with the values the Arm ARM fixes for it; LDC/STC with its addressing).
/// </summary>
public static class SyndromeBuilder
{
    /// <summary>The IL value of a 32-bit instruction; every instruction the classes report is one.</summary>
    public const uint Instruction32 = 1;

    /// <summary>
    /// Builds the syndrome of <paramref name="access"/>. AArch32 traps report CV = 1 with the instruction's
    /// condition (0b1110 for T32, whose condition comes from the IT block); a WFI or WFE from AArch64 reports CV = 1
    /// and COND = 0b1110 as well, as the Arm ARM says. A trapped A32 SMC has passed its
    /// condition check (the CPU checks it first, as QEMU does), so it reports CCKNOWNPASS 0 and CV and COND
    /// RES0: its ISS is 0.
    /// </summary>
    public static uint Build(in SystemRegisterAccess access)
    {
        var trapClass = access.Class;
        ulong iss = 0;
        if (trapClass.Form is not null)
        {
            iss = access.Key;
            // MRRS and MSRR report the pair's first register, which is even, halved.
            iss = Write(trapClass.Rt, iss, trapClass.TransfersRegisterPair ? access.Rt / 2 : access.Rt);
            iss = Write(trapClass.Rt2, iss, access.Rt2);
            iss = Write(trapClass.Direction, iss, trapClass.DirectionOf(access.IsRead));
        }
        else if (access.Instruction is { } instruction)
        {
            // An instruction that accesses no register: its key (WFIT: TI 0b10, RV 1), and the registers it names (GCSSTR's Xt
            // and the base of its address).
            iss = instruction.Key;
            iss = instruction.TakesRegister ? Write(trapClass.Rt, iss, access.Rt) : iss;
            iss = instruction.TakesAddress ? Write(trapClass.Rn, iss, access.Rn) : iss;
        }

        if (trapClass.Memory is { } memory)
        {
            iss = Write(memory.BaseRegister, iss, access.Rn);
            iss = Write(memory.Offset, iss, access.Immediate);
            iss = Write(memory.Add, iss, access.AddOffset ? 1u : 0u);
            iss = Write(memory.Mode, iss, access.AddressingMode);
        }

        iss = Write(trapClass.Immediate, iss, access.Immediate);
        if (trapClass.ConditionKnownPass is null && trapClass.ConditionValid is { } cv)
        {
            iss = Write(trapClass.Condition, cv.Insert(iss, 1), access.Condition);
        }

        for (var i = 0; i < trapClass.FixedFields.Count; i++)
        {
            iss = trapClass.FixedFields[i].Field.Insert(iss, trapClass.FixedFields[i].Value);
        }

        return EsrFields.WithEC(EsrFields.WithIL(EsrFields.WithISS(0, (uint)iss), Instruction32), trapClass.ExceptionClass);
    }

    private static ulong Write(BitField? field, ulong iss, uint value) => field is null ? iss : field.Insert(iss, value);
}
