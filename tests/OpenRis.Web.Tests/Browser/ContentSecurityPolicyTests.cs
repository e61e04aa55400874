using Microsoft.Playwright;

namespace OpenRis.Web.Tests.Browser;

/// <summary>The strict Content-Security-Policy blocks nothing the pages need: no script, style, font or image is refused.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ContentSecurityPolicyTests(BrowserSite site)
{
    public static TheoryData<string> PageTypes => new(BrowserPages.Types);

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task PageType_LoadsWithoutPolicyViolations(string type)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync(site.Pages[type], new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        // The stylesheet applied (a refused stylesheet leaves the browser's default serif font).
        var font = await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily");

        Assert.Empty(refused);
        Assert.Contains("Fira", font, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
