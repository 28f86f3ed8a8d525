using System;
using System.IO;
using System.Linq;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace TrapGen.Testing;

/// <summary>
/// Golden-file assertions named as Verify names them (<c>Class.Method#hint.verified.cs</c>), so moving to
/// Verify later is a rename of nothing. A mismatch writes <c>.received.cs</c> beside the snapshot and fails;
/// <c>TRAPGEN_ACCEPT_SNAPSHOTS=1</c> accepts instead, except under <c>CI=true</c>, where a missing
/// snapshot always fails.
/// </summary>
public static class Snapshot
{
    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static bool Accept => !IsCi && Environment.GetEnvironmentVariable("TRAPGEN_ACCEPT_SNAPSHOTS") == "1";

    /// <summary>
    /// Compares <paramref name="actual"/> with <c>directory/Class.Method#name.verified.ext</c> (without
    /// <c>#name</c> when <paramref name="name"/> has no stem, as Verify names a test's only output).
    /// </summary>
    public static void Match(string directory, string testClass, string testMethod, string name, string actual, Func<string, string>? scrub = null)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        var baseName = testClass + "." + testMethod + (stem.Length > 0 ? "#" + stem : string.Empty);
        scrub ??= text => text;
        var verified = Path.Combine(directory, baseName + ".verified" + extension);
        var received = Path.Combine(directory, baseName + ".received" + extension);
        var normalized = scrub(Normalize(actual));

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

    /// <summary>
    /// Compares <paramref name="actual"/> with the file at <paramref name="path"/>, a checked-in generated file,
    /// accepted as a snapshot is (it is rewritten under <c>TRAPGEN_ACCEPT_SNAPSHOTS=1</c>, never under CI).
    /// </summary>
    public static void MatchFile(string path, string actual)
    {
        var normalized = Normalize(actual);
        if (File.Exists(path) && Normalize(File.ReadAllText(path)) == normalized)
        {
            return;
        }

        if (Accept)
        {
            File.WriteAllText(path, normalized, new UTF8Encoding(false));
            return;
        }

        var message = File.Exists(path)
            ? path + " is not what generates it:\n" + Diff(Normalize(File.ReadAllText(path)), normalized)
            : "Missing " + path + ".";
        Assert.Fail(message + "\nTo rewrite it, run the tests with TRAPGEN_ACCEPT_SNAPSHOTS=1 (ignored when CI=true).");
    }

    /// <summary>LF line endings and no trailing spaces.</summary>
    public static string Normalize(string text) => string.Join(
        "\n",
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd()));

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
