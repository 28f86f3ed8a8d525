using System;

namespace TrapGen.Soak.Mutation;

/// <summary>Scalars a careless or hostile user might put where a catalogue expects a name, number or keyword.</summary>
internal static class HostileValues
{
    private static readonly string[] Fixed =
    [
        "~", "null", "[]", "{}", "''", "\"\"", "-1", "0", "1", "64", "65", "4294967296", "18446744073709551616",
        "99999999999999999999999999", "0x", "0xFFFFFFFFFFFFFFFFF", "0b102", "1e308", ".nan", "-.inf", "true",
        "&anchor value", "*undefined", "!!binary AAAA", "!!int x", "!custom", "|", ">", "- item", "? key",
        "{a: [b, {c: d}]}", "[1, [2, [3]]]", "passthrough", "emulate", "trap", "read", "write", "lo", "hi", "all",
        "TVM", "TRVM", "TID3", "SCTLR_EL1", "CNTPCT_EL0", "CNTFRQ_EL0", "HCR_EL2", "SCR_EL3", "sctlr_el1",
        "s3_0_c1_c0_0", "*/ class X {", "</summary><script>", "\"quoted \\u0000 nul\"", "caf\uFFFD",
        "\u001b]0;title\u0007", "\u202Eevil", "\u0085next line", "tab\tinside", "trailing\\",
    ];

    /// <summary>One hostile value: a fixed one, a long one, or random printable noise.</summary>
    public static string Pick(Random random) => random.Next(10) switch
    {
        < 7 => Fixed[random.Next(Fixed.Length)],
        7 => new string((char)random.Next('a', 'z' + 1), random.Next(256, 20_000)),
        _ => Noise(random),
    };

    private static string Noise(Random random)
    {
        var characters = new char[random.Next(1, 40)];
        for (var i = 0; i < characters.Length; i++)
        {
            characters[i] = (char)random.Next(0x20, 0x7F);
        }

        return new string(characters);
    }
}
