using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Data;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.OParl;
using OpenRis.Web.Tests.OParl;

[assembly: AssemblyFixture(typeof(OParlSites))]

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// One running OpenRIS with its database, for the OParl tests. Read-only tests share the sites of
/// <see cref="OParlSites"/>; tests that change data start their own with <see cref="StartDemoAsync"/>.
/// </summary>
public sealed class OParlSite : IAsyncDisposable
{
    public const string Base = "http://localhost";
    public const string Api = Base + OParlUrls.Path;
    public const string SystemUrl = Api + "/system";

    /// <summary>The demo is seeded from this (summer) instant on: its objects say 2024-07-01T10:00:0x+02:00, fractions dropped.</summary>
    public static readonly DateTimeOffset SeededAt = new(2024, 7, 1, 8, 0, 0, 250, TimeSpan.Zero);

    /// <summary>The shared demo's paper 0930/2018 gets a keyword one day later (its modified: 2024-07-02T10:00:00+02:00).</summary>
    public static readonly DateTimeOffset TouchedAt = new(2024, 7, 2, 8, 0, 0, 500, TimeSpan.Zero);

    /// <summary>And in winter the organization "Amt 11" gets a website (its modified: 2024-12-02T10:30:00+01:00).</summary>
    public static readonly DateTimeOffset WinterAt = new(2024, 12, 2, 9, 30, 0, 750, TimeSpan.Zero);

    private readonly RisApp _risApp;

    private OParlSite(TestDatabase database, RisApp risApp, FakeTimeProvider? clock)
    {
        Database = database;
        _risApp = risApp;
        // The test databases switch SQLite's connection pool off (to delete their files at once); a
        // server runs with it, and a crawl of thousands of requests should see the server as it runs.
        App = database.Provider == DatabaseProvider.Sqlite
            ? risApp.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:OpenRis", database.ConnectionString.Replace("Pooling=False", "Pooling=True", StringComparison.Ordinal)))
            : risApp;
        Clock = clock;
        App.CreateClient().Dispose();
    }

    public TestDatabase Database { get; }

    /// <summary>OpenRIS as <see cref="RisApp"/> starts it (migrated, seeded unless told otherwise).</summary>
    public WebApplicationFactory<Program> App { get; }

    public FakeTimeProvider? Clock { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A client to http://localhost that does not follow redirects.</summary>
    public HttpClient Client() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<OParlCrawler> CrawlerAsync(CrawlOptions? options = null) =>
        new(Client(), new OParlRules(await OParlSchemas.GetAsync(), Api), options);

    /// <summary>The demo (Stadt Hagen) on a fake clock at <see cref="SeededAt"/>.</summary>
    public static async Task<OParlSite> StartDemoAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        // Every reading of the clock moves it on, as real saves are apart: stale copies show in modified.
        var clock = new FakeTimeProvider(SeededAt) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1100) };
        return new OParlSite(database, new RisApp(database, clock: clock), clock);
    }

    /// <summary>The shared demo: seeded, then one paper touched a day later and one organization in winter.</summary>
    public static async Task<OParlSite> StartSharedDemoAsync(string provider)
    {
        var site = await StartDemoAsync(provider);
        site.Clock!.SetUtcNow(TouchedAt);
        await using (var db = site.Database.NewContext(site.Clock))
        {
            var paper = await db.Papers.SingleAsync(p => p.Reference == "0930/2018", Token);
            paper.Keyword = ["Digitalisierung"];
            await db.SaveChangesAsync(Token);
        }
        site.Clock.SetUtcNow(WinterAt);
        await using (var db = site.Database.NewContext(site.Clock))
        {
            var office = await db.Organizations.SingleAsync(o => o.Name == "Amt 11", Token);
            office.Website = "https://www.hagen.de/amt-11";
            await db.SaveChangesAsync(Token);
        }
        return site;
    }

    /// <summary>A generated municipality (and nothing else) on the real clock.</summary>
    public static async Task<OParlSite> StartGeneratedAsync(string provider, int papers)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var site = new OParlSite(database, new RisApp(database, seedDemo: false), null);
        await using var db = database.NewContext();
        var store = new FileStore(new FileStoreOptions { Root = database.FilesRoot });
        var summary = await MunicipalityGenerator.GenerateAsync(db, store,
            new GeneratorOptions { Papers = papers, TextsDirectory = SharedData.Path("data/texts") }, cancellationToken: Token);
        // The generator may write with the projection off for speed; then the documents are rendered here.
        if (!await db.OParlDocuments.AnyAsync(d => d.Type == OParlTypes.Paper && d.BodyId == summary.BodyId, Token))
        {
            await TestDatabase.Projection.RebuildAsync(db, db.Clock.GetUtcNow().UtcDateTime, null, Token);
        }
        return site;
    }

    /// <summary>A modified the JSON shows for a change made at <paramref name="at"/> on the fake clock (which moves on a little with every reading).</summary>
    public static void AssertShownAt(DateTimeOffset at, string? shown, string what)
    {
        var instant = OParlRules.DateTime(shown);
        Assert.True(instant is { } t && t >= at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond)) && t <= at.AddSeconds(10),
            $"{what}: modified {shown ?? "missing"}, but the change was made at {at:O}");
    }

    /// <summary>The database id of the paper with this reference.</summary>
    public async Task<long> PaperIdAsync(string reference)
    {
        await using var db = Database.NewContext();
        return await db.Papers.IgnoreQueryFilters().Where(p => p.Reference == reference).Select(p => p.Id).SingleAsync(Token);
    }

    /// <summary>GET of a JSON answer, parsed (whatever the status).</summary>
    public async Task<(HttpResponseMessage Response, JsonObject? Json)> GetJsonAsync(string url)
    {
        using var client = Client();
        var response = await client.GetAsync(url, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        return (response, text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text) as JsonObject : null);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _risApp.DisposeAsync();
        if (Database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
        }
        await Database.DisposeAsync();
    }
}

/// <summary>
/// The sites read-only tests share (an assembly fixture: started on first use, per provider, and
/// disposed after the run), so that the suite does not seed a database per test.
/// </summary>
public sealed class OParlSites : IAsyncDisposable
{
    /// <summary>Papers of the generated municipality the conformance crawl runs over.</summary>
    public const int GeneratedPapers = 300;

    private readonly ConcurrentDictionary<string, Lazy<Task<OParlSite>>> _sites = new();

    public Task<OParlSite> DemoAsync(string provider) =>
        _sites.GetOrAdd("demo-" + provider, _ => new(() => OParlSite.StartSharedDemoAsync(provider))).Value;

    public Task<OParlSite> GeneratedAsync(string provider) =>
        _sites.GetOrAdd("generated-" + provider, _ => new(() => OParlSite.StartGeneratedAsync(provider, GeneratedPapers))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var site in _sites.Values.Where(s => s.IsValueCreated))
        {
            try
            {
                await (await site.Value).DisposeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A site that never started (PostgreSQL not configured) has nothing to dispose.
            }
        }
    }
}
