using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// Non-public objects do not exist for the public: in no list, embedded nowhere, linked from
/// nowhere, 404 by id; a paper made non-public vanishes at once and is a tombstone for changes.
/// </summary>
public sealed class VisibilityTests(OParlSites sites)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Words only the non-public demo objects contain: paper 0951/2018 and its file, the closed agenda items, the CDU draft.</summary>
    private static readonly string[] Secrets =
        ["Teilfläche", "WLAN", "Personalangelegenheit", "IT-Rahmenvertrag", "0951/2018", "0951-2018", "Lageplan", "Grundstücksangelegenheit", "Kaufinteressent", "Antrag der CDU-Fraktion"];

    internal static readonly string[] TombstoneProperties = ["created", "deleted", "id", "modified", "type"];

    private static async Task<List<string>> HiddenUrlsAsync(OParlSite site)
    {
        await using var db = site.Database.NewContext();
        var papers = await db.Papers.IgnoreQueryFilters().Where(p => !p.Public || p.Status != PaperStatus.Published).Select(p => p.Id).ToListAsync(Token);
        var files = await db.Files.IgnoreQueryFilters().Where(f => !f.Public || (f.PaperId != null && papers.Contains(f.PaperId.Value))).Select(f => f.Id).ToListAsync(Token);
        var consultations = await db.Consultations.IgnoreQueryFilters().Where(c => papers.Contains(c.PaperId)).Select(c => c.Id).ToListAsync(Token);
        var items = await db.AgendaItems.IgnoreQueryFilters().Where(a => !a.Public).Select(a => a.Id).ToListAsync(Token);
        Assert.True(papers.Count >= 2 && files.Count >= 1 && consultations.Count >= 1 && items.Count >= 4,
            $"the demo should hide 2 papers, a file, a consultation, 4 agenda items: {papers.Count}, {files.Count}, {consultations.Count}, {items.Count}");
        return [.. papers.Select(id => $"{OParlSite.Api}/paper/{id}"), .. files.SelectMany(id => new[] { $"{OParlSite.Api}/file/{id}", $"{OParlSite.Api}/file/{id}/access", $"{OParlSite.Api}/file/{id}/download" }),
            .. consultations.Select(id => $"{OParlSite.Api}/consultation/{id}"), .. items.Select(id => $"{OParlSite.Api}/agendaItem/{id}")];
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NonPublicObjects_AreInNoList_EmbeddedAndLinkedNowhere_And404ById(string provider)
    {
        var site = await sites.DemoAsync(provider);
        var hidden = await HiddenUrlsAsync(site);
        var texts = new List<string>();
        foreach (var options in new[]
        {
            new CrawlOptions { KeepBodies = true, WebLinks = 0 },
            new CrawlOptions { KeepBodies = true, ListsOnly = true, Limit = 3, Filter = "modified_since=2000-01-01T00:00:00%2B01:00" },
            new CrawlOptions { KeepBodies = true, ListsOnly = true, Filter = "omit_internal=true" },
        })
        {
            var crawler = await site.CrawlerAsync(options);
            await crawler.CrawlAsync(OParlSite.SystemUrl);
            texts.AddRange(crawler.Bodies);
        }
        var everything = string.Join("\n", texts);
        Assert.True(texts.Count > 100 && everything.Contains("Digitalisierungsstrategie", StringComparison.Ordinal), $"the crawls saw too little: {texts.Count} answers");

        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, everything, StringComparison.Ordinal));
        Assert.All(hidden, url => Assert.DoesNotContain($"\"{url}\"", everything, StringComparison.Ordinal));
        using var client = site.Client();
        foreach (var url in hidden)
        {
            var (response, error) = await site.GetJsonAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            HttpTests.AssertErrorObject(response, error);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Token);
            Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PaperMadeNonPublic_VanishesAtOnce_WithItsConsultationsAndFiles_AndIsATombstoneForChanges(string provider)
    {
        await using var site = await OParlSite.StartDemoAsync(provider);
        var clock = site.Clock!;
        var paperId = await site.PaperIdAsync("0853/2018");
        var paperUrl = $"{OParlSite.Api}/paper/{paperId}";
        clock.SetUtcNow(OParlSite.SeededAt.AddDays(1));
        await using (var db = site.Database.NewContext(clock))
        {
            // A file for the paper first, to see it go with the paper.
            var paper = await db.Papers.SingleAsync(p => p.Id == paperId, Token);
            var stored = await new FileStore(new FileStoreOptions { Root = site.Database.FilesRoot }).SaveAsync(Encoding.UTF8.GetBytes("Konzept der Task Force\n"), Token);
            db.Files.Add(new DocumentFile
            {
                BodyId = paper.BodyId,
                Paper = paper,
                Role = FileRole.Main,
                Name = "Konzept",
                FileName = "0853-2018-konzept.txt",
                MimeType = "text/plain",
                Size = stored.Size,
                Sha512Checksum = stored.Sha512,
                Text = "Konzept der Task Force",
            });
            await db.SaveChangesAsync(Token);
        }
        var before = (await site.GetJsonAsync(paperUrl)).Json!;
        var fileUrl = OParlRules.Text(before["mainFile"]!.AsObject(), "id")!;
        var consultationUrl = OParlRules.Text(before["consultation"]![0]!.AsObject(), "id")!;
        var itemUrl = OParlRules.Text((await site.GetJsonAsync(consultationUrl)).Json!, "agendaItem")!;
        Assert.Equal(consultationUrl, OParlRules.Text((await site.GetJsonAsync(itemUrl)).Json!, "consultation"));

        var changedAt = OParlSite.SeededAt.AddDays(2);
        clock.SetUtcNow(changedAt);
        await using (var db = site.Database.NewContext(clock))
        {
            (await db.Papers.SingleAsync(p => p.Id == paperId, Token)).Public = false;
            await db.SaveChangesAsync(Token);
        }

        foreach (var (list, url) in new[] { ("paper", paperUrl), ("consultation", consultationUrl), ("file", fileUrl) })
        {
            Assert.DoesNotContain(url, ListTests.Ids((await site.GetJsonAsync($"{OParlSite.Api}/body/1/{list}")).Json));
            var changes = ListTests.Data((await site.GetJsonAsync($"{OParlSite.Api}/body/1/{list}?modified_since=2024-07-03T00:00:00%2B02:00")).Json);
            var tombstone = Assert.Single(changes, o => OParlRules.Text(o, "id") == url);
            Assert.Equal(TombstoneProperties, tombstone.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.True(OParlRules.IsTombstone(tombstone));
            OParlSite.AssertShownAt(changedAt, OParlRules.Text(tombstone, "modified"), url);
            var (response, alone) = await site.GetJsonAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK && alone is not null && OParlRules.IsTombstone(alone) && !alone.ContainsKey("name"), $"{url}: {(int)response.StatusCode} {alone?.ToJsonString(OParlRules.Readable)}");
        }
        using var client = site.Client();
        using var content = await client.GetAsync(fileUrl + "/access", Token);
        Assert.True(content.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone, $"the file of a closed paper: {(int)content.StatusCode}");
        Assert.Null((await site.GetJsonAsync(itemUrl)).Json!["consultation"]);

        var crawler = await site.CrawlerAsync(new CrawlOptions { KeepBodies = true, WebLinks = 0, FileContents = false });
        await crawler.CrawlAsync(OParlSite.SystemUrl);
        crawler.Report.Only(ConformanceReport.IsReferenceRule).AssertClean("links after the paper was closed");
        Assert.DoesNotContain(crawler.Bodies, b => b.Contains("0853-2018-konzept", StringComparison.Ordinal) || b.Contains($"\"{paperUrl}\"", StringComparison.Ordinal));
    }
}
