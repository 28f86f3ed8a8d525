using System;
using System.IO;
using System.Linq;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace TrapGen.Generators.Tests.Support;

/// <summary>
/// Golden-file assertions named as Verify names them (<c>Class.Method#hint.verified.cs</c>), so moving to
/// Verify later is a rename of nothing. A mismatch writes <c>.received.cs</c> beside the snapshot and fails;
/// <c>TRAPGEN_ACCEPT_SNAPSHOTS=1</c> accepts instead, except under <c>CI=true</c>, where a missing
/// snapshot always fails.
/// </summary>
internal static class Snapshot
{
    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static bool Accept => !IsCi && Environment.GetEnvironmentVariable("TRAPGEN_ACCEPT_SNAPSHOTS") == "1";

    public static void Match(string testClass, string testMethod, string hintName, string actual)
    {
        var stem = Path.GetFileNameWithoutExtension(hintName);
        var extension = Path.GetExtension(hintName);
        var directory = Path.Combine(TestFiles.ProjectDirectory(), "Snapshots");
        var baseName = testClass + "." + testMethod + "#" + stem;
        var verified = Path.Combine(directory, baseName + ".verified" + extension);
        var received = Path.Combine(directory, baseName + ".received" + extension);
        var normalized = Normalize(actual);

        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == normalized)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(directory);
        if (Accept)
        {
            File.WriteAllText(verified, normalized, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized, new UTF8Encoding(false));
        var message = File.Exists(verified)
            ? "Snapshot mismatch for " + baseName + ":\n" + Diff(Normalize(File.ReadAllText(verified)), normalized)
            : "Missing snapshot " + verified + ".";
        Assert.Fail(message + "\nReview " + received + "; to accept, run the tests with TRAPGEN_ACCEPT_SNAPSHOTS=1 (ignored when CI=true).");
    }

    /// <summary>LF line endings, no trailing spaces, and the version scrubbed.</summary>
    public static string Normalize(string text) => string.Join(
        "\n",
        text.Replace("\r\n", "\n").Split('\n').Select(line => line.TrimEnd()))
        .Replace("\"TrapGen\", \"" + RegisterCatalogueGenerator.Version + "\"", "\"TrapGen\", \"{version}\"");

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var changed = diff.Lines
            .Select((line, i) => (line, i))
            .Where(pair => pair.line.Type != ChangeType.Unchanged)
            .Take(40)
            .Select(pair => (pair.line.Type == ChangeType.Inserted ? "+ " : "- ") + (pair.i + 1) + ": " + pair.line.Text);
        return string.Join("\n", changed);
    }
}
