using System.Globalization;
using System.Text;
using TrapGen.Architecture;

namespace TrapGen.Generators.Emit;

/// <summary>Formats values as C# literals, invariantly.</summary>
internal static class CSharpLiterals
{
    public static string Hex32(ulong value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture) + "u";

    public static string Hex64(ulong value) => "0x" + value.ToString("X16", CultureInfo.InvariantCulture) + "UL";

    /// <summary>A small value in decimal, a larger one in hex: <c>0</c>, <c>0xF</c>; for comments.</summary>
    public static string Hex(ulong value) => value < 10 ? value.ToString(CultureInfo.InvariantCulture) : "0x" + value.ToString("X", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string String(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                // Control characters, and the line terminators C# does not allow in a string literal.
                _ when c < ' ' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
