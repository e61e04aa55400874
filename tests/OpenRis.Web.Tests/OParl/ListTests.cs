using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace OpenRis.Web.Tests.OParl;

/// <summary>External lists (OParl 1.1 §2.5): keyset pages by next and prev, limit 1..1000 echoed, empty pages, cursors, 404 for lists that do not exist.</summary>
public sealed class ListTests(OParlSites sites)
{
    private const string Lists = OParlSite.Api + "/body/1/";
    private static readonly string[] PageLinks = ["first", "self", "last"];

    internal static List<JsonObject> Data(JsonObject? page) => OParlCrawler.Data(page);

    internal static List<string> Ids(JsonObject? page) => Data(page).Select(o => OParlRules.Text(o, "id")!).ToList();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EveryList_WithLimit_1_7_1000_HoldsTheSameObjectsInTheSameOrder(string provider)
    {
        var site = await sites.DemoAsync(provider);
        var reference = await site.CrawlerAsync(new CrawlOptions { ListsOnly = true });
        (await reference.CrawlAsync(OParlSite.SystemUrl)).Only(ConformanceReport.IsListRule).AssertClean("lists with the default limit");
        Assert.Contains(reference.Lists.Values, ids => ids.Count > 7);

        foreach (var limit in new[] { 1, 7, 1000 })
        {
            var crawler = await site.CrawlerAsync(new CrawlOptions { ListsOnly = true, Limit = limit });
            (await crawler.CrawlAsync(OParlSite.SystemUrl)).Only(ConformanceReport.IsListRule).AssertClean($"lists with limit={limit}");

            Assert.Equal(reference.Lists.Keys.Order(StringComparer.Ordinal), crawler.Lists.Keys.Order(StringComparer.Ordinal));
            foreach (var (list, ids) in reference.Lists)
            {
                Assert.True(ids.SequenceEqual(crawler.Lists[list]), $"{list} with limit={limit}: {string.Join(" ", crawler.Lists[list])}, by default: {string.Join(" ", ids)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Limit_IsEchoedAndHonoured_OnEveryPage(string provider)
    {
        var site = await sites.DemoAsync(provider);

        var (_, page) = await site.GetJsonAsync(Lists + "membership?limit=7");
        var pages = 1;
        while (page?["links"]?["next"]?.ToString() is { } next)
        {
            Assert.Equal(7, page["pagination"]!["elementsPerPage"]!.GetValue<int>());
            Assert.Equal(7, Data(page).Count);
            Assert.Contains("limit=7", next, StringComparison.Ordinal);
            (_, page) = await site.GetJsonAsync(next);
            pages++;
        }
        Assert.True(pages >= 3, $"only {pages} pages of memberships with limit=7");
        Assert.InRange(Data(page).Count, 1, 7);

        var (_, all) = await site.GetJsonAsync(Lists + "membership?limit=1000");
        Assert.Equal(1000, all!["pagination"]!["elementsPerPage"]!.GetValue<int>());
        Assert.Null(all["links"]!["next"]);
        Assert.Equal(all["pagination"]!["totalElements"]!.GetValue<int>(), Data(all).Count);
        var (_, byDefault) = await site.GetJsonAsync(Lists + "membership");
        Assert.Equal(100, byDefault!["pagination"]!["elementsPerPage"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Cursors_AfterAndBefore_PageAroundAnObject(string provider)
    {
        var site = await sites.DemoAsync(provider);
        var (_, all) = await site.GetJsonAsync(Lists + "agendaItem?limit=1000");
        var ids = Ids(all);
        Assert.True(ids.Count >= 6);

        var (_, second) = await site.GetJsonAsync(Lists + "agendaItem?limit=2");
        var next = second!["links"]!["next"]!.ToString();
        Assert.Equal(ids[..2], Ids(second));
        var (_, third) = await site.GetJsonAsync(next);
        Assert.Equal(ids[2..4], Ids(third));
        var (_, back) = await site.GetJsonAsync(third!["links"]!["prev"]!.ToString());
        Assert.Equal(ids[..2], Ids(back));
        Assert.Null(back!["links"]!["prev"]);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NoMatch_IsAnEmptyPage_NotAnError(string provider)
    {
        var site = await sites.DemoAsync(provider);

        foreach (var url in new[] { Lists + "paper", Lists + "file", OParlSite.Api + "/body" })
        {
            var (response, page) = await site.GetJsonAsync(url + "?modified_since=2100-01-01T00:00:00%2B01:00");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(Data(page));
            Assert.IsType<JsonObject>(page!["pagination"]);
            var links = page["links"]!.AsObject();
            Assert.All(PageLinks, l => Assert.Equal(
                new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)),
                DateTimeOffset.Parse(QueryHelpers.ParseQuery(new Uri(links[l]!.ToString()).Query)["modified_since"].ToString(), CultureInfo.InvariantCulture)));
            Assert.Null(links["next"]);
            Assert.Null(links["prev"]);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ListsThatDoNotExist_Are404WithTheErrorObject(string provider)
    {
        var site = await sites.DemoAsync(provider);

        foreach (var url in new[] { Lists + "foo", Lists + "Paper", OParlSite.Api + "/body/999/paper", OParlSite.Api + "/organization/999/meeting", OParlSite.Api + "/organization/1/paper" })
        {
            var (response, error) = await site.GetJsonAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            HttpTests.AssertErrorObject(response, error);
        }
    }
}
