using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using TrapGen.Architecture;
using TrapGen.Decoding;

namespace TrapGen.Cli.Catalogues;

/// <summary>
/// The CPU models as <c>trapgen list --cpus --json</c> prints them: each model's identification, its counts,
/// its features, its identification registers' values, its caches and its IMPLEMENTATION DEFINED registers.
/// A contract like <see cref="CatalogueListing"/> (docs/cli.md): fields are added, never renamed.
/// </summary>
/// <param name="Default">The model a guest runs on unless it names another.</param>
/// <param name="Cpus">Every model, in table order.</param>
internal sealed record CpuListing(string Default, IReadOnlyList<CpuModelListing> Cpus)
{
    public static CpuListing Create() => new(CpuModels.DefaultName, [.. CpuModels.All.Select(CpuModelListing.From)]);
}

/// <summary>One CPU model; 64-bit values are strings of hexadecimal digits with 0x.</summary>
internal sealed record CpuModelListing(
    string Name,
    string Description,
    string Midr,
    [property: JsonPropertyName("aarch32El1")] bool Aarch32El1,
    int Breakpoints,
    int ContextBreakpoints,
    int Watchpoints,
    int EventCounters,
    IReadOnlyList<string> Features,
    IReadOnlyList<CpuRegisterValue> Registers,
    IReadOnlyList<CpuCacheListing> Caches,
    IReadOnlyList<CpuImplementationDefined> ImplementationDefined)
{
    public static CpuModelListing From(CpuModel model)
    {
        var ccidx = model.Has("FEAT_CCIDX");
        return new CpuModelListing(
            model.Name,
            model.Description,
            Hex.Word((uint)(model.ValueOf("MIDR_EL1") ?? 0)),
            model.HasAarch32El1,
            model.Breakpoints,
            model.ContextBreakpoints,
            model.Watchpoints,
            model.EventCounters,
            [.. model.FeatureNames.OrderBy(f => f, System.StringComparer.Ordinal)],
            [.. model.Registers.Select(r => new CpuRegisterValue(r.Register, "0x" + r.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture)))],
            [.. model.Caches.Select(c => new CpuCacheListing(c.Level, c.Kind.ToString().ToLowerInvariant(), "0x" + c.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture), c.LineBytes, c.Ways(ccidx), c.Sets(ccidx), c.Describe(ccidx)))],
            [
                .. model.ImplementationDefined.Select(r => new CpuImplementationDefined(r.Name, r.Encoding.ToString())),
                .. model.Aarch32ImplementationDefined.Select(r => new CpuImplementationDefined(r.Name, r.Encoding.FormName.ToLowerInvariant() + " " + r.Encoding.Operands())),
            ]);
    }
}

/// <summary>An identification register's value on a model: <c>MIDR_EL1</c>, <c>0x411fd070</c>.</summary>
internal sealed record CpuRegisterValue(string Register, string Value);

/// <summary>A cache of a model, with its CCSIDR_EL1 value and the geometry it encodes.</summary>
internal sealed record CpuCacheListing(int Level, string Kind, string Ccsidr, int LineBytes, int Ways, int Sets, string Summary);

/// <summary>An IMPLEMENTATION DEFINED register of a model, with its TRM name and its encoding.</summary>
internal sealed record CpuImplementationDefined(string Name, string Encoding);
