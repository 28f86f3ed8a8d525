using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Catalogue.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// AArch64 system register names for assembler syntax: every catalogued name and other name, the
/// registers the architecture's trap lists name, and the generic <c>s3_0_c1_c0_0</c> form.
/// </summary>
public static class SystemRegisterNames
{
    private static readonly Dictionary<string, (uint Op0, uint Op1, uint CRn, uint CRm, uint Op2)> ByName = Build();

    private static readonly Dictionary<(uint, uint, uint, uint, uint), string> ByEncoding =
        ByName.GroupBy(pair => pair.Value).ToDictionary(group => group.Key, group => group.First().Key);

    /// <summary>Finds the encoding of <paramref name="name"/> (case-insensitive, or generic).</summary>
    public static bool TryFind(string name, out (uint Op0, uint Op1, uint CRn, uint CRm, uint Op2) encoding)
    {
        if (ByName.TryGetValue(name, out encoding))
        {
            return true;
        }

        return TryParseGeneric(name, out encoding);
    }

    /// <summary>Gets the name to print for an encoding: its catalogued or architectural name in lower case, else the generic form.</summary>
    public static string NameOf(uint op0, uint op1, uint crn, uint crm, uint op2) =>
        ByEncoding.TryGetValue((op0, op1, crn, crm, op2), out var name)
            ? name.ToLowerInvariant()
            : string.Format(CultureInfo.InvariantCulture, "s{0}_{1}_c{2}_c{3}_{4}", op0, op1, crn, crm, op2);

    private static bool TryParseGeneric(string name, out (uint, uint, uint, uint, uint) encoding)
    {
        encoding = default;
        var parts = name.ToLowerInvariant().Split('_');
        if (parts.Length != 5 || parts[0].Length < 2 || parts[0][0] != 's' || parts[2].Length < 2 || parts[2][0] != 'c' || parts[3].Length < 2 || parts[3][0] != 'c')
        {
            return false;
        }

        if (!Number(parts[0].Substring(1), 2, 3, out var op0) || !Number(parts[1], 0, 7, out var op1) || !Number(parts[2].Substring(1), 0, 15, out var crn)
            || !Number(parts[3].Substring(1), 0, 15, out var crm) || !Number(parts[4], 0, 7, out var op2))
        {
            return false;
        }

        encoding = (op0, op1, crn, crm, op2);
        return true;
    }

    private static bool Number(string text, uint min, uint max, out uint value) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    private static Dictionary<string, (uint, uint, uint, uint, uint)> Build()
    {
        var names = new Dictionary<string, (uint, uint, uint, uint, uint)>(StringComparer.OrdinalIgnoreCase);
        foreach (var register in SystemRegisters.All)
        {
            var encoding = ((uint)register.Op0, (uint)register.Op1, (uint)register.CRn, (uint)register.CRm, (uint)register.Op2);
            foreach (var name in register.OtherNames.Prepend(register.Name))
            {
                names.TryAdd(name, encoding);
            }
        }

        foreach (var register in ArchitecturalTraps.All.SelectMany(c => c.Registers))
        {
            if (register.Aarch64 is { } e)
            {
                names.TryAdd(register.Name, ((uint)e.Op0, (uint)e.Op1, (uint)e.CRn, (uint)e.CRm, (uint)e.Op2));
            }
        }

        return names;
    }
}
