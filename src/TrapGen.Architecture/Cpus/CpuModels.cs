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

    /// <summary>What joins a feature to a model's name: <c>apple-m3+FEAT_D128</c>.</summary>
    public const char FeatureSeparator = '+';

    /// <summary>
    /// Finds the model called <paramref name="name"/> (any case), or null. A name may add features to a model, each after
    /// <see cref="FeatureSeparator"/> (<c>apple-m3+FEAT_SYSREG128+FEAT_D128</c>): the model then reports each one, its ID register
    /// field (features.table's first row for it) raised to the least value that means implemented, for a feature no shipped
    /// model has with the rest of that model; null when a feature is not one of features.table's.
    /// </summary>
    public static CpuModel? Find(string name)
    {
        var parts = (name ?? string.Empty).Split(FeatureSeparator);
        var model = All.FirstOrDefault(m => string.Equals(m.Name, parts[0], StringComparison.OrdinalIgnoreCase));
        return model is null || parts.Length == 1 ? model : With(model, parts.Skip(1).ToList());
    }

    /// <summary><paramref name="model"/> reporting <paramref name="features"/> as well, or null when one is unknown.</summary>
    private static CpuModel? With(CpuModel model, IReadOnlyList<string> features)
    {
        var values = model.Registers.ToDictionary(r => r.Register, r => r.Value, StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var feature in features)
        {
            var known = Features.Names.FirstOrDefault(f => string.Equals(f, feature, StringComparison.OrdinalIgnoreCase));
            if (known is null || Features.Of(known) is not { Count: > 0 } fields || RegisterFields.Find(fields[0].Register, fields[0].Field) is not { } field)
            {
                return null;
            }

            names.Add(known);
            values.TryGetValue(fields[0].Register, out var value);
            if (!fields[0].IsReportedBy(value))
            {
                values[fields[0].Register] = field.Insert(value, (ulong)fields[0].MinValue);
            }
        }

        return new CpuModel(
            model.Name + string.Concat(names.Select(n => FeatureSeparator + n)),
            model.Description + ", with " + string.Join(", ", names),
            [.. values.Select(v => (v.Key, v.Value))],
            model.Caches,
            model.ImplementationDefined,
            model.Aarch32ImplementationDefined,
            model.StoredBits);
    }

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
        var parts = (name ?? string.Empty).Split(FeatureSeparator);
        if (parts.Length > 1 && All.Any(m => string.Equals(m.Name, parts[0], StringComparison.OrdinalIgnoreCase)))
        {
            var unknown = parts.Skip(1).First(f => !Features.Names.Contains(f, StringComparer.OrdinalIgnoreCase));
            var feature = ClosestName.Find(unknown, Features.Names);
            return "unknown feature '" + unknown + "' in CPU model '" + name + "'" + (feature is null ? string.Empty : "; did you mean " + feature + "?")
                + " (a feature added to a model is one of features.table's, FEAT_X)";
        }

        return "unknown CPU model '" + name + "'" + meant + " (trapgen list --cpus lists them)";
    }
}
