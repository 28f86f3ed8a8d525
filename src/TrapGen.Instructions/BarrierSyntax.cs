using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// Names the barrier and hint instructions that surround system-register writes in real guest code
/// (ISB, DSB, DMB, NOP), so traces read as the guest's code does. Encodings: Arm ARM C6.2 (A64 DSB,
/// DMB, ISB, NOP) and F5.1 (A32/T32 DSB, DMB, ISB), as GNU objdump prints them.
/// </summary>
public static class BarrierSyntax
{
    /// <summary>A64: the layout of DSB/DMB/ISB.</summary>
    private static readonly BitField A64Fixed = Layouts.A64Barrier.Fixed;
    private static readonly BitField A64Option = Layouts.A64Barrier.CRm;
    private static readonly BitField A64Kind = Layouts.A64Barrier.Op2;
    private static readonly BitField A64Rt = Layouts.A64Barrier.Rt;
    private const uint A64BarrierPattern = Layouts.A64Barrier.FixedValue;
    private const uint A64Nop = 0xD503201F;
    private const uint A64ZeroRegister = Layouts.A64Barrier.RtValue;

    /// <summary>A32 and T32: everything but bits [7:0] is fixed; [7:4] is the kind, [3:0] the option.</summary>
    private static readonly BitField A32Fixed = Layouts.A32Barrier.Fixed;
    private static readonly BitField A32Kind = Layouts.A32Barrier.Opc;
    private static readonly BitField A32Option = Layouts.A32Barrier.Option;
    private const uint A32BarrierPattern = 0xF57FF0;
    private const uint T32BarrierPattern = 0xF3BF8F;
    private const uint A32Nop = 0xE320F000;

    private static readonly string?[] Options = [null, "oshld", "oshst", "osh", null, "nshld", "nshst", "nsh", null, "ishld", "ishst", "ish", null, "ld", "st", "sy"];

    /// <summary>Formats <paramref name="word"/> when it is a barrier or NOP of <paramref name="instructionSet"/>.</summary>
    public static bool TryFormat(uint word, InstructionSet instructionSet, out string text)
    {
        text = string.Empty;
        if (instructionSet == InstructionSet.A64)
        {
            if (word == A64Nop)
            {
                text = "nop";
                return true;
            }

            if (A64Fixed.Extract(word) != A64BarrierPattern || A64Rt.Extract(word) != A64ZeroRegister)
            {
                return false;
            }

            var option = (int)A64Option.Extract(word);
            return A64Kind.Extract(word) switch
            {
                0b100 => Named("dsb", option, out text),
                0b101 => Named("dmb", option, out text),
                0b110 when option == 15 => Is("isb", out text),
                _ => false,
            };
        }

        if (instructionSet == InstructionSet.A32 && word == A32Nop)
        {
            text = "nop";
            return true;
        }

        var pattern = instructionSet == InstructionSet.A32 ? A32BarrierPattern : T32BarrierPattern;
        if (A32Fixed.Extract(word) != pattern)
        {
            return false;
        }

        var a32Option = (int)A32Option.Extract(word);
        return A32Kind.Extract(word) switch
        {
            0b0100 => Named("dsb", a32Option, out text),
            0b0101 => Named("dmb", a32Option, out text),
            0b0110 => Named("isb", a32Option, out text),
            _ => false,
        };
    }

    private static bool Named(string mnemonic, int option, out string text)
    {
        text = Options[option] is { } name ? mnemonic + " " + name : string.Empty;
        return text.Length > 0;
    }

    private static bool Is(string mnemonic, out string text)
    {
        text = mnemonic;
        return true;
    }
}
