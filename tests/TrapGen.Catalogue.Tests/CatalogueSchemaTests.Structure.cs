using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TrapGen.Architecture;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using TrapGen.Catalogue.Validation;
using Xunit;

namespace TrapGen.Catalogue.Tests;

/// <summary>The schema's structure against the parser's: its keys, enumerations, ranges, identifiers and types.</summary>
public sealed partial class CatalogueSchemaTests
{
    /// <summary>Number texts, some the parser reads and some it does not.</summary>
    private static readonly string[] NumberSamples =
    [
        "0", "24", "0x18", "0X18", "0b11000", "0B1", "0x30d0_0800", "_3_", "1_000", "007", " 5 ", "0x", "0b", "0b2", "0xg", "x18",
        "-1", "+1", "1.5", "1e3", "0o17", "three", string.Empty, "_", "0_x_1_8",
    ];

    [Fact]
    public void The_schemas_keys_enumerations_and_ranges_are_the_parsers()
    {
        var root = SchemaDocument.Value;
        AssertMapping(root, CatalogueKeys.Root, "registers");
        Assert.Equal((1UL, 1UL), Range(Property(root, "version")));

        // The layouts are the architecture's: a catalogue does not write them, and the schema has no place for them.
        Assert.Null(root["properties"]!["syndrome"]);
        Assert.DoesNotContain("syndrome", SchemaText.Value, StringComparison.Ordinal);

        var group = Items(Property(root, "trap_groups"));
        AssertMapping(group, CatalogueKeys.TrapGroup, "name");
        Assert.Equal((0UL, 63UL), Range(Property(group, "hcr_bit")));
        AssertMapping(Items(Property(root, "hooks")), CatalogueKeys.Named, "name");
        AssertMapping(Items(Property(root, "emulators")), CatalogueKeys.Named, "name");

        var register = Items(Property(root, "registers"));
        AssertMapping(register, CatalogueKeys.Register, "name", "handling");
        Assert.Equal(CatalogueKeys.Handling.Keys.Order(StringComparer.Ordinal), Strings(Property(register, "handling")["enum"]).Order(StringComparer.Ordinal));
        Assert.Equal(CatalogueKeys.Access.Keys.Order(StringComparer.Ordinal), Strings(Property(register, "access")["enum"]).Order(StringComparer.Ordinal));
        Assert.Equal((0UL, ulong.MaxValue), Range(Property(register, "reset")));
        AssertEncoding(Property(register, "encoding"), CatalogueKeys.Aarch64Encoding, TrapClasses.Msr);

        var alias = Definition("alias");
        AssertMapping(alias, CatalogueKeys.Alias, "name");
        Assert.Equal(CatalogueKeys.View.Keys.Order(StringComparer.Ordinal), Strings(Property(alias, "view")["enum"]).Order(StringComparer.Ordinal));
        AssertEncoding(Property(alias, "mcr"), CatalogueKeys.McrEncoding, TrapClasses.Mcr);
        AssertEncoding(Property(alias, "mcrr"), CatalogueKeys.McrrEncoding, TrapClasses.Mcrr);
        Assert.Equal(CatalogueKeys.Direction.Keys.Order(StringComparer.Ordinal), Strings(Definition("direction")["enum"]).Order(StringComparer.Ordinal));

        // Booleans and widths are read from their text: the schema takes the YAML values and the quoted text.
        var booleans = Definition("boolean")["enum"]!.AsArray();
        Assert.Equal(CatalogueKeys.Booleans.Keys.Order(StringComparer.Ordinal), Strings(booleans).Order(StringComparer.Ordinal));
        Assert.Equal(CatalogueKeys.Booleans.Values.Order(), booleans.Where(v => v!.GetValueKind() is JsonValueKind.True or JsonValueKind.False).Select(v => v!.GetValue<bool>()).Order());
        var widths = Property(register, "width")["enum"]!.AsArray();
        Assert.Equal(CatalogueKeys.Widths.Keys.Order(StringComparer.Ordinal), Strings(widths).Order(StringComparer.Ordinal));
        Assert.Equal(CatalogueKeys.Widths.Values.Order(), widths.Where(v => v!.GetValueKind() == JsonValueKind.Number).Select(v => v!.GetValue<int>()).Order());
    }

    [Fact]
    public void The_schemas_cpu_models_are_the_architectures_in_table_order()
    {
        var cpus = Property(SchemaDocument.Value, "cpus");

        Assert.Equal(CpuModels.All.Select(m => m.Name), Strings(Items(cpus)["enum"]));
        Assert.Equal(1, cpus["minItems"]!.GetValue<int>());
        Assert.True(cpus["uniqueItems"]!.GetValue<bool>());
    }

