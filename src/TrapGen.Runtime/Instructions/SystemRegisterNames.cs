using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Runtime.Instructions;

/// <summary>
/// AArch64 system register names for assembler syntax: every name the architecture has (and the older
/// names it renamed), the catalogue's IMPLEMENTATION DEFINED registers, and the generic
/// <c>s3_0_c1_c0_0</c> form.
/// </summary>
public static class SystemRegisterNames
{
    /// <summary>Registers only the catalogue knows: IMPLEMENTATION DEFINED ones. Architectural names come from the architecture's table.</summary>
    private static readonly Dictionary<string, Aarch64Encoding> Catalogued = SystemRegisters.All
        .GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => new Aarch64Encoding(g.First().Op0, g.First().Op1, g.First().CRn, g.First().CRm, g.First().Op2), StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<Aarch64Encoding, string> CataloguedByEncoding =
        Catalogued.GroupBy(pair => pair.Value).ToDictionary(group => group.Key, group => group.First().Key);

    /// <summary>Finds the encoding of <paramref name="name"/> (case-insensitive, or generic).</summary>
    public static bool TryFind(string name, out (uint Op0, uint Op1, uint CRn, uint CRm, uint Op2) encoding)
    {
        if (Aarch64Registers.TryFind(name, out var architectural))
        {
            encoding = Tuple(architectural.Encoding);
            return true;
        }

        if (Catalogued.TryGetValue(name ?? string.Empty, out var catalogued))
        {
            encoding = Tuple(catalogued);
            return true;
        }

        return TryParseGeneric(name ?? string.Empty, out encoding);
    }

    /// <summary>
    /// Gets the name to print for an access in the given direction: the architectural name in lower case
    /// (DBGDTRRX_EL0 for a read, DBGDTRTX_EL0 for a write of the same encoding), else the catalogue's,
    /// else the generic form.
    /// </summary>
    public static string NameOf(uint op0, uint op1, uint crn, uint crm, uint op2, bool isRead)
    {
        var encoding = new Aarch64Encoding((int)op0, (int)op1, (int)crn, (int)crm, (int)op2);
        var name = Aarch64Registers.NameAt(encoding, isRead ? AccessDirection.Read : AccessDirection.Write)
            ?? (CataloguedByEncoding.TryGetValue(encoding, out var catalogued) ? catalogued : null);
        return name?.ToLowerInvariant() ?? encoding.ToString();
    }

    /// <summary>Suggests the architectural name closest to a misspelt one, or null.</summary>
    public static string? Closest(string name) => ClosestName.Find(name, Aarch64Registers.Names.Concat(Catalogued.Keys))?.ToLowerInvariant();

    private static (uint, uint, uint, uint, uint) Tuple(Aarch64Encoding e) => ((uint)e.Op0, (uint)e.Op1, (uint)e.CRn, (uint)e.CRm, (uint)e.Op2);

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
}
