using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TrapGen.Generators.Tests.Support;

/// <summary>
/// The files of README.md's walkthrough ("Using the generator in your own project"): each fenced block
/// right after an <c>&lt;!-- walkthrough: NAME --&gt;</c> comment, by NAME. The block named
/// <c>output</c> is what the walkthrough's program prints.
/// </summary>
internal static partial class ReadmeWalkthrough
{
    public const string Output = "output";

    public static IReadOnlyDictionary<string, string> Read(string readmePath)
    {
        var text = File.ReadAllText(readmePath).Replace("\r\n", "\n", System.StringComparison.Ordinal);
        return Block().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value + "\n");
    }

    [GeneratedRegex(@"^<!-- walkthrough: (?<name>\S+) -->\n```[a-z]*\n(?<body>.*?)\n```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
