using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenRis.Web.Demo;

namespace OpenRis.Web.Tests.Browser;

/// <summary>
/// The workspace is where the council office, departments and factions work every day; BITV 2.0
/// binds it as much as the portal. Each role signs in through the browser and axe-core checks its
/// pages, and the search page, the commitments dashboard and the login page, for WCAG 2.1 A/AA.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class WorkspaceAccessibilityTests(BrowserSite site)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "", "/anmelden" },
        { "", "/suche?q=Digitalisierungsstrategie" },
        { "", "/zusagen" },
        { "ratsmitglied", "/arbeitsbereich" },
        { "fraktion-cdu", "/arbeitsbereich" },
        { "fraktion-cdu", "/arbeitsbereich/vorlagen/neu" },
        { "fraktion-cdu", "/arbeitsbereich/vorlagen/{draft}" },
        { "fraktion-cdu", "/arbeitsbereich/vorlagen/{draft}/bearbeiten" },
        { "ratsbuero", "/arbeitsbereich" },
        { "ratsbuero", "/arbeitsbereich/vorlagen/{inquiry}" },
        { "ratsbuero", "/arbeitsbereich/sitzungen" },
        { "ratsbuero", "/arbeitsbereich/sitzungen/{meeting}" },
        { "ratsbuero", "/arbeitsbereich/sitzungen/{meeting}/einladung" },
        { "ratsbuero", "/arbeitsbereich/sitzungen/{meeting}/termin" },
        { "ratsbuero", "/arbeitsbereich/sitzungen/{meeting}/anwesenheit" },
        { "ratsbuero", "/arbeitsbereich/sitzungen/{meeting}/top/{item}" },
        { "ratsbuero", "/arbeitsbereich/sitzungen/{meeting}/niederschrift" },
        { "ratsbuero", "/arbeitsbereich/dringlichkeitsentscheidungen" },
        { "ratsbuero", "/arbeitsbereich/import" },
        { "ratsbuero", "/arbeitsbereich/gremien/{council}/staendige-punkte" },
        { "amt11", "/arbeitsbereich" },
        { "amt11", "/arbeitsbereich/vorlagen/{statement}" },
        { "admin", "/arbeitsbereich/konten" },
        { "admin", "/arbeitsbereich/konten/neu" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoWcag21AaViolations(string user, string path)
    {
        path = await ResolveAsync(path);
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString(), Locale = "de-DE", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        if (user.Length > 0)
        {
            await page.GotoAsync("/anmelden");
            await page.Locator("input[name=UserName]").FillAsync(user);
            await page.Locator("input[name=Password]").FillAsync(DemoAccounts.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/anmelden", StringComparison.Ordinal));
        }
        var response = await page.GotoAsync(path);
        Assert.True(response?.Status == 200, $"{user} {path}: {response?.Status}");

        await AccessibilityTests.AssertNoViolationsAsync(page);

        var name = string.Concat((user + path).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
        await BrowserPages.ScreenshotAsync(page, $"workspace-{name}");
        await context.CloseAsync();
    }

    private async Task<string> ResolveAsync(string path)
    {
        await using var db = site.Database.NewContext();
        var ids = new Dictionary<string, Func<Task<long>>>
        {
            ["{draft}"] = () => db.Papers.Where(p => p.Name == "Antrag der CDU-Fraktion").Select(p => p.Id).SingleAsync(),
            ["{inquiry}"] = () => db.Papers.Where(p => p.Reference == "0930/2018" && p.ParentPaperId == null).Select(p => p.Id).SingleAsync(),
            ["{statement}"] = () => db.Papers.Where(p => p.ParentPaper != null && p.ParentPaper.Reference == "0930/2018").Select(p => p.Id).SingleAsync(),
            ["{meeting}"] = () => db.Meetings.Where(m => m.Name == "Sitzung des Rates der Stadt Hagen").OrderByDescending(m => m.Start).Select(m => m.Id).FirstAsync(),
            ["{item}"] = () => db.AgendaItems.Where(i => i.Meeting.Name == "Sitzung des Rates der Stadt Hagen" && i.Public && i.Consultation != null).OrderByDescending(i => i.Meeting.Start).Select(i => i.Id).FirstAsync(),
            ["{council}"] = () => db.Organizations.Where(o => o.Name == "Rat der Stadt Hagen").Select(o => o.Id).SingleAsync(),
        };
        foreach (var (placeholder, id) in ids)
        {
            if (path.Contains(placeholder, StringComparison.Ordinal))
            {
                path = path.Replace(placeholder, (await id()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }
        }
        return path;
    }
}
