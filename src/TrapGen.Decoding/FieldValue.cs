using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Serialization;
using TrapGen.Architecture;
using TrapGen.Instructions;
using TrapGen.Runtime.Cpu;

namespace TrapGen.Decoding;

/// <summary>One field of a decoded syndrome (ISS or ISS2): the layout's field, its value and what the value means.</summary>
/// <param name="Field">The field, as the layout declares it (its lsb within ISS, or within ISS2 for an ISS2 field).</param>
/// <param name="Value">Its value.</param>
/// <param name="Meaning">What the value means, in the Arm ARM's words where it names the value, or null.</param>
public sealed record FieldValue([property: JsonIgnore] BitField Field, uint Value, string? Meaning)
{
    /// <summary>Gets the field's architectural name.</summary>
    [JsonPropertyOrder(-3)]
    public string Name => Field.Name;

    /// <summary>Gets its lowest bit.</summary>
    [JsonPropertyOrder(-2)]
    public int Lsb => Field.Lsb;

    /// <summary>Gets its width in bits.</summary>
    [JsonPropertyOrder(-1)]
    public int Width => Field.Width;

    /// <summary>Gets the value as decode prints it: decimal for small fields, hexadecimal for wide ones (fault status codes, immediates).</summary>
    [JsonIgnore]
    public string ValueText => Width >= 6
        ? "0x" + Value.ToString("x", CultureInfo.InvariantCulture)
        : Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every field of <paramref name="layout"/> that applies to <paramref name="word"/> (its ISS or ISS2), most significant first.</summary>
    public static IReadOnlyList<FieldValue> All(BitLayout layout, ulong word)
    {
        var index = LayoutIndex.For(layout);
        var values = new List<FieldValue>(index.Fields.Length);
        for (var i = 0; i < index.Fields.Length; i++)
        {
            if (index.Applies(i, word))
            {
                var field = index.Fields[i];
                values.Add(new FieldValue(field, (uint)field.Extract(word), MeaningOf(layout, index, i, word)));
            }
        }

        return values;
    }

    private static string? MeaningOf(BitLayout layout, LayoutIndex index, int position, ulong word)
    {
        var field = index.Fields[position];
        var value = field.Extract(word);
        if (index.MeaningOf(position, value) is { } named)
        {
            return named;
        }

        return field.Name switch
        {
            "COND" when layout.FindField("CV") is { } cv && cv.Extract(word) == 0 => "UNKNOWN (CV = 0)",
            "COND" => ConditionCodes.Suffix((uint)value) is { Length: > 0 } suffix ? suffix : value == Aarch32Constants.ConditionAlways ? "al" : "unconditional (0b1111)",
            "Rt" or "Rt2" when layout == Layouts.MsrMrsIss.Layout => X(value),
            "Rt" or "Rt2" or "Rn" => Aarch32RegisterMapping.Name((uint)value) ?? "not an AArch32 register",
            "SRT" => layout.FindField("SF") is { } sf && sf.Extract(word) == 0 ? (value == GeneralPurposeRegisters.ZeroRegister ? "wzr" : "w" + Decimal(value)) : X(value),
            "RN" => X(value),
            "imm16" or "Comment" or "imm8" => "#0x" + value.ToString("x", CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static string X(ulong register) => register == GeneralPurposeRegisters.ZeroRegister ? "xzr" : "x" + Decimal(register);

    private static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
