using System;
using System.Collections.Generic;

namespace TrapGen.Runtime.Instructions;

/// <summary>The AArch32 condition mnemonics and their encodings.</summary>
public static class ConditionCodes
{
    private static readonly string[] Mnemonics = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "", ""];

    private static readonly Dictionary<string, uint> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eq"] = 0, ["ne"] = 1, ["cs"] = 2, ["hs"] = 2, ["cc"] = 3, ["lo"] = 3, ["mi"] = 4, ["pl"] = 5, ["vs"] = 6,
        ["vc"] = 7, ["hi"] = 8, ["ls"] = 9, ["ge"] = 10, ["lt"] = 11, ["gt"] = 12, ["le"] = 13, ["al"] = 14, [""] = 14,
    };

    /// <summary>Gets the suffix of condition <paramref name="cond"/>: empty for always.</summary>
    public static string Suffix(uint cond) => Mnemonics[cond & 0xF];

    /// <summary>Parses a suffix such as <c>ne</c> or <c>hs</c>; empty and <c>al</c> mean always.</summary>
    public static bool TryParse(string suffix, out uint cond) => Codes.TryGetValue(suffix, out cond);
}
