using System.Globalization;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// The warning for a run of bits set where no field applies, in ISS or ISS2 ("ISS bits [21:19] are 0x7 where no
/// field of this exception class applies: …"). Short runs' sentences are made once and kept: a batch of random
/// values has several such runs a value, and building each sentence anew was a quarter of the batch's time.
/// </summary>
internal sealed class StrayBits
{
    /// <summary>Runs up to this wide keep their sentences, one for each value (at most 2^6 of them).</summary>
    private const int KeptWidth = 6;

    private const string Suffix = " where no field of this exception class applies: RES0 (or UNKNOWN) in the Arm ARM";

    private readonly string part;
    private readonly int offset;
    private readonly string?[]?[] kept = new string?[]?[64 * (KeptWidth + 1)];

    private StrayBits(string part, int offset, string fieldPrefix)
    {
        this.part = part;
        this.offset = offset;
        FieldPrefix = fieldPrefix;
    }

    /// <summary>Gets the runs of ISS, ESR_EL2[24:0].</summary>
    public static StrayBits Iss { get; } = new("ISS", 0, string.Empty);

    /// <summary>Gets the runs of ISS2, ESR_EL2[55:32].</summary>
    public static StrayBits Iss2 { get; } = new("ISS2", Layouts.Esr.ISS2.Lsb, "ISS2.");

    /// <summary>Gets what a reserved-value warning puts before a field's name: nothing for ISS, "ISS2." for ISS2.</summary>
    public string FieldPrefix { get; }

    /// <summary>The warning for the run of <paramref name="width"/> bits from <paramref name="lsb"/> (within the part), which hold <paramref name="value"/>.</summary>
    public string Warning(int lsb, int width, ulong value)
    {
        if (width > KeptWidth)
        {
            return Build(lsb, width, value);
        }

        var values = kept[(lsb * (KeptWidth + 1)) + width] ??= new string?[1 << width];
        return values[value] ??= Build(lsb, width, value);
    }

    private string Build(int lsb, int width, ulong value) =>
        part + (width == 1 ? " bit [" : " bits [") + BitField.Range(lsb + offset, width) + (width == 1 ? "] is 0x" : "] are 0x")
        + value.ToString("x", CultureInfo.InvariantCulture) + Suffix;
}
