using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrapGen.Architecture;
using TrapGen.Catalogue.Diagnostics;
using TrapGen.Catalogue.Model;
using TrapGen.Catalogue.Parsing;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>The JSON Schema editors use and the diagnostics reference must say what the code does.</summary>
public sealed class DocumentationTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(TestFiles.ProjectDirectory(), "..", ".."));

    private static JsonElement Schema => JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "schemas", "registers.schema.json"))).RootElement;

    [Fact]
    public void The_schema_allows_exactly_the_keys_the_parser_reads()
    {
        var register = At(Schema, "properties", "registers", "items");
        var alias = At(Schema, "definitions", "alias");
        AssertKeys(CatalogueKeys.Root, At(Schema, "properties"));
        AssertKeys(CatalogueKeys.TrapGroup, At(Schema, "properties", "trap_groups", "items", "properties"));
        AssertKeys(CatalogueKeys.Named, At(Schema, "definitions", "named", "properties"));
        AssertKeys(CatalogueKeys.Register, At(register, "properties"));
        AssertKeys(CatalogueKeys.Aarch64Encoding, At(register, "properties", "encoding", "properties"));
        AssertKeys(CatalogueKeys.Alias, At(alias, "properties"));
        AssertKeys(CatalogueKeys.McrEncoding, At(alias, "properties", "mcr", "properties"));
        AssertKeys(CatalogueKeys.McrrEncoding, At(alias, "properties", "mcrr", "properties"));
    }

    [Fact]
    public void The_schema_lists_exactly_the_values_the_parser_accepts()
    {
        var register = At(Schema, "properties", "registers", "items", "properties");
        Assert.Equal(CatalogueKeys.Handling.Keys.Order(), Enum(At(register, "handling")).Order());
        Assert.Equal(CatalogueKeys.Access.Keys.Order(), Enum(At(register, "access")).Order());
        Assert.Equal(CatalogueKeys.View.Keys.Order(), Enum(At(Schema, "definitions", "alias", "properties", "view")).Order());
        Assert.Equal(CatalogueKeys.Direction.Keys.Order(), Enum(At(Schema, "definitions", "traps", "additionalProperties")).Order());
        Assert.Equal(CatalogueKeys.Others.Keys.Order(), Enum(At(Schema, "properties", "trap_groups", "items", "properties", "others")).Order());
    }

    [Fact]
    public void The_analyzers_reference_documents_every_rule_with_its_title_and_severity()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "analyzers.md"));
        var rules = AnalyzerHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics).OrderBy(d => d.Id, System.StringComparer.Ordinal).ToList();
        foreach (var rule in rules)
        {
            var heading = new Regex("^## " + rule.Id + ": (.+)$", RegexOptions.Multiline).Match(text);
            Assert.True(heading.Success, "docs/analyzers.md has no '## " + rule.Id + ": ...' section");
            Assert.Equal(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), heading.Groups[1].Value.Trim());
            var section = text.Substring(heading.Index).Split("\n## ")[0];
            Assert.Contains("Severity: " + rule.DefaultSeverity.ToString().ToLowerInvariant(), section, System.StringComparison.Ordinal);
            Assert.EndsWith("docs/analyzers.md#" + rule.Id.ToLowerInvariant(), rule.HelpLinkUri, System.StringComparison.Ordinal);
            AssertAnchorBefore(text, heading, rule.HelpLinkUri);
        }

        var documented = Regex.Matches(text, @"^## (TG\d{4}):", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(rules.Select(r => r.Id), documented);
    }

    [Fact]
    public void The_diagnostics_reference_documents_every_rule_with_its_title_and_severity()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "diagnostics.md"));
        foreach (var rule in CatalogueRules.All)
        {
            var heading = new Regex("^## " + rule.Id + ": (.+)$", RegexOptions.Multiline).Match(text);
            Assert.True(heading.Success, "docs/diagnostics.md has no '## " + rule.Id + ": ...' section");
            Assert.Equal(rule.Title, heading.Groups[1].Value.Trim());
            var section = text.Substring(heading.Index).Split("\n## ")[0];
            Assert.Contains("Severity: " + rule.Severity.ToString().ToLowerInvariant(), section, System.StringComparison.Ordinal);
            AssertAnchorBefore(text, heading, rule.HelpLink);
        }

        var documented = Regex.Matches(text, @"^## (TG\d{4}):", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(CatalogueRules.All.Select(r => r.Id), documented);
    }

    /// <summary>
    /// A help link's fragment (<c>#tg0017</c>) is not the anchor GitHub makes of the heading
    /// (<c>#tg0017-trap-group-lacks-…</c>), so each heading has an explicit anchor just before it.
    /// </summary>
    private static void AssertAnchorBefore(string text, Match heading, string helpLink)
    {
        var fragment = helpLink.Substring(helpLink.LastIndexOf('#') + 1);
        var before = text.Substring(0, heading.Index).TrimEnd().Split('\n')[^1];
        Assert.Equal("<a id=\"" + fragment + "\"></a>", before);
    }

    [Fact]
    public void The_release_tracking_files_list_every_rule_as_the_code_defines_it()
    {
        var directory = Path.Combine(Root, "src", "TrapGen.Catalogue");
        var rows = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(directory, file)))
            .Where(line => Regex.IsMatch(line, @"^TG\d{4} \|"))
            .Select(line => string.Join(" | ", line.Split('|').Select(cell => cell.Trim())))
            .ToList();

        var expected = CatalogueRules.All.Select(r => r.Id + " | " + DiagnosticRule.Category + " | " + r.Severity + " | " + r.Title);
        Assert.Equal(expected, rows);
    }

    /// <summary>Follows <paramref name="path"/> from <paramref name="element"/>, and any schema reference it meets on the way.</summary>
    private static JsonElement At(JsonElement element, params string[] path) =>
        path.Aggregate(element, (current, key) => Dereference(current.GetProperty(key)));

    /// <summary>What a <c>$ref</c> schema refers to (a <c>#/definitions/</c> entry), or <paramref name="schema"/> itself.</summary>
    private static JsonElement Dereference(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
            ? Dereference(At(Schema, reference.GetString()!.Split('/').Skip(1).ToArray()))
            : schema;

    private static string[] Enum(JsonElement element) => At(element, "enum").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static void AssertKeys(string[] expected, JsonElement properties) =>
        Assert.Equal(expected.Order(), properties.EnumerateObject().Select(p => p.Name).Order());
}
