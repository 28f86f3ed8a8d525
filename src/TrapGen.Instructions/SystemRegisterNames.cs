using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Instructions;

/// <summary>
/// AArch64 system register names for assembler syntax: every name the architecture has (and the older
/// names it renamed), the names a catalogue gives its IMPLEMENTATION DEFINED registers, and the generic
/// <c>s3_0_c1_c0_0</c> form. <see cref="Architectural"/> knows the architecture's alone; a tool with a
/// catalogue makes one that knows its names too.
/// </summary>
public sealed class SystemRegisterNames
{
    /// <summary>Registers only the catalogue knows: IMPLEMENTATION DEFINED ones. Architectural names come from the architecture's table.</summary>
    private readonly Dictionary<string, Aarch64Encoding> catalogued;

    private readonly Dictionary<Aarch64Encoding, string> cataloguedByEncoding;

    /// <summary>Creates the names, adding <paramref name="catalogued"/> (a catalogue's registers, by name and encoding) to the architecture's.</summary>
    public SystemRegisterNames(IEnumerable<(string Name, Aarch64Encoding Encoding)> catalogued)
    {
        this.catalogued = (catalogued ?? throw new ArgumentNullException(nameof(catalogued)))
            .GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Encoding, StringComparer.OrdinalIgnoreCase);
        cataloguedByEncoding = this.catalogued.GroupBy(pair => pair.Value).ToDictionary(group => group.Key, group => group.First().Key);
    }

    /// <summary>Gets the architecture's names alone.</summary>
    public static SystemRegisterNames Architectural { get; } = new([]);

    /// <summary>Finds the encoding of <paramref name="name"/> (case-insensitive, or generic).</summary>
    public bool TryFind(string name, out (uint Op0, uint Op1, uint CRn, uint CRm, uint Op2) encoding)
    {
        if (Aarch64Registers.TryFind(name, out var architectural))
        {
            encoding = Tuple(architectural.Encoding);
            return true;
        }

        if (catalogued.TryGetValue(name ?? string.Empty, out var found))
        {
            encoding = Tuple(found);
            return true;
        }

        return TryParseGeneric(name ?? string.Empty, out encoding);
    }

    /// <summary>
    /// Gets the name to print for an access in the given direction: the architectural name in lower case
    /// (DBGDTRRX_EL0 for a read, DBGDTRTX_EL0 for a write of the same encoding), else the catalogue's,
    /// else the generic form.
    /// </summary>
    public string NameOf(uint op0, uint op1, uint crn, uint crm, uint op2, bool isRead)
    {
        var encoding = new Aarch64Encoding((int)op0, (int)op1, (int)crn, (int)crm, (int)op2);
        var name = Aarch64Registers.NameAt(encoding, isRead ? AccessDirection.Read : AccessDirection.Write)
            ?? (cataloguedByEncoding.TryGetValue(encoding, out var found) ? found : null);
        return name?.ToLowerInvariant() ?? encoding.ToString();
    }

    /// <summary>
    /// Finds the register <paramref name="name"/> names as <see cref="TryFind(string, out ValueTuple{uint, uint, uint, uint, uint})"/>
    /// does, or says in one sentence that none has it, with the closest name there is.
    /// </summary>
    internal bool TryFind(string name, out (uint Op0, uint Op1, uint CRn, uint CRm, uint Op2) encoding, out string error)
    {
        if (TryFind(name, out encoding))
        {
            error = string.Empty;
            return true;
        }

        var closest = Closest(name);
        error = "unknown system register '" + name + "'" + (closest is null ? string.Empty : " (did you mean " + closest + "?)")
            + "; use an architectural name or the generic form s<op0>_<op1>_c<n>_c<m>_<op2>";
        return false;
    }

    /// <summary>Suggests the architectural name closest to a misspelt one, or null.</summary>
    public string? Closest(string name) => ClosestName.Find(name, Aarch64Registers.Names.Concat(catalogued.Keys))?.ToLowerInvariant();

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
