using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using TrapGen.Web.Tests.Components;
using Xunit;

namespace TrapGen.Web.Tests.Browser;

/// <summary>
/// The published decoder in headless chromium: pasted values, deep links, the keyboard, and bad input. Every test
/// also fails on an error in the browser's console (an exception in the page).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecoderBrowserTests(BrowserFixture fixture) : BrowserPageTest(fixture)
{
    private readonly List<string> consoleErrors = [];

    /// <inheritdoc />
    protected override void OnPageCreated(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
    }

    [Fact]
    public async Task Pasted_values_show_the_fields_the_arm_arm_gives_them()
    {
        await OpenAsync(string.Empty);
        foreach (var row in EsrCases.All)
        {
            var (esr, fields) = ((string)row[0], (string[])row[1]);
            await PasteAsync(esr);
            await Assertions.Expect(Page.GetByTestId("esr")).ToHaveTextAsync(esr);
            foreach (var field in fields)
            {
                var (name, value) = (field.Split('=')[0], field.Split('=')[1]);
                await Assertions.Expect(Page.Locator("table.fields tr[data-field='" + name + "'] td:nth-child(3)")).ToHaveTextAsync(value);
            }

            Assert.EndsWith("#q=" + esr, Page.Url, StringComparison.Ordinal);
        }

        Assert.Empty(consoleErrors);
    }

    [Theory]
    [InlineData("#esr=0x96000050", "[data-testid='ec']", "0x25 Data Abort without a change in Exception level")]
    [InlineData("#esr=0x62300400", "[data-testid='instruction']", "msr sctlr_el1, x0")]
    [InlineData("#reg=DFAR", "[data-testid='register-name']", "FAR_EL1")]
    [InlineData("#insn=mrs%20x0%2C%20midr_el1", "[data-testid='word']", "0xd5380000")]
    [InlineData("#q=mcrr%20p15%2C%200%2C%20r0%2C%20r1%2C%20c2", "[data-testid='word']", "0xec410f02")]
    [InlineData("#midr=0x411fd070", "[data-testid='summary']", "Arm Limited Cortex-A57 r1p0")]
    [InlineData("#smccc=0x84000000", "[data-testid='summary']", "PSCI_VERSION (PSCI)")]
    public async Task A_deep_link_opens_its_decode(string fragment, string selector, string text)
    {
        await OpenAsync(fragment);

        await Assertions.Expect(Page.Locator(selector)).ToContainTextAsync(text);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_link_on_the_page_opens_its_decode_and_back_returns()
    {
        await OpenAsync("#reg=SCTLR_EL1");
        await Page.Locator("table.forms tr[data-form='SCTLR_EL1'] a").First.ClickAsync();

        await Assertions.Expect(Page.GetByTestId("instruction")).ToHaveTextAsync("mrs x0, sctlr_el1");
        await Page.GoBackAsync();
        await Assertions.Expect(Page.GetByTestId("register-name")).ToHaveTextAsync("SCTLR_EL1");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task The_keyboard_alone_decodes_a_value_and_reads_each_field()
    {
        await OpenAsync(string.Empty);
        await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("query", await Page.EvaluateAsync<string>("document.activeElement.id"));
        await Page.Keyboard.TypeAsync("0x96000050");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByTestId("esr")).ToHaveTextAsync("0x96000050");

        var focused = new List<string>();
        for (var i = 0; i < 40 && !focused.Contains("DFSC"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var field = await Page.EvaluateAsync<string?>("document.activeElement.dataset.field ?? null");
            if (field is not null)
            {
                focused.Add(field);
                var tip = Page.Locator("#" + await Page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-describedby')"));
                await Assertions.Expect(tip).ToBeVisibleAsync();
                await Assertions.Expect(tip).ToContainTextAsync(field + " [");
            }
        }

        Assert.Equal(["RES0", "ISS2", "EC", "IL"], focused.Take(4));
        Assert.Contains("WnR", focused);
        Assert.Contains("DFSC", focused);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Hovering_a_field_shows_its_value_and_meaning()
    {
        await OpenAsync("#esr=0x93c08046");
        await Page.HoverAsync("li[data-field='DFSC']");

        var tip = Page.Locator("li[data-field='DFSC'] .bit-tip");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync("DFSC [5:0] = 0x6: Translation fault, level 2");
        await Assertions.Expect(Page.Locator("li[data-field='EC'] .bit-tip")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Bad_input_gives_one_message_and_the_page_keeps_working()
    {
        await OpenAsync(string.Empty);
        foreach (var text in new[] { "this is not a value", "0x10000000000000000", "-1", "-0x96000050", new string('9', 100_000) })
        {
            await PasteAsync(text);
            await Assertions.Expect(Page.Locator(".error")).ToHaveCountAsync(1);
            await Assertions.Expect(Page.Locator("article")).ToHaveCountAsync(0);
            await Assertions.Expect(Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        }

        await PasteAsync("0x96000050");
        await Assertions.Expect(Page.Locator(".error")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.GetByTestId("esr")).ToHaveTextAsync("0x96000050");
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Once_loaded_the_decoder_works_offline()
    {
        await OpenAsync(string.Empty);
        Assert.True(await Page.EvaluateAsync<bool>("navigator.serviceWorker.ready.then(() => true)"));

        await Context.SetOfflineAsync(true);
        await Page.GotoAsync(Fixture.Address + "?offline#esr=0x96000050");

        await Assertions.Expect(Page.GetByTestId("esr")).ToHaveTextAsync("0x96000050");
    }

    [Fact]
    public async Task Every_control_has_a_label()
    {
        await OpenAsync(string.Empty);

        await Assertions.Expect(Page.GetByLabel("Value, instruction or register")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("Read as")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Decode" })).ToBeVisibleAsync();
    }

    private async Task OpenAsync(string fragment)
    {
        await Page.GotoAsync(Fixture.Address + fragment);
        await Page.Locator("#query").WaitForAsync();
    }

    private async Task PasteAsync(string text)
    {
        await Page.FillAsync("#query", text);
        await Page.PressAsync("#query", "Enter");
    }
}
