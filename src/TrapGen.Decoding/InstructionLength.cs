using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// ESR_EL2.IL against the exception class: a class that reports only AArch64 instructions (EC 0x0A, 0x18, 0x09, ...) has
/// IL 1, as every A64 instruction is 32 bits (the Arm ARM's ExceptionSyndrome pseudocode, J1.1: "assert from_32 || il ==
/// '1'"); IL 0 there is a syndrome no CPU reports.
/// </summary>
internal static class InstructionLength
{
    /// <summary>The warning for <paramref name="esr"/>, or null when its IL is one its class may report.</summary>
    public static string? Warning(uint esr) =>
        EsrFields.GetIL(esr) == 0 && TrapClasses.Find(EsrFields.GetEC(esr)) is { IsAarch64: true } trapClass
            ? "IL [25] is 0, but EC " + Hex.Digits(trapClass.ExceptionClass, 2) + " reports only AArch64 instructions, which are 32-bit: IL is 1 (J1.1 ExceptionSyndrome: \"assert from_32 || il == '1'\")"
            : null;
}
