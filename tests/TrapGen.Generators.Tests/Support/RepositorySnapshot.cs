using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace TrapGen.Generators.Tests.Support;

/// <summary>
/// A copy of the working tree as it is on disk (tracked files and untracked ones git does not ignore),
/// committed in a new repository with a fixed author and date: two snapshots of one working tree, in
/// different folders, hold the same commit, as two clones of one commit do.
/// </summary>
internal static class RepositorySnapshot
{
    private static readonly Dictionary<string, string> FixedCommit = new()
    {
        ["GIT_AUTHOR_NAME"] = "TrapGen tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@trapgen.invalid",
        ["GIT_AUTHOR_DATE"] = "2026-01-01T00:00:00Z",
        ["GIT_COMMITTER_NAME"] = "TrapGen tests",
        ["GIT_COMMITTER_EMAIL"] = "tests@trapgen.invalid",
        ["GIT_COMMITTER_DATE"] = "2026-01-01T00:00:00Z",
    };

    public static void Create(string repository, string destination)
    {
        var files = Git(repository, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var source = Path.Combine(repository, file);
            if (File.Exists(source))
            {
                var target = Path.Combine(destination, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }

        Git(destination, "init", "-q");
        Git(destination, "add", "-A");
        Git(destination, "-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", "snapshot");
    }

    private static string Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in FixedCommit)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "git " + string.Join(" ", arguments) + " failed: " + error);
        return output.Result;
    }
}
