using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using TrapGen.Soak.Mutation;
using TrapGen.Soak.Phases;
using TrapGen.Soak.Reporting;

namespace TrapGen.Soak;

/// <summary>
/// <c>dotnet run -c Release --project tests/TrapGen.Soak</c>: the long fuzz and soak runs, too long for
/// CI. Prints what each phase tried and found; exits 1 when anything crashed or broke a promise.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        var mutants = new Option<int>("--mutants") { Description = "Catalogue mutants through the generator driver (and every 10th through `trapgen check`).", DefaultValueFactory = _ => 100_000 };
        var boots = new Option<int>("--boots") { Description = "`trapgen boot` runs in one process.", DefaultValueFactory = _ => 1_000 };
        var syndromes = new Option<int>("--syndromes") { Description = "Random syndromes through `trapgen decode --json`, instructions back through `encode`.", DefaultValueFactory = _ => 1_000_000 };
        var instructions = new Option<int>("--instructions") { Description = "Random instruction text through `trapgen encode --json`.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "The first seed; a finding names the seed that rebuilds it.", DefaultValueFactory = _ => 1 };
        var parallelism = new Option<int>("--parallel") { Description = "Worker threads for the catalogue mutants.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var findingsDirectory = new Option<DirectoryInfo?>("--findings") { Description = "Write every input that crashed or failed into this directory." };
        var root = new RootCommand("TrapGen's fuzz and soak runs: hostile catalogues, boot loops, random syndromes and instructions.")
        {
            mutants, boots, syndromes, instructions, seed, parallelism, findingsDirectory,
        };
        root.SetAction(parse =>
        {
            var output = Console.Out;
            var findings = new FindingLog(output, parse.GetValue(findingsDirectory)?.FullName);
            var first = parse.GetValue(seed);
            var figures = new List<PhaseFigures>();
            output.WriteLine("TrapGen soak, seed " + first + ", " + Environment.ProcessorCount + " processors, .NET " + Environment.Version);
            if (parse.GetValue(mutants) is > 0 and var count)
            {
                var mutator = new CatalogueMutator(BaseCatalogues.Load());
                figures.Add(new CatalogueSoak(mutator, findings, output).Run(count, first, Math.Max(1, parse.GetValue(parallelism))));
            }

            if (parse.GetValue(boots) is > 0 and var loops)
            {
                figures.Add(new BootSoak(findings, output).Run(loops));
            }

            if (parse.GetValue(syndromes) is > 0 and var decoded)
            {
                figures.Add(new SyndromeSoak(findings, output).Run(decoded, first));
            }

            if (parse.GetValue(instructions) is > 0 and var assembled)
            {
                figures.Add(new InstructionSoak(findings, output).Run(assembled, first));
            }

            SoakReport.Write(output, figures);
            return findings.Crashes + findings.Failures == 0 ? 0 : 1;
        });
        return root.Parse(args).Invoke();
    }
}
