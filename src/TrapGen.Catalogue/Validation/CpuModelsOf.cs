using System.Collections.Generic;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;

namespace TrapGen.Catalogue.Validation;

/// <summary>The CPU models a catalogue names under <c>cpus:</c> (the parser kept only known ones, each once).</summary>
internal static class CpuModelsOf
{
    /// <summary>Gets the models <paramref name="catalogue"/> is written for, in its order; empty when it names none.</summary>
    public static IReadOnlyList<CpuModel> Catalogue(RegisterCatalogue catalogue) =>
        [.. catalogue.Cpus.Select(cpu => CpuModels.Find(cpu.Name)).OfType<CpuModel>()];
}
