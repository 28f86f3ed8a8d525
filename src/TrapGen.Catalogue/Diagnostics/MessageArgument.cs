using System.Globalization;

namespace TrapGen.Catalogue.Diagnostics;

/// <summary>Numbers as message arguments: every argument is text, formatted invariantly here.</summary>
internal static class MessageArgument
{
    /// <summary>A number in decimal, invariantly.</summary>
    public static string Decimal(long value) => value.ToString(CultureInfo.InvariantCulture);
}
