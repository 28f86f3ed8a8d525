using System.Collections.Generic;
using System.Linq;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Validation;

/// <summary>The catalogue's AArch32 aliases, each with the register it is a view of.</summary>
internal static class CatalogueAliases
{
    /// <summary>Gets every alias with its register, in catalogue order.</summary>
    public static IEnumerable<(RegisterDefinition Register, AliasDefinition Alias)> Of(RegisterCatalogue catalogue) =>
        catalogue.Registers.SelectMany(r => r.Aliases.Select(a => (r, a)));
}
