using System.CommandLine;
using System.Globalization;
using TrapGen.Catalogue;
using TrapGen.Cli.Catalogues;

namespace TrapGen.Cli.Commands;

/// <summary>
/// <c>trapgen list [registers.yaml] [--json]</c>: the registry, as a table or as JSON;
/// <c>trapgen list --architecture [--json]</c>: the architecture's table every catalogue is checked against.
/// </summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var catalogue = CatalogueArgument.Create();
        var limits = new CatalogueLimitOptions();
        var json = new Option<bool>("--json") { Description = "Print JSON (shape: docs/cli.md) instead of a table." };
        var architecture = new Option<bool>("--architecture")
        {
            Description = "List the architecture's table instead: every AArch64 register and System instruction, every AArch32 register with its AArch64 mapping, and the trap controls.",
        };
        var command = new Command("list", "List the catalogue's registers with their encodings, widths, trap groups, handling, AArch32 aliases and syndrome keys.")
        {
            catalogue,
            json,
            architecture,
        };
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(architecture))
            {
                if (parse.GetValue(catalogue) is { } path)
                {
                    throw new CliException("--architecture lists the architecture's table, not a catalogue; leave out '" + path + "'");
                }

                var table = ArchitectureListing.Create();
                if (parse.GetValue(json))
                {
                    output.WriteLine(CliJson.Serialize(table, CliJsonContext.Default.ArchitectureListing, indented: true));
                }
                else
                {
                    ArchitectureTable.Write(table, output);
                }

                return 0;
            }

            var catalogueLimits = limits.From(parse);
            var source = CatalogueSource.Resolve(parse.GetValue(catalogue), catalogueLimits);
            var result = CatalogueLoader.Load(source.Text, catalogueLimits);
            if (result.ValidCatalogue is not { } valid)
            {
                var errors = System.Linq.Enumerable.Count(result.Diagnostics, d => d.IsError);
                throw new CliException(string.Format(
                    CultureInfo.InvariantCulture, "{0} has {1} error(s); 'trapgen check {0}' shows them", source.DisplayPath, errors));
            }

            var listing = CatalogueListing.From(source.DisplayPath, valid);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(listing, CliJsonContext.Default.CatalogueListing, indented: true));
            }
            else
            {
                RegisterTable.Write(listing, output);
            }

            return 0;
        });
        return command;
    }
}
