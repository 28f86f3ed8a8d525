using System;
using System.Collections.Generic;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>The AArch32 condition mnemonics and their encodings.</summary>
public static class ConditionCodes
{
    private static readonly string[] Mnemonics = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "", ""];

    /// <summary>Every suffix: the mnemonics above (empty is always, 14), and the synonyms HS, LO and AL.</summary>
    private static readonly Dictionary<string, uint> Codes = CodesOf(("hs", 2), ("lo", 3), ("al", Aarch32Constants.ConditionAlways));

    /// <summary>Gets the suffix of condition <paramref name="cond"/>: empty for always.</summary>
    public static string Suffix(uint cond) => Mnemonics[cond & 0xF];

    /// <summary>Parses a suffix such as <c>ne</c> or <c>hs</c>; empty and <c>al</c> mean always.</summary>
    public static bool TryParse(string suffix, out uint cond) => Codes.TryGetValue(suffix, out cond);

    private static Dictionary<string, uint> CodesOf(params (string Suffix, uint Code)[] synonyms)
    {
        var codes = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
        for (var code = 0u; code <= Aarch32Constants.ConditionAlways; code++)
        {
            codes[Mnemonics[code]] = code;
        }

        foreach (var (suffix, code) in synonyms)
        {
            codes[suffix] = code;
        }

        return codes;
    }
}
