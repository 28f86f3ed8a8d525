using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace TrapGen.Cli.Catalogues;

/// <summary>The CPU models as <c>trapgen list --cpus</c> prints them: a table of the models, then each model's features and caches.</summary>
internal static class CpuTable
{
    private const int LineWidth = 100;

    public static void Write(CpuListing listing, TextWriter output)
    {
        output.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "CPU models (TrapGen.Architecture, Tables/cpu-models.table): {0}; a guest runs on {1} unless it names another",
            listing.Cpus.Count,
            listing.Default));
        output.WriteLine();
        var table = new TextTable("MODEL", "MIDR", "AARCH32 EL1", "BREAKPOINTS", "WATCHPOINTS", "PMU COUNTERS", "FEATURES", "DESCRIPTION");
        foreach (var cpu in listing.Cpus)
        {
            table.Add(
                cpu.Name,
                cpu.Midr,
                cpu.Aarch32El1 ? "yes" : "no",
                Number(cpu.Breakpoints) + " (" + Number(cpu.ContextBreakpoints) + " context)",
                Number(cpu.Watchpoints),
                Number(cpu.EventCounters),
                Number(cpu.Features.Count),
                cpu.Description);
        }

        table.WriteTo(output);
        foreach (var cpu in listing.Cpus)
        {
            output.WriteLine();
            output.WriteLine(cpu.Name + ":");
            foreach (var line in Wrap("  features  ", cpu.Features))
            {
                output.WriteLine(line);
            }

            var label = "  caches    ";
            foreach (var cache in cpu.Caches)
            {
                output.WriteLine(label + cache.Summary);
                label = new string(' ', label.Length);
            }

            foreach (var line in Wrap("  IMPDEF    ", cpu.ImplementationDefined.Select(r => r.Name)))
            {
                output.WriteLine(line);
            }
        }
    }

    /// <summary>The words after <paramref name="label"/>, wrapped at <see cref="LineWidth"/> under the first; "none" when there are none.</summary>
    private static IEnumerable<string> Wrap(string label, IEnumerable<string> words)
    {
        var line = label;
        var lineIsEmpty = true;
        var none = true;
        foreach (var word in words)
        {
            if (!lineIsEmpty && line.Length + 1 + word.Length > LineWidth)
            {
                yield return line;
                line = new string(' ', label.Length);
                lineIsEmpty = true;
            }

            line += (lineIsEmpty ? string.Empty : " ") + word;
            lineIsEmpty = false;
            none = false;
        }

        yield return none ? label + "none" : line;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
