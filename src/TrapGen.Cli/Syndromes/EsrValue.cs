using System;
using System.Globalization;

namespace TrapGen.Cli.Syndromes;

/// <summary>Parses an ESR_EL2 / HSR value as logs print it: hexadecimal, with or without 0x, up to 64 bits.</summary>
internal static class EsrValue
{
    /// <summary>Bits [63:56] of ESR_EL2, above ISS2, are RES0.</summary>
    private static readonly int Res0Lsb = TrapGen.Architecture.Layouts.Esr.ISS2.Msb + 1;

    public static ulong Parse(CliValue value)
    {
        var text = value.Text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(2);
        }

        if (text.Length == 0 || !ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var esr))
        {
            throw new CliException(value.Origin + ": '" + value.Text + "' is not an ESR value; write it in hexadecimal, such as 0x62300400");
        }

        if (esr >> Res0Lsb != 0)
        {
            throw new CliException(value.Origin + ": '" + value.Text + "' sets bits [63:56], which are RES0 in ESR_EL2");
        }

        return esr;
    }
}
