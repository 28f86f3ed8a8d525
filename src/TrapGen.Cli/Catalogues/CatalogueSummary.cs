using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;

namespace TrapGen.Cli.Catalogues;

/// <summary>Counts what a catalogue declares, for one summary line.</summary>
internal static class CatalogueSummary
{
    public static string Describe(RegisterCatalogue catalogue)
    {
        var aliases = catalogue.Registers.SelectMany(r => r.Aliases).ToList();
        var forms = string.Join(", ", aliases.GroupBy(a => a.Encoding.Form).OrderBy(g => g.Key).Select(g => g.Count().ToString(CultureInfo.InvariantCulture) + " " + CatalogueSpelling.Of(g.Key)));
        return Count(catalogue.Registers.Count, "register") + ", "
            + Count(aliases.Count, "AArch32 alias") + (aliases.Count == 0 ? string.Empty : " (" + forms + ")") + ", "
            + Count(catalogue.TrapGroups.Count, "trap group") + ", " + Count(catalogue.Hooks.Count, "hook") + ", " + Count(catalogue.Emulators.Count, "emulator")
            + (catalogue.Cpus.Select(c => CpuModels.Find(c.Name)?.Name).OfType<string>().Distinct().ToList() is { Count: > 0 } models
                ? ", checked against " + string.Join(" and ", models)
                : string.Empty);
    }

    /// <summary>"1 hook", "2 hooks", "3 aliases".</summary>
    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + (noun.EndsWith('s') ? "es" : "s"));
}
