using System;
using System.Linq;
using System.Threading.Tasks;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace TrapGen.Web.Tests.Browser;

/// <summary>
/// The published decoder scanned with axe-core (Deque's rules: WCAG 2.x A and AA, contrast, names, landmarks,
/// ARIA) in each of its main states: empty, an ESR decoded, a register, a MIDR, and an error. Any violation fails,
/// with axe's rule, its help text and the elements it found.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture) : BrowserPageTest(fixture)
{
    [Theory]
    [InlineData("", "#query")]
    [InlineData("#esr=0x93c08046", "[data-testid='esr']")]
    [InlineData("#esr=0x0000001082000010", "[data-testid='esr']")]
    [InlineData("#reg=SCTLR_EL1", "[data-testid='register-name']")]
    [InlineData("#midr=0x411fd070", "[data-testid='summary']")]
    [InlineData("#q=this%20is%20not%20a%20value", ".error")]
    public async Task A_page_state_has_no_accessibility_violation(string fragment, string shown)
    {
        await Page.GotoAsync(Fixture.Address + fragment);
        await Page.Locator(shown).First.WaitForAsync();

        var result = await Page.RunAxe();

        Assert.NotEmpty(result.Passes);
        var violations = result.Violations.Select(v => v.Id + " (" + v.Impact + "): " + v.Help + " at " + string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))).ToList();
        Assert.True(violations.Count == 0, "axe found in '" + fragment + "':" + Environment.NewLine + string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_scan_finds_a_violation_put_into_the_page()
    {
        await Page.GotoAsync(Fixture.Address + "#esr=0x93c08046");
        await Page.Locator("[data-testid='esr']").WaitForAsync();
        await Page.EvaluateAsync("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\\'favicon.png\\'>')");

        var result = await Page.RunAxe();

        Assert.Contains(result.Violations, v => v.Id == "image-alt");
    }
}
