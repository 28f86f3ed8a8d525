using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace TrapGen.Web.Tests.Browser;

/// <summary>A browser test's own context and page in the shared chromium, made before each test and closed after it.</summary>
public abstract class BrowserPageTest(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext? context;
    private IPage? page;

    /// <summary>Gets the shared browser and site.</summary>
    protected BrowserFixture Fixture => fixture;

    /// <summary>Gets this test's browser context.</summary>
    protected IBrowserContext Context => context!;

    /// <summary>Gets this test's page.</summary>
    protected IPage Page => page!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        context = await fixture.Browser.NewContextAsync();
        page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        OnPageCreated(page);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>Called once the page exists, before the test: where a test class listens to it.</summary>
    protected virtual void OnPageCreated(IPage page)
    {
    }
}
