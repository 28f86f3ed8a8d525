using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// What is wrong with a syndrome that still decodes: bits set where no field of its exception class applies
/// (RES0, or UNKNOWN, in the Arm ARM), and values a field's table of values does not name (reserved encodings
/// of DFSC, IFSC, SET, AET, AM, …). Decode prints them as warning lines and lists them in <c>--json</c>.
/// </summary>
public static class SyndromeWarnings
{
    /// <summary>No warning, shared by every syndrome that has none.</summary>
    private static readonly string[] None = [];

    /// <summary>The warnings of a syndrome whose ISS is <paramref name="iss"/> and ISS2 <paramref name="iss2"/>.</summary>
    /// <param name="layout">The exception class's ISS layout, or null when the class is unallocated (no warning then: decode says so).</param>
    /// <param name="iss">ESR_EL2[24:0].</param>
    /// <param name="iss2Layout">The class's ISS2 layout, or null when it defines none.</param>
    /// <param name="iss2">ESR_EL2[55:32].</param>
    /// <returns>One sentence a warning; empty when there is none.</returns>
    public static IReadOnlyList<string> Of(BitLayout? layout, ulong iss, BitLayout? iss2Layout, ulong iss2) =>
        Of(layout is null ? null : LayoutIndex.For(layout), iss, iss2Layout is null ? null : LayoutIndex.For(iss2Layout), iss2);

    /// <summary>As <see cref="Of(LayoutIndex?, ulong, LayoutIndex?, ulong)"/>, with <paramref name="length"/> (<see cref="InstructionLength.Warning"/>) first when there is one.</summary>
    internal static IReadOnlyList<string> Of(LayoutIndex? layout, ulong iss, LayoutIndex? iss2Layout, ulong iss2, string? length) =>
        length is null ? Of(layout, iss, iss2Layout, iss2) : [length, .. Of(layout, iss, iss2Layout, iss2)];

    /// <summary>As <see cref="Of(BitLayout?, ulong, BitLayout?, ulong)"/>, with the layouts' indexes.</summary>
    internal static IReadOnlyList<string> Of(LayoutIndex? layout, ulong iss, LayoutIndex? iss2Layout, ulong iss2)
    {
        if (layout is null)
        {
            return None;
        }

        List<string>? warnings = null;
        Check(layout, iss, Layouts.Esr.ISS, StrayBits.Iss, ref warnings);
        if (iss2Layout is not null)
        {
            Check(iss2Layout, iss2, Layouts.Esr.ISS2, StrayBits.Iss2, ref warnings);
        }
        else if (iss2 != 0)
        {
            (warnings ??= new List<string>(4)).Add("ISS2 [55:32] is 0x" + iss2.ToString("x", CultureInfo.InvariantCulture) + " but this exception class defines no ISS2: it is RES0");
        }

        return warnings ?? (IReadOnlyList<string>)None;
    }

    private static void Check(LayoutIndex index, ulong word, BitField container, StrayBits part, ref List<string>? warnings)
    {
        var covered = 0UL;
        var reserved = false;
        for (var i = 0; i < index.Fields.Length; i++)
        {
            if (index.Applies(i, word))
            {
                covered |= index.Fields[i].Mask;
                reserved |= index.HasMeanings(i) && index.MeaningOf(i, index.Fields[i].Extract(word)) is null;
            }
        }

        // The runs of stray set bits, most significant first.
        var stray = word & container.ValueMask & ~covered;
        while (stray != 0)
        {
            var msb = 63 - BitOperations.LeadingZeroCount(stray);
            var lsb = msb;
            while (lsb > 0 && ((stray >> (lsb - 1)) & 1) == 1)
            {
                lsb--;
            }

            var width = msb - lsb + 1;
            (warnings ??= new List<string>(4)).Add(part.Warning(lsb, width, (word >> lsb) & BitField.MaskOf(0, width)));
            stray &= ~BitField.MaskOf(lsb, width);
        }

        if (!reserved)
        {
            return;
        }

        for (var i = 0; i < index.Fields.Length; i++)
        {
            if (index.Applies(i, word) && index.ReservedWarning(i, index.Fields[i].Extract(word)) is { } warning)
            {
                (warnings ??= new List<string>(4)).Add(part.FieldPrefix + warning);
            }
        }
    }
}
