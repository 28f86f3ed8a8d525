using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// The CPU models of Tables/cpu-models.table. Generated at build time (<c>All</c>, in table order); this part
/// adds the lookups.
/// </summary>
public static partial class CpuModels
{
    /// <summary>The model a guest runs on unless it names another: QEMU's cortex-a57, whose values registers.yaml's ID registers have.</summary>
    public const string DefaultName = "cortex-a57";

    /// <summary>Gets every model, in table order.</summary>
    public static IReadOnlyList<CpuModel> All { get; } = CreateAll();

    /// <summary>Gets the default model (<see cref="DefaultName"/>).</summary>
    public static CpuModel Default => Find(DefaultName)!;

    /// <summary>Finds the model called <paramref name="name"/> (any case), or null.</summary>
    public static CpuModel? Find(string name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Says, in one sentence, that no model is called <paramref name="name"/>, with the closest ones and where the list is.</summary>
    public static string Unknown(string name)
    {
        var closest = ClosestName.FindAll(name ?? string.Empty, All.Select(m => m.Name));
        if (closest.Count == 0 && !string.IsNullOrEmpty(name))
        {
            // A model's short name (a53, n1): the models whose names end in it.
            closest = [.. All.Select(m => m.Name).Where(m => m.EndsWith("-" + name, StringComparison.OrdinalIgnoreCase))];
        }

        var meant = closest.Count switch
        {
            0 => string.Empty,
            1 => "; did you mean " + closest[0] + "?",
            _ => "; did you mean " + string.Join(", ", closest.Take(closest.Count - 1)) + " or " + closest[closest.Count - 1] + "?",
        };
        return "unknown CPU model '" + name + "'" + meant + " (trapgen list --cpus lists them)";
    }
}
