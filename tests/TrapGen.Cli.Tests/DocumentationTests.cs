using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace TrapGen.Cli.Tests;

/// <summary>The <c>decode</c> and <c>encode</c> examples in docs/cli.md are what the tool prints.</summary>
public sealed partial class DocumentationTests
{
    public static IEnumerable<object[]> Examples() =>
        Example().Matches(File.ReadAllText(Path.Combine(Cli.RepositoryRoot, "docs", "cli.md")))
            .Select(m => new object[] { m.Groups["command"].Value, m.Groups["output"].Value });

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_is_what_trapgen_prints(string commandLine, string expected)
    {
        var (exitCode, output, error) = Cli.Run(Arguments(commandLine));

        Assert.True(exitCode == 0, error);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void The_documentation_has_examples_to_check() => Assert.True(Examples().Count() >= 2);

    /// <summary>Splits a shell command line: words, and single-quoted strings.</summary>
    private static string[] Arguments(string commandLine) =>
        Word().Matches(commandLine).Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Value).ToArray();

    [GeneratedRegex(@"```\n\$ trapgen (?<command>(?:decode|encode) [^\n]+)\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    [GeneratedRegex(@"'(?<quoted>[^']*)'|\S+")]
    private static partial Regex Word();
}
