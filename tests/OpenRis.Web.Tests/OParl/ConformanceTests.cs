namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// The whole API, crawled as a client would (oparl-notes §9.4 items 1–3): every list page, every
/// object, every embedded object at its id, every link, every file and every web link, each
/// answer validated against the draft-07 schemas and the OParl rules.
/// </summary>
public sealed class ConformanceTests(OParlSites sites)
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Demo_FullCrawl_IsConformant(string provider)
    {
        var site = await sites.DemoAsync(provider);
        var crawler = await site.CrawlerAsync();

        var report = await crawler.CrawlAsync(OParlSite.SystemUrl);

        AssertCoverage(crawler, minimumObjects: 60);
        report.AssertClean($"Demo on {provider}, {crawler.Requests} requests");
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Generated_FullCrawl_IsConformant(string provider)
    {
        var site = await sites.GeneratedAsync(provider);
        // limit=1000 keeps the pages few; file contents and web pages are sampled (the demo crawl fetches all of them).
        var crawler = await site.CrawlerAsync(new CrawlOptions { Limit = 1000, MaxFiles = 100, WebLinks = 20 });

        var report = await crawler.CrawlAsync(OParlSite.SystemUrl);

        AssertCoverage(crawler, minimumObjects: OParlSites.GeneratedPapers * 3);
        report.AssertClean($"Generated municipality ({OParlSites.GeneratedPapers} papers) on {provider}, {crawler.Requests} requests");
    }

    /// <summary>A crawl that found nothing would pass every rule: it must have seen all twelve types and enough objects.</summary>
    internal static void AssertCoverage(OParlCrawler crawler, int minimumObjects)
    {
        var types = crawler.Objects.Values.Select(o => OParlSchemas.TypeName(OParlRules.Text(o, "type"))).Distinct().ToList();
        Assert.Equal(OParlSchemas.TypeNames.Order(), types.Order()!);
        Assert.True(crawler.Objects.Count >= minimumObjects, $"only {crawler.Objects.Count} objects crawled");
        int Count(string type) => crawler.Objects.Values.Count(o => OParlRules.Text(o, "type") == OParlSchemas.Namespace + type && !OParlRules.IsTombstone(o));
        Assert.Equal(1 + (10 * Count("Body")) + (2 * Count("Organization")), crawler.Lists.Count);
    }
}
