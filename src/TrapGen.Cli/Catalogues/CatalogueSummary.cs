using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Cli.Catalogues;

/// <summary>Counts what a catalogue declares, for one summary line.</summary>
internal static class CatalogueSummary
{
    public static string Describe(RegisterCatalogue catalogue)
    {
        var aliases = catalogue.Registers.SelectMany(r => r.Aliases).ToList();
        var mcr = aliases.Count(a => a.Encoding.Form == TrapClassKind.Mcr);
        return Count(catalogue.Registers.Count, "register") + ", "
            + Count(aliases.Count, "AArch32 alias") + " (" + mcr.ToString(CultureInfo.InvariantCulture) + " mcr, " + (aliases.Count - mcr).ToString(CultureInfo.InvariantCulture) + " mcrr), "
            + Count(catalogue.TrapGroups.Count, "trap group") + ", " + Count(catalogue.Hooks.Count, "hook") + ", " + Count(catalogue.Emulators.Count, "emulator");
    }

    /// <summary>"1 hook", "2 hooks", "3 aliases".</summary>
    public static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + (noun.EndsWith('s') ? "es" : "s"));
}
