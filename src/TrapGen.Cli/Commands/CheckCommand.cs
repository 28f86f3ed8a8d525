using System.CommandLine;
using System.Linq;
using TrapGen.Catalogue;
using TrapGen.Cli.Catalogues;

namespace TrapGen.Cli.Commands;

/// <summary><c>trapgen check [registers.yaml]</c>: the generator's diagnostics, outside the compiler.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var catalogue = CatalogueArgument.Create();
        var limits = new CatalogueLimitOptions();
        var warningsAsErrors = new Option<bool>("--warnings-as-errors")
        {
            Description = "Fail (exit 1) on warnings too.",
        };
        var command = new Command("check", "Validate a register catalogue with exactly the diagnostics the generator reports in a build.")
        {
            catalogue,
            warningsAsErrors,
        };
        limits.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var catalogueLimits = limits.From(parse);
            var source = CatalogueSource.Resolve(parse.GetValue(catalogue), catalogueLimits);
            var result = CatalogueLoader.Load(source.Text, catalogueLimits);
            foreach (var diagnostic in result.Diagnostics.OrderBy(d => d.Span.StartOffset))
            {
                output.WriteLine(diagnostic.ToString(source.DisplayPath));
            }

            var errors = result.Diagnostics.Count(d => d.IsError);
            var warnings = result.Diagnostics.Count - errors;
            var counts = CatalogueSummary.Count(errors, "error") + ", " + CatalogueSummary.Count(warnings, "warning");
            output.WriteLine(result.Catalogue is { } parsed
                ? source.DisplayPath + ": " + CatalogueSummary.Describe(parsed) + "; " + counts
                : source.DisplayPath + ": " + counts);
            var failed = errors > 0 || (warnings > 0 && parse.GetValue(warningsAsErrors));
            return failed ? CliApplication.InputError : 0;
        });
        return command;
    }
}
