using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Catalogue.Model;

/// <summary>
/// The one phrase for how a register's traps are handled, in the catalogue's words: for generated comments,
/// the generated registry (<c>SystemRegisterInfo.HandlingPhrase</c>) and the tool's output.
/// </summary>
public static class HandlingPhrases
{
    /// <summary>
    /// Gets how <paramref name="register"/> is handled: <c>passthrough, then UpdateSctlr after a write</c>,
    /// <c>emulated by Cntpct, read-only</c>, <c>constant 0x0</c>, <c>sanitised (PMUVer=0x0), read-only</c>.
    /// </summary>
    public static string Of(RegisterDefinition register)
    {
        var spelled = CatalogueSpelling.Of(register.Handling);
        var fields = register.Fields.Where(f => f.Field is not null).ToList();
        var handling = register.Handling switch
        {
            RegisterHandling.Emulated => spelled + " by " + register.Emulator,
            RegisterHandling.Constant => spelled + " " + Hex(register.Value ?? 0),
            RegisterHandling.Sanitised when fields.Count > 0 => spelled + " (" + string.Join(", ", fields.Select(f => f.Field!.Name + "=" + Hex(f.Value))) + ")",
            _ => spelled,
        };
        if (register.Access != RegisterAccess.ReadWrite)
        {
            handling += ", " + RegisterAccessRules.Describe(register.Access);
        }

        return register.AfterWrite is { } hook ? handling + ", then " + hook + " after a write" : handling;
    }

    private static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);
}
