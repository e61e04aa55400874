using System.Xml.Linq;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Pages;

/// <summary>The calendar and paper feeds and the sitemap parse with real parsers (Ical.Net, System.Xml) and hold only public items.</summary>
public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(string Type, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentType!.MediaType!, await response.Content.ReadAsStringAsync(Token));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Calendar_ParsesWithStableUidsBerlinTimesAndOnlyPublicMeetings(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        var council = await PortalPagesTests.IdOfMeeting(database, new DateTime(2018, 9, 27));

        var (type, text) = await GetAsync(client, "/kalender.ics");

        Assert.Equal("text/calendar", type);
        var calendar = Calendar.Load(text)!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Berlin");
        await using var db = database.NewContext();
        var expected = await db.Meetings.CountAsync(m => m.Public && m.Start != null, Token);
        Assert.Equal(expected, calendar.Events.Count);
        var meeting = calendar.Events.Single(e => e.Uid == $"sitzung-{council}@localhost");
        Assert.Equal("Sitzung des Rates der Stadt Hagen", meeting.Summary);
        Assert.Equal("Europe/Berlin", meeting.DtStart!.TzId);
        Assert.Equal(new DateTime(2018, 9, 27, 15, 0, 0), meeting.DtStart.Value);
        Assert.Equal(new DateTime(2018, 9, 27, 13, 0, 0, DateTimeKind.Utc), meeting.DtStart.AsUtc);
        Assert.Equal($"http://localhost/sitzungen/{council}", meeting.Url!.ToString());

        // The same UID in the single-meeting feed, so that importing it twice does not duplicate the event.
        var single = Calendar.Load((await GetAsync(client, $"/sitzungen/{council}.ics")).Body)!;
        Assert.Equal(meeting.Uid, Assert.Single(single.Events).Uid);
        var habit = await db.Organizations.Where(o => o.ShortName == "BA HABIT").Select(o => o.Id).SingleAsync(Token);
        var ofBody = Calendar.Load((await GetAsync(client, $"/gremien/{habit}/kalender.ics")).Body)!;
        Assert.All(ofBody.Events, e => Assert.Contains("HABIT", e.Summary, StringComparison.Ordinal));
        Assert.NotEmpty(ofBody.Events);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Calendar_MarksCancelledMeetings(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        var council = await PortalPagesTests.IdOfMeeting(database, new DateTime(2018, 9, 27));
        await using (var db = database.NewContext())
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == council, Token);
            meeting.Cancelled = true;
            await db.SaveChangesAsync(Token);
        }

        var calendar = Calendar.Load((await GetAsync(client, $"/sitzungen/{council}.ics")).Body)!;

        Assert.Equal("CANCELLED", Assert.Single(calendar.Events).Status);
        Assert.Contains("abgesagt", (await client.GetPageAsync($"/sitzungen/{council}")).Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PaperFeeds_AreWellFormedAtomWithPublicPapers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();

        var (type, text) = await GetAsync(client, "/vorlagen.atom");

        Assert.Equal("application/atom+xml", type);
        var feed = XDocument.Parse(text).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        var entries = feed.Elements(Atom + "entry").ToList();
        await using var db = database.NewContext();
        var inquiry = await db.Papers.Where(p => p.Reference == "0930/2018" && p.ParentPaperId == null).Select(p => p.Id).SingleAsync(Token);
        var entry = entries.Single(e => e.Element(Atom + "id")!.Value == $"http://localhost/vorlagen/{inquiry}");
        Assert.Equal("0930/2018 Anfrage der Fraktion Hagen Aktiv – hier: E-Government - Digitalisierungsstrategie", entry.Element(Atom + "title")!.Value);
        Assert.All(entries, e => Assert.True(DateTimeOffset.TryParse(e.Element(Atom + "updated")!.Value, out _)));

        var faction = await db.Organizations.Where(o => o.ShortName == "Hagen Aktiv").Select(o => o.Id).SingleAsync(Token);
        var ofFaction = XDocument.Parse((await GetAsync(client, $"/gremien/{faction}/vorlagen.atom")).Body).Root!;
        Assert.Contains(ofFaction.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value.EndsWith($"/vorlagen/{inquiry}", StringComparison.Ordinal));
        Assert.True(ofFaction.Elements(Atom + "entry").Count() < entries.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Sitemap_ListsEveryPublicPageAndEachAnswers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();

        var sitemap = XDocument.Parse((await GetAsync(client, "/sitemap.xml")).Body).Root!;

        var locations = sitemap.Elements(SitemapNs + "url").Select(u => new Uri(u.Element(SitemapNs + "loc")!.Value)).ToList();
        await using var db = database.NewContext();
        Assert.Equal(await db.Papers.CountAsync(p => p.Public && p.Status == PaperStatus.Published, Token), locations.Count(l => l.AbsolutePath.StartsWith("/vorlagen/", StringComparison.Ordinal)));
        Assert.Contains(locations, l => l.AbsolutePath == "/barrierefreiheit");
        foreach (var location in locations)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, await client.StatusOfAsync(location.PathAndQuery));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Sitemap_BeyondTheLimitPerFile_IsAnIndexOfPartsHoldingEveryUrlOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        List<string> all;
        await using (var full = new RisApp(database))
        {
            all = XDocument.Parse((await GetAsync(full.Client(), "/sitemap.xml")).Body).Root!
                .Elements(SitemapNs + "url").Select(u => u.Element(SitemapNs + "loc")!.Value).ToList();
        }
        // The protocol's limit is 50,000 URLs per file; ten stand in for it here.
        await using var app = new RisApp(database, settings: new Dictionary<string, string> { ["Portal:SitemapUrlsPerFile"] = "10" });
        var client = app.Client();

        var index = XDocument.Parse((await GetAsync(client, "/sitemap.xml")).Body).Root!;

        Assert.Equal(SitemapNs + "sitemapindex", index.Name);
        var parts = index.Elements(SitemapNs + "sitemap").Select(s => new Uri(s.Element(SitemapNs + "loc")!.Value)).ToList();
        Assert.Equal((all.Count + 9) / 10, parts.Count);
        var listed = new List<string>();
        foreach (var part in parts)
        {
            var urlset = XDocument.Parse((await GetAsync(client, part.PathAndQuery)).Body).Root!;
            Assert.Equal(SitemapNs + "urlset", urlset.Name);
            var urls = urlset.Elements(SitemapNs + "url").Select(u => u.Element(SitemapNs + "loc")!.Value).ToList();
            Assert.InRange(urls.Count, 1, 10);
            listed.AddRange(urls);
        }
        Assert.Equal(all, listed);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, await client.StatusOfAsync($"/sitemap-{parts.Count + 1}.xml"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FeedsAndSitemap_Answer304WhileUnchanged_AndShowAChangeAtOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        var council = await PortalPagesTests.IdOfMeeting(database, new DateTime(2018, 9, 27));
        long habit;
        await using (var db = database.NewContext())
        {
            habit = await db.Organizations.Where(o => o.ShortName == "BA HABIT").Select(o => o.Id).SingleAsync(Token);
        }
        string[] paths = ["/kalender.ics", $"/gremien/{habit}/kalender.ics", $"/sitzungen/{council}.ics", "/vorlagen.atom", $"/gremien/{habit}/vorlagen.atom", "/sitemap.xml"];
        var tags = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            using var first = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
            Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
            Assert.True(first.Headers.CacheControl!.NoCache, path);
            tags[path] = first.Headers.ETag!.Tag;
            using var again = await ConditionalGetAsync(client, path, tags[path]);
            Assert.True(again.StatusCode == System.Net.HttpStatusCode.NotModified, $"{path}: {again.StatusCode}");
            Assert.Empty(await again.Content.ReadAsByteArrayAsync(Token));
            Assert.Equal(tags[path], again.Headers.ETag!.Tag);
        }
        Assert.Equal(paths.Length, tags.Values.Distinct().Count());

        // The council meeting leaves the public: with the old tags every feed is sent anew, without it.
        await using (var db = database.NewContext())
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == council, Token);
            meeting.Public = false;
            await db.SaveChangesAsync(Token);
        }

        using (var calendar = await ConditionalGetAsync(client, "/kalender.ics", tags["/kalender.ics"]))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, calendar.StatusCode);
            Assert.DoesNotContain(Calendar.Load(await calendar.Content.ReadAsStringAsync(Token))!.Events, e => e.Uid == $"sitzung-{council}@localhost");
        }
        using (var sitemap = await ConditionalGetAsync(client, "/sitemap.xml", tags["/sitemap.xml"]))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, sitemap.StatusCode);
            Assert.DoesNotContain($"/sitzungen/{council}<", await sitemap.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        using (var single = await ConditionalGetAsync(client, $"/sitzungen/{council}.ics", tags[$"/sitzungen/{council}.ics"]))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, single.StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> ConditionalGetAsync(HttpClient client, string path, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return await client.SendAsync(request, Token);
    }
}
