using Microsoft.Playwright;

namespace OpenRis.Web.Tests.Browser;

/// <summary>The page types under browser test, and where their screenshots go (artifacts/screenshots, kept by CI).</summary>
internal static class BrowserPages
{
    public static readonly string[] Types =
        ["start", "paper", "papers", "meetings", "meeting", "calendar", "bodies", "body", "people", "person", "terms", "accessibility", "imprint", "privacy", "follow", "follow-search", "error"];

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    private static string RepositoryRoot() => SharedData.RepositoryRoot() ?? Directory.GetCurrentDirectory();
}
