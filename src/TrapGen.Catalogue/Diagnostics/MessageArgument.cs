using System.Globalization;

namespace TrapGen.Catalogue.Diagnostics;

/// <summary>Numbers as message arguments: every argument is text, formatted invariantly here.</summary>
internal static class MessageArgument
{
    /// <summary>A number in decimal, invariantly.</summary>
    public static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A field's value as a catalogue would write it: below 10 in decimal, larger ones in hex (<c>0xF</c>).</summary>
    public static string FieldValue(ulong value) => value < 10 ? Decimal((long)value) : "0x" + value.ToString("X", CultureInfo.InvariantCulture);
}
