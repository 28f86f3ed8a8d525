using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>
/// <c>trapgen decode</c> against a table of ESRs whose fields were worked out by hand from the Arm ARM
/// (Fixtures/esr-examples.tsv): every exception class TrapGen has a layout for, the fault status codes,
/// ISS2, and the words a reader needs ("a write of a doubleword", "Translation fault, level 2").
/// </summary>
public sealed class EsrExampleTests
{
    public sealed record Example(string Esr, string Ec, IReadOnlyList<(string Field, ulong Value)> Fields, IReadOnlyList<string> Words)
    {
        public override string ToString() => Esr;
    }

    public static TheoryData<Example> Examples()
    {
        var data = new TheoryData<Example>();
        foreach (var line in File.ReadAllLines(Path.Combine(Cli.RepositoryRoot, "tests", "TrapGen.Cli.Tests", "Fixtures", "esr-examples.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("esr\t", StringComparison.Ordinal))
            {
                continue;
            }

            var columns = line.Split('\t');
            var fields = columns[2].Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('='))
                .Select(pair => (pair[0], Number(pair[1])))
                .ToList();
            data.Add(new Example(columns[0], columns[1], fields, columns[3].Split(';', StringSplitOptions.RemoveEmptyEntries)));
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_layout_of_the_architecture()
    {
        var examples = ((IEnumerable<object[]>)Examples()).Select(row => (Example)row[0]).ToList();
        var ecs = examples.Select(example => Convert.ToInt32(example.Ec, 16)).ToHashSet();

        Assert.True(examples.Count >= 40);
        Assert.All(TrapGen.Architecture.Layouts.Syndromes, layout => Assert.Contains(layout.ExceptionClasses, ecs.Contains));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Decode_gives_the_fields_and_words_the_arm_arm_gives(Example example)
    {
        var (exitCode, json, error) = Cli.Run("decode", "--json", example.Esr);
        var (_, text, _) = Cli.Run("decode", example.Esr);
        Assert.True(exitCode == 0, error);
        var decoded = JsonDocument.Parse(json).RootElement;

        Assert.Equal(example.Ec, decoded.GetProperty("ec").GetString());
        var fields = decoded.GetProperty("fields").EnumerateArray().Select(f => (Name: f.GetProperty("name").GetString()!, Value: f.GetProperty("value").GetUInt64()))
            .Concat(decoded.GetProperty("iss2Fields").EnumerateArray().Select(f => (Name: "ISS2." + f.GetProperty("name").GetString(), Value: f.GetProperty("value").GetUInt64())))
            .ToDictionary(f => f.Name, f => f.Value);
        foreach (var (field, value) in example.Fields)
        {
            if (fields.TryGetValue(field, out var actual))
            {
                Assert.True(value == actual, example.Esr + ": " + field + " is " + actual + ", not " + value);
                continue;
            }

            // A field decode leaves out does not apply to this syndrome (FnV outside a synchronous External
            // abort): its bits are RES0, so the table may only say 0 for it.
            var esr = Number(example.Esr);
            var layout = TrapGen.Architecture.Layouts.IssOf((int)TrapGen.Architecture.Layouts.Esr.EC.Extract(esr))!;
            var bits = layout.FindField(field);
            Assert.True(bits is not null && !layout.Applies(bits, TrapGen.Architecture.Layouts.Esr.ISS.Extract(esr)), example.Esr + " decodes no " + field + ": " + string.Join(", ", fields.Keys));
            Assert.Equal(0UL, value);
            Assert.Equal(0UL, bits!.Extract(TrapGen.Architecture.Layouts.Esr.ISS.Extract(esr)));
        }

        foreach (var word in example.Words)
        {
            Assert.True(text.Contains(word, StringComparison.OrdinalIgnoreCase), example.Esr + " does not say '" + word + "':\n" + text);
        }
    }

    private static ulong Number(string text) => text.StartsWith("0x", StringComparison.Ordinal)
        ? ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : ulong.Parse(text, CultureInfo.InvariantCulture);
}
