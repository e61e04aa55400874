using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace OpenRis.Web.Tests.Browser;

/// <summary>
/// OpenRIS on a real Kestrel port (a browser cannot reach the in-memory TestServer) with the demo
/// seeded, and one headless Debian Chromium for all browser tests. Playwright never downloads a
/// browser here: scripts/test.sh installs the distribution's chromium, and we launch that.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private TestDatabase? _database;
    private RisApp? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public TestDatabase Database => _database!;

    /// <summary>Page paths of every public page type, with ids from the seeded demo.</summary>
    public IReadOnlyDictionary<string, string> Pages { get; private set; } = new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("sqlite");
        _app = new RisApp(_database);
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        Pages = await PagesAsync(_database);

        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing (scripts/test.sh installs Debian's chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A fresh page (own context: no cookies or focus state shared between tests) on the site.</summary>
    public async Task<IPage> OpenAsync(string path, int status = 200)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "de-DE", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(status, response?.Status);
        return page;
    }

    private static async Task<IReadOnlyDictionary<string, string>> PagesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var paper = await db.Papers.Where(p => p.Reference == "0930/2018" && p.ParentPaperId == null).Select(p => p.Id).SingleAsync();
        var meeting = await db.Meetings.Where(m => m.Public && m.AgendaItems.Count > 0).OrderByDescending(m => m.Start).Select(m => m.Id).FirstAsync();
        var faction = await db.Organizations.Where(o => o.ShortName == "Hagen Aktiv").Select(o => o.Id).SingleAsync();
        var person = await db.Persons.Where(p => p.Memberships.Any()).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["start"] = "/",
            ["paper"] = $"/vorlagen/{paper}",
            ["papers"] = "/vorlagen",
            ["meetings"] = "/sitzungen",
            ["meeting"] = $"/sitzungen/{meeting}",
            ["calendar"] = "/kalender?monat=2018-09",
            ["bodies"] = "/gremien",
            ["body"] = $"/gremien/{faction}",
            ["people"] = "/personen",
            ["person"] = $"/personen/{person}",
            ["terms"] = "/wahlperioden",
            ["accessibility"] = "/barrierefreiheit",
            ["imprint"] = "/impressum",
            ["privacy"] = "/datenschutz",
            ["error"] = "/gibt-es-nicht",
        };
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
