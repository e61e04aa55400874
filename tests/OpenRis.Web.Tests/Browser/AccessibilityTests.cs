using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OpenRis.Web.Tests.Browser;

/// <summary>BITV 2.0 asks for WCAG 2.1 AA; axe-core checks what a machine can check of it, on every page type.</summary>
[Collection(BrowserGroup.Name)]
public sealed class AccessibilityTests(BrowserSite site)
{
    public static TheoryData<string> PageTypes => new(BrowserPages.Types);

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task PageType_HasNoWcag21AaViolations(string type)
    {
        var page = await site.OpenAsync(site.Pages[type], type == "error" ? 404 : 200);

        await AssertNoViolationsAsync(page);

        await BrowserPages.ScreenshotAsync(page, type);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SearchPage_FollowLink_LeadsToTheFollowPageOfThisSearch()
    {
        var page = await site.OpenAsync("/suche?q=Digitalisierung&jahr=2018");

        await page.GetByRole(AriaRole.Link, new() { Name = "Suche per E-Mail folgen" }).ClickAsync();

        await page.WaitForURLAsync("**/folgen?suche=*");
        Assert.Equal("Per E-Mail folgen", await page.Locator("h1").InnerTextAsync());
        var followed = await page.Locator("dl").InnerTextAsync();
        Assert.Contains("„Digitalisierung“", followed, StringComparison.Ordinal);
        Assert.Contains("2018", followed, StringComparison.Ordinal);
        Assert.True(await page.GetByLabel("E-Mail-Adresse").IsVisibleAsync());
        await AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    internal static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}

/// <summary>The same check on a generated municipality: longer agendas, many members, other names than the demo's.</summary>
[Collection(GeneratedBrowserGroup.Name)]
public sealed class GeneratedAccessibilityTests(GeneratedBrowserSite site)
{
    public static TheoryData<string> PageTypes => new(BrowserPages.Types);

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task PageType_HasNoWcag21AaViolations(string type)
    {
        var page = await site.OpenAsync(site.Pages[type], type == "error" ? 404 : 200);

        await AccessibilityTests.AssertNoViolationsAsync(page);

        await BrowserPages.ScreenshotAsync(page, $"generated-{type}");
        await page.Context.CloseAsync();
    }
}
