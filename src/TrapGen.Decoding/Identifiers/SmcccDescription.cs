using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;

namespace TrapGen.Decoding;

/// <summary>
/// Decodes an SMC Calling Convention function ID (the W0 of an SMC or HVC): call type, convention, owning entity and
/// function number from layouts.table's SmcccFunctionId, and the call's name from Tables/smccc-functions.table.
/// </summary>
public static class SmcccDescription
{
    /// <summary>Bits [23:17] of a fast call's function ID, which SMCCC says must be zero.</summary>
    private static readonly BitField MustBeZero = new("MBZ", 17, 7);

    /// <summary>Decodes <paramref name="text"/> as an SMCCC function ID; never throws.</summary>
    /// <param name="text">The value as written (<c>0x84000000</c>).</param>
    /// <param name="description">The decoded value, or null.</param>
    /// <param name="error">Why the text is no function ID, or null.</param>
    /// <returns>Whether the text is a 32-bit value.</returns>
    public static bool TryDecode(string text, [NotNullWhen(true)] out IdentifierDescription? description, [NotNullWhen(false)] out string? error)
    {
        description = null;
        if (!IdentifierValue.TryParse(text, "an SMCCC function ID", out var id, out error))
        {
            return false;
        }

        var layout = Layouts.SmcccFunctionId.Layout;
        var fast = layout.Field("Fast").Extract(id) == 1;
        var smc64 = layout.Field("SMC64").Extract(id) == 1;
        var owner = (int)layout.Field("Owner").Extract(id);
        var number = (int)layout.Field("Function").Extract(id);
        var call = fast ? SmcccFunctions.Find(owner, number, smc64) : null;
        var ownerName = layout.MeaningOf(layout.Field("Owner"), (ulong)owner)?.TrimEnd('.') ?? "Reserved for future use (owner " + owner.ToString(CultureInfo.InvariantCulture) + ")";
        var fields = FieldValue.All(layout, id).Select(f => f.Name switch
        {
            "Owner" when f.Meaning is null => f with { Meaning = ownerName },
            "Function" => f with { Meaning = call is { } c ? c.Name + " (" + c.Service + ")" : "a function the tables do not name" },
            _ => f,
        }).ToList();

        var warnings = new List<string>();
        if (fast && MustBeZero.Extract(id) != 0)
        {
            warnings.Add("bits [23:17] are " + Hex.Digits(MustBeZero.Extract(id), 2) + ": they must be zero in a fast call's function ID");
        }

        var convention = smc64 ? "SMC64/HVC64" : "SMC32/HVC32";
        var summary = !fast
            ? "a yielding " + convention + " call, function " + Hex.Digits(layout.Field("Function").Extract(id), 4)
            : call is { } named
                ? named.Name + " (" + named.Service + "), a fast " + convention + " call"
                : "function " + Hex.Digits((ulong)number, 4) + " of the " + ownerName + ", a fast " + convention + " call";
        description = new IdentifierDescription("smccc", Hex.Word(id), fields, summary, warnings);
        error = null;
        return true;
    }
}
