using System;

namespace TrapGen.Decoding;

/// <summary>Parses an ESR_EL2 / HSR value as logs print it: hexadecimal, with or without 0x, up to 64 bits.</summary>
public static class EsrValue
{
    /// <summary>Bits [63:56] of ESR_EL2, above ISS2, are RES0.</summary>
    private static readonly int Res0Lsb = TrapGen.Architecture.Layouts.Esr.ISS2.Msb + 1;

    /// <summary>
    /// Parses <paramref name="text"/> (<c>0x62300400</c>, <c>62300400</c>, <c>0x9600_0050</c>); never throws.
    /// </summary>
    /// <param name="text">The value as written.</param>
    /// <param name="esr">The value, or 0 when the text is none.</param>
    /// <param name="error">Why the text is no ESR value (it quotes the text), or null.</param>
    /// <returns>Whether <paramref name="text"/> is an ESR value.</returns>
    public static bool TryParse(string text, out ulong esr, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        if (!Hex.TryParseValue(text, out esr))
        {
            error = "'" + text + "' is not an ESR value; write it in hexadecimal, such as 0x62300400";
            return false;
        }

        if (esr >> Res0Lsb != 0)
        {
            esr = 0;
            error = "'" + text + "' sets bits [63:56], which are RES0 in ESR_EL2";
            return false;
        }

        return true;
    }
}
