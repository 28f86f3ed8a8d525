using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace TrapGen.Catalogue.Parsing;

/// <summary>
/// Reads one YAML mapping against the keys the schema allows: unknown keys are reported where they
/// stand, missing required keys at the mapping, and typed reads report wrong values at the value.
/// </summary>
internal sealed class MappingReader
{
    private readonly DiagnosticBag diagnostics;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);

    public MappingReader(DiagnosticBag diagnostics, YamlMappingNode node, string owner, params string[] allowedKeys)
        : this(diagnostics, node, owner, allowedKeys, retired: null)
    {
    }

    /// <summary>Reads the mapping; a key of <paramref name="retired"/>, one TrapGen no longer reads, gets its rule at the key, and nothing else: its value is not read.</summary>
    public MappingReader(DiagnosticBag diagnostics, YamlMappingNode node, string owner, string[] allowedKeys, IReadOnlyDictionary<string, DiagnosticRule>? retired)
    {
        this.diagnostics = diagnostics;
        Node = node;
        Owner = owner;
        foreach (var pair in node.Children)
        {
            if (pair.Key is not YamlScalarNode { Value: { } key } scalarKey)
            {
                diagnostics.Report(CatalogueRules.InvalidValue, YamlSpans.Of(pair.Key), "(complex key)", owner, "a plain key");
                continue;
            }

            if (retired is not null && retired.TryGetValue(key, out var rule))
            {
                diagnostics.Report(rule, YamlSpans.Of(pair.Key), key);
                continue;
            }

            if (!allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                diagnostics.Report(CatalogueRules.UnknownKey, YamlSpans.Of(pair.Key), key, owner, string.Join(", ", allowedKeys));
                continue;
            }

            entries[key] = (scalarKey, pair.Value);
        }
    }

    public YamlMappingNode Node { get; }

    public string Owner { get; }

    public SourceSpan Span => YamlSpans.Of(Node);

    public bool Has(string key) => entries.ContainsKey(key);

    public YamlNode? Optional(string key) => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public YamlNode? Required(string key)
    {
        var node = Optional(key);
        if (node is null)
        {
            diagnostics.Report(CatalogueRules.MissingKey, Span, Owner, key);
        }

        return node;
    }

    public SourceSpan SpanOf(string key) => entries.TryGetValue(key, out var entry) ? YamlSpans.Of(entry.Value) : Span;

    public string? String(string key, bool required)
    {
        var node = required ? Required(key) : Optional(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        diagnostics.Report(CatalogueRules.InvalidValue, YamlSpans.Of(node), Describe(node), key, "a non-empty string");
        return null;
    }

    public ulong? Number(string key, bool required, ulong min, ulong max, string rangeOwner)
    {
        var node = required ? Required(key) : Optional(key);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode scalar || !NumberParser.TryParse(scalar.Value, out var value))
        {
            diagnostics.Report(CatalogueRules.InvalidValue, YamlSpans.Of(node), Describe(node), key, "a non-negative number such as 3, 0x18 or 0b11");
            return null;
        }

        if (value < min || value > max)
        {
            diagnostics.Report(
                CatalogueRules.FieldOutOfRange,
                YamlSpans.Of(node),
                key,
                rangeOwner,
                scalar.Value ?? string.Empty,
                Format(min),
                Format(max));
            return null;
        }

        return value;
    }

    public int? Int(string key, bool required, int min, int max, string rangeOwner) =>
        (int?)Number(key, required, (ulong)min, (ulong)max, rangeOwner);

    public T? Choice<T>(string key, bool required, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var node = required ? Required(key) : Optional(key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && choices.TryGetValue(value, out var choice))
        {
            return choice;
        }

        diagnostics.Report(CatalogueRules.NoneOfTheChoices, YamlSpans.Of(node), Describe(node), key, string.Join(", ", choices.Keys));
        return null;
    }

    public YamlMappingNode? Mapping(string key, bool required) => AsMapping(required ? Required(key) : Optional(key), key);

    public YamlSequenceNode? Sequence(string key, bool required)
    {
        var node = required ? Required(key) : Optional(key);
        if (node is null or YamlSequenceNode)
        {
            return (YamlSequenceNode?)node;
        }

        diagnostics.Report(CatalogueRules.InvalidValue, YamlSpans.Of(node), Describe(node), key, "a list");
        return null;
    }

    public YamlMappingNode? AsMapping(YamlNode? node, string what)
    {
        if (node is null or YamlMappingNode)
        {
            return (YamlMappingNode?)node;
        }

        diagnostics.Report(CatalogueRules.InvalidValue, YamlSpans.Of(node), Describe(node), what, "a mapping of keys to values");
        return null;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode => "(a list)",
        YamlMappingNode => "(a mapping)",
        _ => "(a node)",
    };

    private static string Format(ulong value) => value > 0xFFFF
        ? "0x" + value.ToString("X", CultureInfo.InvariantCulture)
        : value.ToString(CultureInfo.InvariantCulture);
}
