using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace TrapGen.Web.Tests.Browser;

/// <summary>
/// One published site served locally and one headless chromium for all browser tests. The browser is Debian's
/// (<c>apt-get install chromium</c>, which test.sh does): Playwright downloads none here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The environment variable that names another chromium executable.</summary>
    public const string ChromiumVariable = "TRAPGEN_CHROMIUM";

    private StaticSite? site;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Gets the site's address.</summary>
    public string Address => site!.Address;

    /// <summary>Gets the browser.</summary>
    public IBrowser Browser => browser!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } named ? named : "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), chromium + " is not installed: apt-get install chromium (test.sh does this), or name one in " + ChromiumVariable);
        site = new StaticSite(PublishedSite.Root());
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    /// <inheritdoc />
    public void Dispose() => site?.Dispose();
}

/// <summary>The browser tests share one <see cref="BrowserFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "browser";
}