    [Fact]
    public void The_schemas_trap_controls_are_the_architectures_hcr_el2_bits()
    {
        var rules = Items(Property(SchemaDocument.Value, "trap_groups"))["allOf"]!.AsArray().Select(rule => rule!.AsObject()).ToList();
        var controls = TrapControls.All.Where(c => c.Register == HcrEl2.Name).ToList();

        // A name that is no control (and not qualified) needs hcr_bit; another register's control (TDA, or qualified:
        // MDCR_EL2.TDA, HFGRTR_EL2.nPIR_EL1) has none; an HCR_EL2 control's hcr_bit, written as an integer, is its bit.
        Assert.Equal(controls.Count + 3, rules.Count);
        var others = rules[0];
        Assert.Equal(TrapControls.All.Select(c => c.Name).Order(StringComparer.Ordinal), Strings(others["if"]!["properties"]!["name"]!["not"]!["enum"]).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "hcr_bit" }, Strings(others["then"]!["required"]));
        var elsewhere = rules[1];
        Assert.Equal(
            TrapControls.All.Where(c => c.Register != HcrEl2.Name).Select(c => c.Name).Order(StringComparer.Ordinal),
            Strings(elsewhere["if"]!["properties"]!["name"]!["enum"]).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "hcr_bit" }, Strings(elsewhere["then"]!["not"]!["required"]));
        var qualified = new Regex(rules[2]["if"]!["properties"]!["name"]!["pattern"]!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.All(TrapControls.QualifiedNames, name => Assert.Equal(!name.StartsWith(HcrEl2.Name + ".", StringComparison.Ordinal), qualified.IsMatch(name)));
        Assert.DoesNotMatch(qualified, "TDA");
        Assert.Equal(new[] { "hcr_bit" }, Strings(rules[2]["then"]!["not"]!["required"]));
        var bits = rules.Skip(3).ToDictionary(
            rule => rule["if"]!["properties"]!["name"]!["const"]!.GetValue<string>(),
            rule => Range(rule["then"]!["properties"]!["hcr_bit"]!.AsObject()));
        Assert.Equal(
            controls.ToDictionary(c => c.Name, c => ((ulong)c.Bit, (ulong)c.Bit)).OrderBy(p => p.Key, StringComparer.Ordinal),
            bits.OrderBy(p => p.Key, StringComparer.Ordinal));

        // The name's description lists them too, in the table's order: the third place the schema writes them.
        var description = Items(Property(SchemaDocument.Value, "trap_groups"))["properties"]!["name"]!["description"]!.GetValue<string>();
        Assert.Contains("(" + string.Join(", ", controls.Select(c => c.Name)) + ")", description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schemas_qualified_control_names_are_every_controls()
    {
        var pattern = new Regex(Definition("qualifiedControl")["pattern"]!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1));

        Assert.All(TrapControls.QualifiedNames, name => Assert.Matches(pattern, name));
        Assert.DoesNotMatch(pattern, "TDA");
        Assert.DoesNotMatch(pattern, "MDCR_EL2.TDA.X");
    }

    [Fact]
    public void The_schemas_identifiers_are_the_validators()
    {
        var identifier = Definition("identifier");
        var keywords = Strings(identifier["not"]!["enum"]).ToHashSet(StringComparer.Ordinal);
        var validatorKeywords = (IEnumerable<string>)typeof(CSharpIdentifier).GetField("Keywords", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        Assert.Equal(validatorKeywords.Order(StringComparer.Ordinal), keywords.Order(StringComparer.Ordinal));
        var pattern = new Regex(identifier["pattern"]!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1));
        foreach (var name in new[] { "FAR_EL1", "_", "x9", "9x", "CONTEXT-IDR", "Ünïcode", string.Empty, "class", "Class" })
        {
            Assert.Equal(CSharpIdentifier.IsValid(name), pattern.IsMatch(name) && !keywords.Contains(name));
        }
    }

    [Fact]
    public void Every_object_in_the_schema_says_it_is_one_and_allows_no_other_keys()
    {
        var objects = Descendants(SchemaDocument.Value).OfType<JsonObject>().Where(o => o.ContainsKey("additionalProperties")).ToList();

        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.Equal("object", o["type"]?.GetValue<string>()));
        Assert.All(objects.Where(o => o.ContainsKey("properties")), o => Assert.False(o["additionalProperties"]!.GetValue<bool>(), o.ToJsonString()));
    }

    /// <summary>
    /// Every schema that describes a value says its type: the root, each definition, each property's,
    /// item's, additional property's and alternative's schema. Draft-07 ignores the keywords beside a
    /// <c>$ref</c>, so a bare reference is the one exception; what it refers to is a definition, which has one.
    /// </summary>
    [Fact]
    public void Every_value_in_the_schema_says_its_type_and_its_values_are_of_it()
    {
        var values = ValueSchemas().ToList();

        Assert.True(values.Count > 50, values.Count + " values");
        foreach (var value in values.Where(v => !(v.Count == 1 && v.ContainsKey("$ref"))))
        {
            Assert.True(value["type"] is not null, "no type: " + value.ToJsonString());
            var types = value["type"] is JsonArray array ? Strings(array).ToList() : [value["type"]!.GetValue<string>()];
            Assert.Subset(new HashSet<string>(["object", "array", "string", "integer", "number", "boolean", "null"], StringComparer.Ordinal), types.ToHashSet(StringComparer.Ordinal));
            foreach (var listed in value["enum"]?.AsArray() ?? [])
            {
                var kind = TypeOf(listed);
                Assert.True(types.Contains(kind) || (kind == "integer" && types.Contains("number")), kind + " " + listed?.ToJsonString() + " in " + value.ToJsonString());
            }
        }
    }

    [Fact]
    public void The_number_pattern_takes_exactly_the_strings_the_parser_reads()
    {
        var pattern = new Regex(Definition("number")["pattern"]!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1));
        foreach (var sample in NumberSamples)
        {
            Assert.True(NumberParser.TryParse(sample, out _) == pattern.IsMatch(sample), "'" + sample + "'");
        }
    }

    [Fact]
    public void The_version_pattern_takes_exactly_the_strings_the_parser_reads_as_1()
    {
        var pattern = new Regex(Property(SchemaDocument.Value, "version")["pattern"]!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1));
        foreach (var sample in NumberSamples.Concat(["1", "01", "0x1", "0X01", "0b1", "0b0_1", "1_", "_1", " 1 ", "0x_1", "10", "0x10", "11", "0b10", "2"]))
        {
            Assert.True((NumberParser.TryParse(sample, out var value) && value == 1) == pattern.IsMatch(sample), "'" + sample + "'");
        }
    }

    private static JsonObject Resolve(JsonNode? node)
    {
        var schema = node!.AsObject();
        if (schema["$ref"] is { } reference)
        {
            return Definition(reference.GetValue<string>()["#/definitions/".Length..]);
        }

        // A described reference: { "description": ..., "allOf": [ { "$ref": ... } ] }, and nothing else.
        return schema["allOf"] is JsonArray { Count: 1 } only && only[0]!["$ref"] is not null
            && schema.All(p => p.Key is "description" or "type" or "default" or "allOf")
            ? Resolve(only[0])
            : schema;
    }

    private static JsonObject Definition(string name) => SchemaDocument.Value["definitions"]![name]!.AsObject();

    private static JsonObject Property(JsonObject schema, string key) => Resolve(schema["properties"]![key]);

    private static JsonObject Items(JsonObject array) => Resolve(array["items"]);

    private static IEnumerable<string> Strings(JsonNode? array) =>
        array!.AsArray().Where(v => v!.GetValueKind() == JsonValueKind.String).Select(v => v!.GetValue<string>());

    private static (ulong Minimum, ulong Maximum) Range(JsonObject number) =>
        (number["minimum"]!.GetValue<ulong>(), number["maximum"]!.GetValue<ulong>());

    private static void AssertMapping(JsonObject schema, string[] keys, params string[] required)
    {
        Assert.Equal("object", schema["type"]?.GetValue<string>());
        Assert.False(schema["additionalProperties"]?.GetValue<bool>() ?? true, "additionalProperties must be false: " + string.Join(", ", keys));
        Assert.Equal(keys.Order(StringComparer.Ordinal), schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(required.Order(StringComparer.Ordinal), Strings(schema["required"]).Order(StringComparer.Ordinal));
    }

    private static void AssertEncoding(JsonObject schema, string[] keys, TrapClass trapClass)
    {
        AssertMapping(schema, keys, keys);
        foreach (var key in keys)
        {
            var field = CatalogueKeys.FieldName(key);
            Assert.Equal(((ulong)CatalogueKeys.MinimumEncodingValue(trapClass, field), trapClass.Iss.Field(field).MaxValue), Range(Property(schema, key)));
        }
    }

    /// <summary>
    /// The root, each definition, and below them each property's, item's, additional property's, property
    /// name's and alternative's schema: every schema that describes a value. The refinements under allOf,
    /// if, then, else and not add rules to a value already described.
    /// </summary>
    private static IEnumerable<JsonObject> ValueSchemas()
    {
        var root = SchemaDocument.Value;
        var pending = new Stack<JsonObject>([root, .. root["definitions"]!.AsObject().Select(p => p.Value!.AsObject())]);
        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            yield return schema;
            var children = (schema["properties"]?.AsObject().Select(p => p.Value) ?? [])
                .Concat([schema["items"], schema["additionalProperties"], schema["propertyNames"]])
                .Concat(schema["anyOf"]?.AsArray() ?? []);
            foreach (var child in children.OfType<JsonObject>())
            {
                pending.Push(child);
            }
        }
    }

    private static string TypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0 ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        var pending = new Stack<JsonNode>([node]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            IEnumerable<JsonNode?> children = current switch
            {
                JsonObject o => o.Select(p => p.Value),
                JsonArray a => a.AsEnumerable(),
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>())
            {
                pending.Push(child);
            }
        }
    }
}
