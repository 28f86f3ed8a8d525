using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// Decodes a MIDR_EL1 (or AArch32 MIDR) value: implementer and part from Tables/cpu-implementers.table and
/// cpu-parts.table, variant and revision as the rNpN the TRMs print, with the fields of register-fields.table.
/// </summary>
public static class MidrDescription
{
    /// <summary>MIDR_EL1.Architecture's value for an Armv7 or later PE, whose features the ID registers identify.</summary>
    private const int IdentifiedByIdRegisters = 0xF;

    /// <summary>Decodes <paramref name="text"/> as a MIDR value; never throws.</summary>
    /// <param name="text">The value as written (<c>0x411fd070</c>).</param>
    /// <param name="description">The decoded value, or null.</param>
    /// <param name="error">Why the text is no MIDR value, or null.</param>
    /// <returns>Whether the text is a MIDR value.</returns>
    public static bool TryDecode(string text, [NotNullWhen(true)] out IdentifierDescription? description, [NotNullWhen(false)] out string? error)
    {
        description = null;
        if (!IdentifierValue.TryParse(text, "a MIDR value", out var midr, out error))
        {
            return false;
        }

        var fields = RegisterFields.Of("MIDR_EL1").OrderByDescending(f => f.Lsb).ToList();
        int Value(string name) => (int)fields.Single(f => f.Name == name).Extract(midr);
        var implementer = CpuImplementers.NameOf(Value("Implementer"));
        var part = CpuParts.NameOf(Value("Implementer"), Value("PartNum"));
        string? Meaning(string name) => name switch
        {
            "Implementer" => implementer ?? "an implementer the tables do not list",
            "PartNum" => part ?? "a part the tables do not list",
            "Architecture" => Value(name) == IdentifiedByIdRegisters ? "Architectural features are individually identified in the ID_* registers" : "a pre-Armv7 architecture code",
            "Variant" => "r" + Value(name).ToString(CultureInfo.InvariantCulture) + ": the major revision",
            "Revision" => "p" + Value(name).ToString(CultureInfo.InvariantCulture) + ": the minor revision",
            _ => null,
        };

        var revision = "r" + Value("Variant").ToString(CultureInfo.InvariantCulture) + "p" + Value("Revision").ToString(CultureInfo.InvariantCulture);
        var summary = (implementer ?? "implementer " + Hex.Digits((ulong)Value("Implementer"), 2)) + " "
            + (part ?? "part " + Hex.Digits((ulong)Value("PartNum"), 3)) + " " + revision;
        description = new IdentifierDescription(
            "midr",
            Hex.Word(midr),
            [.. fields.Select(f => new FieldValue(f, (uint)f.Extract(midr), Meaning(f.Name)))],
            summary,
            []);
        error = null;
        return true;
    }
}
