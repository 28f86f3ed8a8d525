using System;
using System.Collections.Generic;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using YamlDotNet.RepresentationModel;

namespace TrapGen.Catalogue.Parsing;

/// <summary>The catalogue's <c>cpus:</c>: the CPU models it is written for.</summary>
internal sealed partial class CatalogueParser
{
    /// <summary>What a <c>cpus:</c> that is not a list of names should be, for TG0004.</summary>
    private const string CpuListExpected = "a list of CPU models, such as cpus: [cortex-a57, neoverse-n1] (trapgen list --cpus lists them)";

    /// <summary>
    /// Reads <c>cpus: [cortex-a57, neoverse-n1]</c>: each item a model of <see cref="CpuModels"/>, once. Not a list, an
    /// item that is no name (TG0004), an empty list, an unknown or a repeated model (TG0034) are reported where they
    /// are; only the known models, each once, are kept.
    /// </summary>
    private EquatableArray<CpuReference> ParseCpus(MappingReader reader)
    {
        if (reader.Optional("cpus") is not { } node)
        {
            return EquatableArray<CpuReference>.Empty;
        }

        if (node is not YamlSequenceNode list)
        {
            diagnostics.Report(CatalogueRules.InvalidValue, YamlSpans.Of(node), MappingReader.Describe(node), "cpus", CpuListExpected);
            return EquatableArray<CpuReference>.Empty;
        }

        if (list.Children.Count == 0)
        {
            diagnostics.Report(CatalogueRules.NoCpus, YamlSpans.Of(list));
            return EquatableArray<CpuReference>.Empty;
        }

        var cpus = new List<CpuReference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            var span = YamlSpans.Of(item);
            if (item is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                diagnostics.Report(CatalogueRules.InvalidValue, span, MappingReader.Describe(item), "cpus", "a CPU model's name, such as cortex-a57");
            }
            else if (CpuModels.Find(name) is not { } model)
            {
                diagnostics.Report(CatalogueRules.UnknownCpu, span, CpuModels.Unknown(name));
            }
            else if (!seen.Add(model.Name))
            {
                diagnostics.Report(CatalogueRules.CpuListedTwice, span, model.Name);
            }
            else
            {
                cpus.Add(new CpuReference(name, span));
            }
        }

        return cpus.ToEquatableArray();
    }
}
