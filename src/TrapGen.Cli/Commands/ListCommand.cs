using System.CommandLine;
using System.Globalization;
using TrapGen.Catalogue;
using TrapGen.Cli.Catalogues;

namespace TrapGen.Cli.Commands;

/// <summary>
/// <c>trapgen list [registers.yaml] [--json]</c>: the registry, as a table or as JSON;
/// <c>trapgen list --architecture [--cpu NAME] [--json]</c>: the architecture's table every catalogue is checked
/// against, or what one CPU model has of it; <c>trapgen list --cpus [--json]</c>: the CPU models.
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
        var cpus = new Option<bool>("--cpus")
        {
            Description = "List the CPU models instead: each one's MIDR, AArch32 support, breakpoints, watchpoints, PMU counters, features, caches and IMPLEMENTATION DEFINED registers.",
        };
        var cpu = new Option<string?>("--cpu")
        {
            Description = "With --architecture: list only what this CPU model has (trapgen list --cpus lists the models).",
        };
        var command = new Command("list", "List the catalogue's registers with their encodings, widths, trap groups, handling, AArch32 aliases and syndrome keys.")
        {
            catalogue,
            json,
            architecture,
            cpus,
            cpu,
        };
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(cpus))
            {
                if (parse.GetValue(architecture) || parse.GetValue(catalogue) is not null || parse.GetValue(cpu) is not null)
                {
                    throw new CliException("--cpus lists the CPU models alone; leave out --architecture, --cpu and the catalogue");
                }

                var models = CpuListing.Create();
                if (parse.GetValue(json))
                {
                    output.WriteLine(CliJson.Serialize(models, CliJsonContext.Default.CpuListing, indented: true));
                }
                else
                {
                    CpuTable.Write(models, output);
                }

                return 0;
            }

            var model = RunCommand.Model(parse, cpu);
            if (parse.GetValue(architecture))
            {
                if (parse.GetValue(catalogue) is { } path)
                {
                    throw new CliException("--architecture lists the architecture's table, not a catalogue; leave out '" + path + "'");
                }

                var table = ArchitectureListing.Create(model);
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

            if (model is not null)
            {
                throw new CliException("--cpu goes with --architecture: 'trapgen list --architecture --cpu " + model.Name + "' lists what that model has");
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
