using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Browser;

/// <summary>
/// OpenRIS on a real Kestrel port (a browser cannot reach the in-memory TestServer) with the demo
/// seeded, and one headless Debian Chromium for all browser tests. Playwright never downloads a
/// browser here: scripts/test.sh installs the distribution's chromium, and we launch that.
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    /// <summary>The demo (Hagen 2018) when false; a small generated municipality and no demo when true.</summary>
    private readonly bool _generated;

    public BrowserSite()
        : this(generated: false)
    {
    }

    protected BrowserSite(bool generated) => _generated = generated;

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
        if (_generated)
        {
            await GenerateAsync(_database);
        }
        _app = new RisApp(_database, seedDemo: !_generated);
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        Pages = _generated ? await GeneratedPagesAsync(_database) : await PagesAsync(_database);

        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing (scripts/test.sh installs Debian's chromium).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
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
        return Paths(paper, meeting, "2018-09", faction, person);
    }

    private static Dictionary<string, string> Paths(long paper, long meeting, string month, long faction, long person) => new()
    {
        ["start"] = "/",
        ["paper"] = $"/vorlagen/{paper}",
        ["papers"] = "/vorlagen",
        ["meetings"] = "/sitzungen",
        ["meeting"] = $"/sitzungen/{meeting}",
        ["calendar"] = $"/kalender?monat={month}",
        ["bodies"] = "/gremien",
        ["body"] = $"/gremien/{faction}",
        ["people"] = "/personen",
        ["person"] = $"/personen/{person}",
        ["terms"] = "/wahlperioden",
        ["accessibility"] = "/barrierefreiheit",
        ["imprint"] = "/impressum",
        ["privacy"] = "/datenschutz",
        ["follow"] = $"/folgen?vorlage={paper}",
        ["follow-search"] = "/folgen?suche=q%3DDigitalisierung%26jahr%3D2018",
        ["error"] = "/gibt-es-nicht",
    };

    private static async Task GenerateAsync(TestDatabase database)
    {
        var texts = MunicipalityGenerator.FindTextsDirectory(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The council texts of ../shared/data were not found beside the repository.");
        await using var db = await database.MigratedContextAsync();
        await MunicipalityGenerator.GenerateAsync(db, new FileStore(new FileStoreOptions { Root = database.FilesRoot }),
            new GeneratorOptions { Papers = 300, Seed = 5, TextsDirectory = texts }, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>The same page types in a generated municipality: busy pages (most consultations, most agenda items) where possible.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> GeneratedPagesAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var paper = await db.Papers.Where(p => p.Public && p.Status == PaperStatus.Published)
            .OrderByDescending(p => p.Consultations.Count).ThenByDescending(p => p.Files.Count).Select(p => p.Id).FirstAsync();
        var meeting = await db.Meetings.Where(m => m.Public).OrderByDescending(m => m.AgendaItems.Count).Select(m => new { m.Id, m.Start }).FirstAsync();
        var faction = await db.Organizations.Where(o => o.OrganizationType == Organization.TypeFaction).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var person = await db.Persons.Where(p => p.Memberships.Count > 1).OrderByDescending(p => p.Memberships.Count).Select(p => p.Id).FirstAsync();
        var month = Berlin.ToLocal(meeting.Start!.Value).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return Paths(paper, meeting.Id, month, faction, person);
    }
}

/// <summary>The browser site over a generated municipality (300 papers, no demo).</summary>
public sealed class GeneratedBrowserSite() : BrowserSite(generated: true);

[CollectionDefinition(Name)]
public sealed class GeneratedBrowserGroup : ICollectionFixture<GeneratedBrowserSite>
{
    public const string Name = "GeneratedBrowser";
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}
