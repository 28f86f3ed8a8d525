using System;
using System.IO;
using System.Runtime.CompilerServices;
using TrapGen.Testing;

namespace TrapGen.Web.Tests.Browser;

/// <summary>
/// The web decoder as it is deployed: the published static site. test.sh publishes it (CI's build) and names it
/// in <c>TRAPGEN_WEB_SITE</c>; without that, the tests publish it themselves into artifacts/web.
/// </summary>
internal static class PublishedSite
{
    /// <summary>The environment variable that names a published site's wwwroot folder.</summary>
    public const string Variable = "TRAPGEN_WEB_SITE";

    /// <summary>Gets the wwwroot folder of the published site, publishing it first when no one has.</summary>
    public static string Root()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named)
        {
            return File.Exists(Path.Combine(named, "index.html"))
                ? named
                : throw new InvalidOperationException(Variable + " is " + named + ", which holds no index.html: publish with dotnet publish web/TrapGen.Web -c Release -o artifacts/web");
        }

        var repository = RepositoryRoot();
        var output = Path.Combine(repository, "artifacts", "web");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        ExternalTool.Run("dotnet", "the .NET SDK", ["publish", Path.Combine(repository, "web", "TrapGen.Web"), "-c", "Release", "-o", output, "--nologo"], TimeSpan.FromMinutes(15));
        return Path.Combine(output, "wwwroot");
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
