namespace TrapGen.Decoding;

/// <summary>One span of the 64-bit ESR picture: a field, or bits no field of the syndrome claims.</summary>
/// <param name="Name">The field's name (<c>EC</c>, <c>DFSC</c>, <c>ISS2.Xs</c>), or <c>RES0</c> / <c>-</c> for unclaimed bits.</param>
/// <param name="Msb">Its highest bit, 0 to 63.</param>
/// <param name="Lsb">Its lowest bit.</param>
/// <param name="Value">Its value as decode prints it (<c>0x24</c>, <c>1</c>), or the bits' value in hexadecimal for unclaimed bits.</param>
/// <param name="Meaning">What the value means, or null.</param>
/// <param name="Part">Which part of ESR_EL2 it is in: <c>esr</c> (EC, IL, RES0 [63:56]), <c>iss</c>, <c>iss2</c> or <c>none</c> (bits no field claims).</param>
public sealed record BitSpan(string Name, int Msb, int Lsb, string Value, string? Meaning, string Part)
{
    /// <summary>Gets the width in bits.</summary>
    public int Width => Msb - Lsb + 1;

    /// <summary>Gets the bits as the Arm ARM writes them: <c>[31:26]</c>, <c>[25]</c>.</summary>
    public string Bits => Msb == Lsb ? "[" + Msb.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"
        : "[" + Msb.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Lsb.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
