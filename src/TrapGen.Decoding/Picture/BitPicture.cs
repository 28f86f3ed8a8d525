using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// Lays a decoded syndrome over ESR_EL2's 64 bits, most significant first, leaving no gap: RES0 [63:56], the
/// ISS2 fields (or ISS2 whole), EC, IL, the ISS fields that apply, and unclaimed runs of bits between them.
/// </summary>
public static class BitPicture
{
    /// <summary>The spans of <paramref name="syndrome"/>, from bit 63 down to bit 0.</summary>
    /// <param name="syndrome">A decoded syndrome.</param>
    /// <param name="value">The ESR value it was decoded from.</param>
    /// <returns>Spans that cover every bit once.</returns>
    public static IReadOnlyList<BitSpan> Of(SyndromeDescription syndrome, ulong value)
    {
        System.ArgumentNullException.ThrowIfNull(syndrome);
        var iss2 = Layouts.Esr.ISS2;
        var spans = new List<BitSpan> { Unclaimed("RES0", 63, iss2.Msb + 1, value, "esr") };
        var iss2Fields = syndrome.Iss2Fields.Select(f => Field("ISS2." + f.Name, f, iss2.Lsb, "iss2")).ToList();
        spans.AddRange(iss2Fields.Count > 0
            ? Fill(iss2Fields, iss2.Msb, iss2.Lsb, value)
            : [new BitSpan("ISS2", iss2.Msb, iss2.Lsb, Hex(iss2.Extract(value)), Layouts.Iss2Of((int)Layouts.Esr.Layout.Field("EC").Extract(value)) is null ? "no ISS2 layout for this exception class" : null, "iss2")]);
        var ec = Layouts.Esr.Layout.Field("EC");
        var il = Layouts.Esr.Layout.Field("IL");
        spans.Add(new BitSpan("EC", ec.Msb, ec.Lsb, syndrome.Ec, syndrome.EcName, "esr"));
        spans.Add(new BitSpan("IL", il.Msb, il.Lsb, syndrome.Il.ToString(CultureInfo.InvariantCulture), EsrWords.InstructionLength(syndrome.Il), "esr"));
        var issMsb = il.Lsb - 1;
        spans.AddRange(syndrome.Layout is null
            ? [new BitSpan("ISS", issMsb, 0, syndrome.Iss, EsrWords.NoLayout, "iss")]
            : Fill([.. syndrome.Fields.Select(f => Field(f.Name, f, 0, "iss"))], issMsb, 0, value));
        return spans;
    }

    private static BitSpan Field(string name, FieldValue field, int offset, string part) =>
        new(name, field.Lsb + field.Width - 1 + offset, field.Lsb + offset, field.ValueText, field.Meaning, part);

    /// <summary>The fields between <paramref name="msb"/> and <paramref name="lsb"/>, most significant first, with the gaps as unclaimed spans.</summary>
    private static IEnumerable<BitSpan> Fill(IReadOnlyList<BitSpan> fields, int msb, int lsb, ulong value)
    {
        var next = msb;
        foreach (var field in fields.OrderByDescending(f => f.Msb))
        {
            if (field.Msb > next)
            {
                continue; // overlapping alternatives: the first one wins
            }

            if (field.Msb < next)
            {
                yield return Unclaimed("-", next, field.Msb + 1, value, "none");
            }

            yield return field;
            next = field.Lsb - 1;
        }

        if (next >= lsb)
        {
            yield return Unclaimed("-", next, lsb, value, "none");
        }
    }

    private static BitSpan Unclaimed(string name, int msb, int lsb, ulong value, string part) =>
        new(name, msb, lsb, Hex(BitField.MaskOf(0, msb - lsb + 1) & (value >> lsb)), name == "RES0" ? "RES0" : "no field of this syndrome", part);

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
