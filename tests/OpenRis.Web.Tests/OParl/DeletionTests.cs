using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// Soft deletion (OParl 1.1 §2.8; oparl-notes §6.5): a removed object leaves the unfiltered lists
/// at once, comes back as a tombstone under modified_since and at its URL, vanishes from every
/// parent that embedded it (moving the parent's modified), and nothing links to it any more.
/// </summary>
public sealed class DeletionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The deletion happens three days after the seed (its objects then show 2024-07-04T10:00:00+02:00).</summary>
    private static readonly DateTimeOffset DeletedAt = OParlSite.SeededAt.AddDays(3);
    private const string Since = "modified_since=2024-07-04T00:00:00%2B02:00";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DeletedAgendaItemAndPaper_AreTombstones_AndTheirParentsChange(string provider)
    {
        await using var site = await OParlSite.StartDemoAsync(provider);
        long itemId, paperId;
        await using (var db = site.Database.NewContext())
        {
            itemId = await db.AgendaItems.Where(a => a.Number == "I.2" && a.Meeting.Start > new DateTime(2018, 9, 1, 0, 0, 0, DateTimeKind.Utc)).Select(a => a.Id).SingleAsync(Token);
            paperId = await db.Papers.Where(p => p.Reference == "1159/2017").Select(p => p.Id).SingleAsync(Token);
        }
        var itemUrl = $"{OParlSite.Api}/agendaItem/{itemId}";
        var paperUrl = $"{OParlSite.Api}/paper/{paperId}";
        var item = (await site.GetJsonAsync(itemUrl)).Json!;
        var paper = (await site.GetJsonAsync(paperUrl)).Json!;
        var meetingUrl = OParlRules.Text(item, "meeting")!;
        var meeting = (await site.GetJsonAsync(meetingUrl)).Json!;
        var consultationUrl = OParlRules.Text(paper["consultation"]![0]!.AsObject(), "id")!;
        var consultation = (await site.GetJsonAsync(consultationUrl)).Json!;
        Assert.Contains(itemUrl, meeting["agendaItem"]!.AsArray().Select(i => OParlRules.Text(i!.AsObject(), "id")));

        site.Clock!.SetUtcNow(DeletedAt);
        await using (var db = site.Database.NewContext(site.Clock))
        {
            db.AgendaItems.Remove(await db.AgendaItems.SingleAsync(a => a.Id == itemId, Token));
            db.Papers.Remove(await db.Papers.SingleAsync(p => p.Id == paperId, Token));
            await db.SaveChangesAsync(Token);
        }

        foreach (var (list, before) in new[] { ("agendaItem", item), ("paper", paper), ("consultation", consultation) })
        {
            var url = OParlRules.Text(before, "id")!;
            Assert.DoesNotContain(url, ListTests.Ids((await site.GetJsonAsync($"{OParlSite.Api}/body/1/{list}")).Json));
            var changes = ListTests.Data((await site.GetJsonAsync($"{OParlSite.Api}/body/1/{list}?{Since}")).Json);
            var tombstone = Assert.Single(changes, o => OParlRules.Text(o, "id") == url);
            Assert.Equal(VisibilityTests.TombstoneProperties, tombstone.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal(OParlRules.Text(before, "type"), OParlRules.Text(tombstone, "type"));
            Assert.Equal(OParlRules.Text(before, "created"), OParlRules.Text(tombstone, "created"));
            OParlSite.AssertShownAt(DeletedAt, OParlRules.Text(tombstone, "modified"), url);
            var (response, alone) = await site.GetJsonAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(JsonNode.DeepEquals(tombstone, alone), $"{url} alone: {alone?.ToJsonString(OParlRules.Readable)}");
        }

        var after = (await site.GetJsonAsync(meetingUrl)).Json!;
        OParlSite.AssertShownAt(DeletedAt, OParlRules.Text(after, "modified"), "the meeting of the deleted agenda item");
        var items = after["agendaItem"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.DoesNotContain(itemUrl, items.Select(i => OParlRules.Text(i, "id")));
        Assert.Equal(Enumerable.Range(0, items.Count), items.Select(i => i["order"]!.GetValue<int>()));
        Assert.Equal(meeting["agendaItem"]!.AsArray().Count - 1, items.Count);
        Assert.Contains(meetingUrl, ListTests.Ids((await site.GetJsonAsync($"{OParlSite.Api}/body/1/meeting?{Since}")).Json));

        // Nothing live links the tombstones any more (the answer cites 1159/2017; the inquiry 0930/2018 refers to it).
        var crawler = await site.CrawlerAsync(new CrawlOptions { WebLinks = 0, FileContents = false });
        await crawler.CrawlAsync(OParlSite.SystemUrl);
        crawler.Report.Only(ConformanceReport.IsReferenceRule).AssertClean("links after the deletion");
        var changed = await site.CrawlerAsync(new CrawlOptions { ListsOnly = true, Filter = Since });
        await changed.CrawlAsync(OParlSite.SystemUrl);
        changed.Report.Only(r => ConformanceReport.IsListRule(r) || r.Contains("tombstone", StringComparison.Ordinal) || r == "spec:created-modified")
            .AssertClean("the changes since the deletion");
        Assert.Contains(itemUrl, changed.Lists.Values.SelectMany(ids => ids));
        Assert.Contains(paperUrl, changed.Lists.Values.SelectMany(ids => ids));
    }
}
