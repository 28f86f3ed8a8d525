using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    /// <summary>The 64-bit general-purpose registers by number: x0 to x30, and xzr for 31.</summary>
    private static readonly string[] X = Names("x", "xzr");

    /// <summary>The 32-bit general-purpose registers by number: w0 to w30, and wzr for 31.</summary>
    private static readonly string[] W = Names("w", "wzr");

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
    public static IReadOnlyList<FieldValue> All(BitLayout layout, ulong word) => All(LayoutIndex.For(layout), word);

    /// <summary>Every field of <paramref name="index"/>'s layout that applies to <paramref name="word"/>, most significant first.</summary>
    internal static IReadOnlyList<FieldValue> All(LayoutIndex index, ulong word)
    {
        var layout = index.Layout;
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

    /// <summary>What the value of the field at <paramref name="position"/> of <paramref name="layout"/> means in <paramref name="word"/>, or null.</summary>
    internal static string? MeaningOf(BitLayout layout, LayoutIndex index, int position, ulong word)
    {
        var field = index.Fields[position];
        var value = field.Extract(word);
        if (index.MeaningOf(position, value) is { } named)
        {
            return named;
        }

        return field.Name switch
        {
            "COND" when index.Position("CV") is var cv and >= 0 && index.Fields[cv].Extract(word) == 0 => "UNKNOWN (CV = 0)",
            "COND" => ConditionCodes.Suffix((uint)value) is { Length: > 0 } suffix ? suffix : value == Aarch32Constants.ConditionAlways ? "al" : "unconditional (0b1111)",
            "Rt" or "Rt2" when layout == Layouts.MsrMrsIss.Layout => Register(X, value),
            "Rt" when layout == Layouts.Sys128Iss.Layout => Register(X, 2 * value) + " and " + Register(X, (2 * value) + 1),
            "Rt" or "Rt2" or "Rn" => Aarch32RegisterMapping.Name((uint)value) ?? "not an AArch32 register",
            "SRT" => index.Position("SF") is var sf and >= 0 && index.Fields[sf].Extract(word) == 0 ? Register(W, value) : Register(X, value),
            "RN" => Register(X, value),
            "imm16" or "Comment" or "imm8" => "#0x" + value.ToString("x", CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>Register <paramref name="number"/> of <paramref name="names"/>; a number past them (no 5-bit field has one) as a number.</summary>
    private static string Register(string[] names, ulong number) => number < (ulong)names.Length ? names[number] : names[0][0] + number.ToString(CultureInfo.InvariantCulture);

    private static string[] Names(string prefix, string zero) =>
        [.. Enumerable.Range(0, 32).Select(n => n == GeneralPurposeRegisters.ZeroRegister ? zero : prefix + n.ToString(CultureInfo.InvariantCulture))];
}
