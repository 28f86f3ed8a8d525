using System.Collections.Generic;
using TrapGen.Architecture;
using TrapGen.Catalogue.Collections;
using TrapGen.Catalogue.Model;
using YamlDotNet.RepresentationModel;

namespace TrapGen.Catalogue.Parsing;

/// <summary>A sanitised register's <c>fields:</c>.</summary>
internal sealed partial class CatalogueParser
{
    /// <summary>
    /// Reads <c>fields: { PMUVer: 0, Custom: { lsb: 40, width: 4, value: 1 } }</c>: a field written with its
    /// value alone takes its position from the architecture's field table (under its architectural name);
    /// one written with lsb and width declares it. The validator checks names, positions and values.
    /// </summary>
    private EquatableArray<FieldOverride> ParseFieldOverrides(MappingReader reader, string? registerName, string? architecturalName)
    {
        if (reader.Mapping("fields", required: false) is not { } node)
        {
            return EquatableArray<FieldOverride>.Empty;
        }

        var owner = "fields of " + (registerName ?? "a register");
        var overrides = new List<FieldOverride>();
        foreach (var pair in node.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                diagnostics.Report(Diagnostics.CatalogueRules.InvalidValue, YamlSpans.Of(pair.Key), MappingReader.Describe(pair.Key), owner, "a field name");
                continue;
            }

            if (pair.Value is YamlMappingNode declared)
            {
                var field = new MappingReader(diagnostics, declared, owner + "." + name, CatalogueKeys.DeclaredField);
                var lsb = field.Int("lsb", required: true, 0, 63, owner + "." + name);
                var width = field.Int("width", required: true, 1, 64, owner + "." + name);
                var value = field.Number("value", required: true, 0, ulong.MaxValue, owner + "." + name);
                if (lsb is { } l && width is { } w && value is { } v)
                {
                    overrides.Add(new FieldOverride(new BitField(name, l, w), name, v, Declared: true, YamlSpans.Of(pair.Key), field.SpanOf("value")));
                }

                continue;
            }

            if (pair.Value is not YamlScalarNode { Value: { } text } || !NumberParser.TryParse(text, out var number))
            {
                diagnostics.Report(
                    Diagnostics.CatalogueRules.InvalidValue, YamlSpans.Of(pair.Value), MappingReader.Describe(pair.Value), owner + "." + name,
                    "the value the guest reads in the field (a number such as 0 or 0x1), or { lsb, width, value } for a field the architecture's table lacks");
                continue;
            }

            var architectural = architecturalName is null ? null : RegisterFields.Find(architecturalName, name);
            overrides.Add(new FieldOverride(architectural, name, number, Declared: false, YamlSpans.Of(pair.Key), YamlSpans.Of(pair.Value)));
        }

        return overrides.ToEquatableArray();
    }
}
