using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// List pages are served from what is cached per data version (counts, id ranges, ETags): every
/// save that changes a served document must make them current again, on both databases.
/// </summary>
public sealed class ListServingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static int Total(JsonObject? page) => page!["pagination"]!["totalElements"]!.GetValue<int>();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task TotalElementsAndLinks_FollowInsertDeleteAndVisibility(string provider)
    {
        await using var site = await OParlSite.StartDemoAsync(provider);
        const string papers = OParlSite.Api + "/body/1/paper";
        var before = Total((await site.GetJsonAsync(papers)).Json);
        var firstOfOne = (await site.GetJsonAsync(papers + "?limit=1")).Json!;
        Assert.Equal(before, Total(firstOfOne));

        long added;
        await using (var db = site.Database.NewContext(site.Clock))
        {
            var template = await db.Papers.OrderBy(p => p.Id).FirstAsync(p => p.Public && p.Status == PaperStatus.Published, Token);
            var paper = new Paper { BodyId = template.BodyId, PaperKindId = template.PaperKindId, Name = "Neue Vorlage", Reference = "9999/2018", Status = PaperStatus.Published };
            db.Papers.Add(paper);
            await db.SaveChangesAsync(Token);
            added = paper.Id;
        }
        var afterInsert = (await site.GetJsonAsync(papers + "?limit=1")).Json!;
        Assert.Equal(before + 1, Total(afterInsert));
        // The new paper has the highest id: "last" must now reach it.
        var last = (await site.GetJsonAsync(OParlRules.Text(afterInsert["links"]!.AsObject(), "last")!)).Json!;
        Assert.Equal($"{OParlSite.Api}/paper/{added}", ListTests.Ids(last)[^1]);

        await using (var db = site.Database.NewContext(site.Clock))
        {
            (await db.Papers.SingleAsync(p => p.Id == added, Token)).Public = false;
            await db.SaveChangesAsync(Token);
        }
        Assert.Equal(before, Total((await site.GetJsonAsync(papers + "?limit=1")).Json));
        // Depublished after having been public: a tombstone for modified_since crawlers, counted there.
        var since = papers + "?modified_since=2000-01-01T00:00:00%2B01:00";
        Assert.Equal(before + 1, Total((await site.GetJsonAsync(since)).Json));

        long deleted;
        await using (var db = site.Database.NewContext(site.Clock))
        {
            var paper = await db.Papers.OrderByDescending(p => p.Id).FirstAsync(p => p.Public && p.Id != added, Token);
            deleted = paper.Id;
            db.Papers.Remove(paper);
            await db.SaveChangesAsync(Token);
        }
        var afterDelete = (await site.GetJsonAsync(papers + "?limit=1000")).Json!;
        Assert.Equal(before - 1, Total(afterDelete));
        Assert.Equal(before - 1, ListTests.Ids(afterDelete).Count);
        Assert.DoesNotContain($"{OParlSite.Api}/paper/{deleted}", ListTests.Ids(afterDelete));
        Assert.Equal(before + 1, Total((await site.GetJsonAsync(since)).Json));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task OrganizationLists_CountAndListOnlyTheirOwnObjects_AfterAChange(string provider)
    {
        await using var site = await OParlSite.StartDemoAsync(provider);
        long council, meeting;
        await using (var db = site.Database.NewContext(site.Clock))
        {
            council = await db.Organizations.Where(o => o.ShortName == "Rat").Select(o => o.Id).SingleAsync(Token);
            meeting = await db.MeetingOrganizations.Where(mo => mo.OrganizationId == council).Select(mo => mo.MeetingId).FirstAsync(Token);
        }
        var meetings = $"{OParlSite.Api}/organization/{council}/meeting";
        var page = (await site.GetJsonAsync(meetings)).Json!;
        var ids = ListTests.Ids(page);
        Assert.Contains($"{OParlSite.Api}/meeting/{meeting}", ids);
        Assert.Equal(ids.Count, Total(page));

        await using (var db = site.Database.NewContext(site.Clock))
        {
            (await db.Meetings.SingleAsync(m => m.Id == meeting, Token)).Public = false;
            await db.SaveChangesAsync(Token);
        }
        var after = (await site.GetJsonAsync(meetings)).Json!;
        Assert.DoesNotContain($"{OParlSite.Api}/meeting/{meeting}", ListTests.Ids(after));
        Assert.Equal(ids.Count - 1, Total(after));
        Assert.Equal(ids.Count - 1, ListTests.Ids(after).Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task IfNoneMatch_Gives304_UntilAChange_ThenTheNewPage(string provider)
    {
        await using var site = await OParlSite.StartDemoAsync(provider);
        const string papers = OParlSite.Api + "/body/1/paper?limit=1000";
        using var client = site.Client();
        async Task<HttpResponseMessage> GetAsync(EntityTagHeaderValue? etag)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, papers);
            if (etag is not null)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }
            return await client.SendAsync(request, Token);
        }

        using var first = await GetAsync(null);
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        using (var again = await GetAsync(etag))
        {
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(etag, again.Headers.ETag);
        }

        await using (var db = site.Database.NewContext(site.Clock))
        {
            var paper = await db.Papers.SingleAsync(p => p.Reference == "0930/2018", Token);
            paper.Name = "E-Government – Digitalisierungsstrategie (neu)";
            await db.SaveChangesAsync(Token);
        }
        using var changed = await GetAsync(etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("Digitalisierungsstrategie (neu)", await changed.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var revalidated = await GetAsync(changed.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        // Another spelling of the page (other limit, omit_internal) is another entity with its own validator.
        using var other = await client.GetAsync(papers + "&omit_internal=true", Token);
        Assert.NotEqual(changed.Headers.ETag, other.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RepeatedPage_SameBytesAndHeaders_AndAfterAChangeTheNewPage(string provider)
    {
        // On SQLite a page served before at the same data version is written straight from the
        // database with the length it had: a stale length or a missed change would break it.
        await using var site = await OParlSite.StartDemoAsync(provider);
        using var client = site.Client();
        const string papers = OParlSite.Api + "/body/1/paper";
        var firstTwo = (await site.GetJsonAsync(papers + "?limit=2")).Json!;
        var second = ListTests.Ids(firstTwo)[1];
        string[] urls = [papers + "?limit=1000", papers + "?limit=2", $"{papers}?after={second.Split('/')[^1]}&limit=2", OParlSite.Api + "/body/1/file?limit=1000",
            OParlSite.Api + "/body/1/meeting"];

        async Task<byte[]> TwiceAlikeAsync(string url)
        {
            using var first = await client.GetAsync(url, Token);
            var bytes = await first.Content.ReadAsByteArrayAsync(Token);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(bytes.Length, first.Content.Headers.ContentLength);
            using var again = await client.GetAsync(url, Token);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync(Token));
            Assert.Equal(bytes.Length, again.Content.Headers.ContentLength);
            Assert.Equal(first.Headers.ETag, again.Headers.ETag);
            Assert.Equal(first.Content.Headers.LastModified, again.Content.Headers.LastModified);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Token);
            Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync(Token));
            return bytes;
        }

        foreach (var url in urls)
        {
            var bytes = await TwiceAlikeAsync(url);
            Assert.NotEmpty(ListTests.Ids(JsonNode.Parse(bytes)!.AsObject()));
        }
        var before = await TwiceAlikeAsync(urls[0]);

        // Longer, with umlauts: the page's length changes, and so must what is sent.
        site.Clock!.SetUtcNow(OParlSite.SeededAt.AddDays(2));
        await using (var db = site.Database.NewContext(site.Clock))
        {
            var paper = await db.Papers.SingleAsync(p => p.Reference == "0930/2018", Token);
            paper.Name = "E-Government – Digitalisierungsstrategie für Ämter (geändert)";
            await db.SaveChangesAsync(Token);
        }
        var after = await TwiceAlikeAsync(urls[0]);
        Assert.NotEqual(before.Length, after.Length);
        Assert.Contains("Digitalisierungsstrategie für Ämter (geändert)", Encoding.UTF8.GetString(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonStoredAsText_PagesStillCarryTheirExactByteLength()
    {
        // Databases migrated from the string columns hold TEXT values in the BLOB columns. A page's
        // Content-Length is summed in SQL before its bytes are written: characters would be too few.
        await using var site = await OParlSite.StartDemoAsync("sqlite");
        await using (var db = site.Database.NewContext(site.Clock))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"OParlDocuments\" SET \"Json\" = CAST(\"Json\" AS TEXT)", Token);
            Assert.Equal("text", await db.Database.SqlQueryRaw<string>("SELECT typeof(\"Json\") AS \"Value\" FROM \"OParlDocuments\" LIMIT 1").SingleAsync(Token));
        }
        using var client = site.Client();
        foreach (var url in new[] { OParlSite.Api + "/body/1/paper?limit=1000", OParlSite.Api + "/body/1/person?limit=1000" })
        {
            using var response = await client.GetAsync(url, Token);
            var body = await response.Content.ReadAsByteArrayAsync(Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            // Not plain ASCII (umlauts, dashes), so a count of characters would differ from the count of bytes.
            Assert.True(body.Length > System.Text.Encoding.UTF8.GetString(body).Length, url);
            Assert.NotEmpty(ListTests.Ids(JsonNode.Parse(body)!.AsObject()));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task LargeDocuments_PageSpansSeveralBuffers_WithExactLengthTextsAndLastModified(string provider)
    {
        await using var site = await OParlSite.StartDemoAsync(provider);
        var paperId = await site.PaperIdAsync("0853/2018");
        // Two files whose JSON is larger than one of the server's 256 KB page buffers (and than one
        // 256 KB part of a streamed page), with
        // umlauts so that bytes and characters differ.
        // (OParl's File.text is trimmed: no trailing space to lose.)
        var texts = new[] { string.Concat(Enumerable.Repeat("Prüfauftrag Straßenbeleuchtung ", 12_000)).TrimEnd(), string.Concat(Enumerable.Repeat("Größere Änderung ", 20_000)).TrimEnd() };
        site.Clock!.SetUtcNow(OParlSite.SeededAt.AddDays(3));
        await using (var db = site.Database.NewContext(site.Clock))
        {
            var paper = await db.Papers.SingleAsync(p => p.Id == paperId, Token);
            for (var i = 0; i < texts.Length; i++)
            {
                var stored = await new FileStore(new FileStoreOptions { Root = site.Database.FilesRoot }).SaveAsync(Encoding.UTF8.GetBytes(texts[i]), Token);
                db.Files.Add(new DocumentFile
                {
                    BodyId = paper.BodyId,
                    Paper = paper,
                    Role = FileRole.Auxiliary,
                    Name = $"Anlage {i + 1}",
                    FileName = $"anlage-{i + 1}.txt",
                    MimeType = "text/plain",
                    Size = stored.Size,
                    Sha512Checksum = stored.Sha512,
                    Text = texts[i],
                });
            }
            await db.SaveChangesAsync(Token);
        }

        using var client = site.Client();
        foreach (var url in new[] { OParlSite.Api + "/body/1/file?limit=1000", OParlSite.Api + "/body/1/file?before=999999999&limit=2" })
        {
            using var response = await client.GetAsync(url, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync(Token);
            Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
            var objects = ListTests.Data(JsonNode.Parse(bytes)!.AsObject());
            Assert.True(objects.Count >= 2, url);
            // In id order, also when read backwards from a "before" cursor; the new files are the last two.
            var ids = objects.Select(o => long.Parse(OParlRules.Text(o, "id")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(ids.Order(), ids);
            Assert.Equal(texts, objects.TakeLast(2).Select(o => OParlRules.Text(o, "text")));
            // Last-Modified is the latest "modified" on the page (HTTP dates have whole seconds).
            var latest = objects.Max(o => DateTimeOffset.Parse(OParlRules.Text(o, "modified")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(latest.ToUnixTimeSeconds(), response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
            // Again at the same data version: on SQLite now streamed, rows larger than one part of the pipe included.
            using var again = await client.GetAsync(url, Token);
            Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync(Token));
            Assert.Equal(response.Content.Headers.LastModified, again.Content.Headers.LastModified);
        }
    }
}
