using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TrapGen.Generators.Tests.Support;
using Xunit;

namespace TrapGen.Generators.Tests;

/// <summary>
/// The analyzers on real-world trap-handling idioms, written fresh in C# (Corpus/*.cs.txt): Linux esr.h's
/// masks, KVM's cp15 field extraction, Xen's hsr.h after the 2014 fix and an Apple-Hypervisor-style trap
/// loop must give no warning; their broken twins (Corpus/Broken/*.cs.txt) give exactly the warnings
/// marked in them, <c>{|TG1002:0x7|}</c>, at those spans.
/// </summary>
public sealed partial class AnalyzerCorpusTests
{
    public static TheoryData<string> Corpus() => [.. Files(CorpusDirectory)];

    public static TheoryData<string> BrokenCorpus() => [.. Files(Path.Combine(CorpusDirectory, "Broken"))];

    private static string CorpusDirectory => Path.Combine(TestFiles.ProjectDirectory(), "Corpus");

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Correct_real_world_code_gives_no_warning(string file)
    {
        var diagnostics = AnalyzerHarness.Diagnostics(File.ReadAllText(Path.Combine(CorpusDirectory, file)));

        Assert.True(diagnostics.Length == 0, file + ": " + string.Join("\n", diagnostics));
    }

    [Theory]
    [MemberData(nameof(BrokenCorpus))]
    public void Its_broken_twin_gives_exactly_the_marked_warnings(string file)
    {
        var (source, expected) = Parse(File.ReadAllText(Path.Combine(CorpusDirectory, "Broken", file)));
        Assert.NotEmpty(expected);

        var actual = AnalyzerHarness.Diagnostics(source).Select(d => (d.Id, Text: source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length), d.Location.SourceSpan.Start)).ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_correct_file_has_a_broken_twin()
    {
        Assert.Equal(Files(CorpusDirectory), Files(Path.Combine(CorpusDirectory, "Broken")));
    }

    private static string[] Files(string directory) => [.. Directory.GetFiles(directory, "*.cs.txt").Select(path => Path.GetFileName(path)).Order()];

    /// <summary>Removes the <c>{|ID:text|}</c> markers, returning each marked warning with the text it covers and where.</summary>
    private static (string Source, List<(string Id, string Text, int Start)> Expected) Parse(string marked)
    {
        var expected = new List<(string, string, int)>();
        var source = Marker().Replace(marked, match =>
        {
            var removedBefore = expected.Sum(e => e.Item1.Length + 5);
            expected.Add((match.Groups["id"].Value, match.Groups["text"].Value, match.Index - removedBefore));
            return match.Groups["text"].Value;
        });
        return (source, expected);
    }

    [GeneratedRegex(@"\{\|(?<id>TG\d{4}):(?<text>.*?)\|\}")]
    private static partial Regex Marker();
}
