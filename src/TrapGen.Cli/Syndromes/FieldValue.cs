using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Runtime.Cpu;
using TrapGen.Runtime.Instructions;

namespace TrapGen.Cli.Syndromes;

/// <summary>One ISS field of a decoded syndrome.</summary>
/// <param name="Name">The field's architectural name.</param>
/// <param name="Lsb">Its lowest bit.</param>
/// <param name="Width">Its width in bits.</param>
/// <param name="Value">Its value.</param>
/// <param name="Meaning">What the value means (read, write, a condition), or null.</param>
internal sealed record FieldValue(string Name, int Lsb, int Width, uint Value, string? Meaning)
{
    public static IReadOnlyList<FieldValue> All(TrapClassKind kind, uint iss)
    {
        var fields = TrapClasses.Iss(kind).Fields;
        var conditionValid = kind == TrapClassKind.Aarch64 || TrapClasses.Iss(kind).Field(TrapClasses.CV).Extract(iss) != 0;
        return
        [
            .. fields.Select(field =>
            {
                var value = (uint)field.Extract(iss);
                return new FieldValue(field.Name, field.Lsb, field.Width, value, MeaningOf(kind, field.Name, value, conditionValid));
            }),
        ];
    }

    private static string? MeaningOf(TrapClassKind kind, string field, uint value, bool conditionValid) => field switch
    {
        TrapClasses.Direction => value != 0 ? "read" : "write",
        TrapClasses.CV => value != 0 ? "COND is valid" : "COND is not valid",
        TrapClasses.Cond when !conditionValid => "UNKNOWN (CV = 0)",
        TrapClasses.Cond => ConditionCodes.Suffix(value) is { Length: > 0 } suffix ? suffix : value == Aarch32Constants.ConditionAlways ? "al" : "unconditional (0b1111)",
        TrapClasses.Rt or TrapClasses.Rt2 when kind == TrapClassKind.Aarch64 => value == GeneralPurposeRegisters.ZeroRegister ? "xzr" : "x" + value.ToString(CultureInfo.InvariantCulture),
        TrapClasses.Rt or TrapClasses.Rt2 => Aarch32RegisterMapping.Name(value) ?? "not an AArch32 register",
        _ => null,
    };
}
