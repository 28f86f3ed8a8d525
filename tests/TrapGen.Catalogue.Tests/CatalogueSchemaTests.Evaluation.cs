using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using TrapGen.Catalogue;
using TrapGen.Catalogue.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrapGen.Catalogue.Tests;

/// <summary>A catalogue through the schema: YAML to the JSON a language server builds, and the errors that make it invalid.</summary>
public sealed partial class CatalogueSchemaTests
{
    /// <summary>
    /// The JSON a YAML language server builds from <paramref name="yaml"/>, with numbers read as the parser
    /// reads them. Plain scalars: null (empty, ~, null), YAML 1.2 booleans (true, True, TRUE, false, ...),
    /// every number the parser's <see cref="NumberParser"/> reads (24, 0x18, 0b11000, 0x30d0_0800) as an
    /// integer, other YAML integers (negative) and floats as numbers, anything else as a string. Quoted and
    /// block scalars, and scalars with an explicit tag, are strings.
    /// </summary>
    private static JsonElement ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
        using var document = JsonDocument.Parse(root?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? string.Empty, Convert(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new ArgumentException("Unexpected YAML node " + node.GetType().Name, nameof(node)),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text[0] is 't' or 'T');
        }

        if (NumberParser.TryParse(text, out var number))
        {
            return JsonValue.Create(number);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed))
        {
            return JsonValue.Create(signed);
        }

        return YamlFloat().IsMatch(text)
            ? JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture))
            : JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();

    private static EvaluationResults Validate(string yaml) =>
        Schema.Value.Evaluate(ToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });

    /// <summary>
    /// The errors that make <paramref name="results"/> invalid: each invalid schema's own errors and those of
    /// its invalid subschemas, leaving out a valid subschema's (an anyOf branch that was not taken), an
    /// <c>if</c>'s (a condition that does not hold is no error) and those under a <c>not</c> (they are what
    /// lets it pass). An invalid schema that explains itself no further, a failed <c>not</c>, is one error.
    /// </summary>
    private static List<SchemaError> Errors(EvaluationResults results)
    {
        var errors = new List<SchemaError>();
        Collect(results, errors);
        return errors;
    }

    private static void Collect(EvaluationResults node, List<SchemaError> errors)
    {
        if (node.IsValid)
        {
            return;
        }

        var before = errors.Count;
        var location = node.InstanceLocation.ToString();
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add(new SchemaError(location, keyword.Length == 0 ? "false" : keyword, message));
        }

        var subschemas = node.Details ?? [];
        foreach (var subschema in subschemas.Where(s => Keyword(s) is not ("if" or "not")))
        {
            Collect(subschema, errors);
        }

        if (errors.Count == before)
        {
            errors.Add(subschemas.Any(s => s.IsValid && Keyword(s) == "not")
                ? new SchemaError(location, "not", "the value matches the schema under 'not'")
                : new SchemaError(location, "(none)", "invalid, with no error message"));
        }
    }

    /// <summary>The keyword that evaluated <paramref name="node"/>: the last segment of its evaluation path.</summary>
    private static string Keyword(EvaluationResults node) => node.EvaluationPath.ToString().Split('/')[^1];

    private static string Describe(CatalogueLoadResult loaded) =>
        loaded.Diagnostics.Count == 0 ? "(no diagnostics)" : string.Join("\n", loaded.Diagnostics.Select(d => d.ToString("registers.yaml")));

    /// <summary>One schema error: where in the catalogue, which keyword, and its message.</summary>
    private sealed record SchemaError(string Location, string Keyword, string Message)
    {
        /// <summary>Whether the error is at <paramref name="property"/> (a segment of its location) or quotes it (a missing required key).</summary>
        public bool Mentions(string property) =>
            Location.Split('/').Contains(property, StringComparer.Ordinal)
            || Message.Contains("\"" + property + "\"", StringComparison.Ordinal);

        public override string ToString() => Location + ": " + Keyword + ": " + Message;
    }
}
