using System;
using System.Collections.Generic;
using System.Linq;

namespace TrapGen.Architecture;

/// <summary>
/// Tables/features.table: which ID register field reports each Arm architecture feature. Generated at build
/// time (<c>All</c>); this part adds the lookups.
/// </summary>
public static partial class Features
{
    /// <summary>Gets every row, in table order.</summary>
    public static IReadOnlyList<FeatureField> All { get; } = CreateAll();

    private static readonly ILookup<string, FeatureField> ByName = All.ToLookup(f => f.Feature, StringComparer.Ordinal);

    /// <summary>Gets every feature the table names.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Feature).Distinct(StringComparer.Ordinal)];

    /// <summary>Gets the fields that report <paramref name="feature"/> (any of them is enough); empty for a feature the table lacks.</summary>
    public static IReadOnlyList<FeatureField> Of(string feature) => [.. ByName[feature ?? string.Empty]];
}
