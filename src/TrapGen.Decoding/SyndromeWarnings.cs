using System.Collections.Generic;
using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// What is wrong with a syndrome that still decodes: bits set where no field of its exception class applies
/// (RES0, or UNKNOWN, in the Arm ARM), and values a field's table of values does not name (reserved encodings
/// of DFSC, IFSC, SET, AET, AM, …). Decode prints them as warning lines and lists them in <c>--json</c>.
/// </summary>
public static class SyndromeWarnings
{
    /// <summary>The warnings of a syndrome whose ISS is <paramref name="iss"/> and ISS2 <paramref name="iss2"/>.</summary>
    /// <param name="layout">The exception class's ISS layout, or null when the class is unallocated (no warning then: decode says so).</param>
    /// <param name="iss">ESR_EL2[24:0].</param>
    /// <param name="iss2Layout">The class's ISS2 layout, or null when it defines none.</param>
    /// <param name="iss2">ESR_EL2[55:32].</param>
    /// <returns>One sentence a warning; empty when there is none.</returns>
    public static IReadOnlyList<string> Of(BitLayout? layout, ulong iss, BitLayout? iss2Layout, ulong iss2)
    {
        var warnings = new List<string>();
        if (layout is null)
        {
            return warnings;
        }

        Check(layout, iss, Layouts.Esr.ISS, "ISS", 0, warnings);
        if (iss2Layout is not null)
        {
            Check(iss2Layout, iss2, Layouts.Esr.ISS2, "ISS2", Layouts.Esr.ISS2.Lsb, warnings);
        }
        else if (iss2 != 0)
        {
            warnings.Add("ISS2 [55:32] is " + Hex(iss2) + " but this exception class defines no ISS2: it is RES0");
        }

        return warnings;
    }

    private static void Check(BitLayout layout, ulong word, BitField container, string part, int offset, List<string> warnings)
    {
        var index = LayoutIndex.For(layout);
        var applying = new List<int>(index.Fields.Length);
        var covered = 0UL;
        for (var i = 0; i < index.Fields.Length; i++)
        {
            if (index.Applies(i, word))
            {
                applying.Add(i);
                covered |= index.Fields[i].Mask;
            }
        }

        var stray = word & container.ValueMask & ~covered;
        foreach (var (lsb, width) in Runs(stray))
        {
            var bits = new BitField(part, lsb + offset, width);
            warnings.Add(part + (width == 1 ? " bit [" : " bits [") + bits.BitRange + (width == 1 ? "] is " : "] are ") + Hex((word >> lsb) & BitField.MaskOf(0, width))
                + " where no field of this exception class applies: RES0 (or UNKNOWN) in the Arm ARM");
        }

        foreach (var position in applying)
        {
            var field = index.Fields[position];
            var value = field.Extract(word);
            if (index.HasMeanings(position) && index.MeaningOf(position, value) is null)
            {
                warnings.Add((offset == 0 ? string.Empty : "ISS2.") + field.Name + " = " + Hex(value) + " is a value the Arm ARM reserves (or this table does not name)");
            }
        }
    }

    /// <summary>The runs of set bits of <paramref name="mask"/>, most significant first.</summary>
    private static List<(int Lsb, int Width)> Runs(ulong mask)
    {
        var runs = new List<(int Lsb, int Width)>();
        var bit = 0;
        while (mask >> bit != 0)
        {
            if (((mask >> bit) & 1) == 0)
            {
                bit++;
                continue;
            }

            var start = bit;
            while (((mask >> bit) & 1) == 1)
            {
                bit++;
            }

            runs.Add((start, bit - start));
        }

        runs.Reverse();
        return runs;
    }

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
