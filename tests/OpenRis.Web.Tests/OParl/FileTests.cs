using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace OpenRis.Web.Tests.OParl;

/// <summary>File contents (OParl 1.1 §2.7, oparl-notes §8): inline at accessUrl, attachment at downloadUrl, ranges, ETag, checksums, 410 when deleted, 404 when not public.</summary>
public sealed class FileTests(OParlSites sites)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task EveryFile_IsInlineAtAccessUrl_AnAttachmentAtDownloadUrl_WithItsSizeAndChecksum(string provider)
    {
        var site = await sites.DemoAsync(provider);
        using var client = site.Client();
        var files = ListTests.Data((await site.GetJsonAsync(OParlSite.Api + "/body/1/file")).Json);
        Assert.True(files.Count >= 3, $"only {files.Count} files");

        foreach (var file in files)
        {
            var id = OParlRules.Describe(file);
            using var access = await client.GetAsync(OParlRules.Text(file, "accessUrl"), Token);
            using var download = await client.GetAsync(OParlRules.Text(file, "downloadUrl"), Token);
            var bytes = await access.Content.ReadAsByteArrayAsync(Token);

            Assert.Equal(HttpStatusCode.OK, access.StatusCode);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.NotEqual("attachment", access.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            var fileName = OParlRules.Text(file, "fileName");
            Assert.Equal(fileName, download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName?.Trim('"'));
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Token));
            Assert.Equal(file["size"]!.GetValue<long>(), bytes.Length);
            Assert.Equal(OParlRules.Text(file, "sha512Checksum"), Convert.ToHexStringLower(SHA512.HashData(bytes)));
            Assert.Equal(OParlRules.Text(file, "mimeType"), access.Content.Headers.ContentType?.MediaType);
            Assert.False(access.Headers.Contains("Set-Cookie") || download.Headers.Contains("Set-Cookie"), $"{id}: a cookie");
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FileContent_SupportsRangesConditionalGetAndHead(string provider)
    {
        var site = await sites.DemoAsync(provider);
        using var client = site.Client();
        var file = ListTests.Data((await site.GetJsonAsync(OParlSite.Api + "/body/1/file")).Json).First(f => f["size"]!.GetValue<long>() > 10);
        var url = OParlRules.Text(file, "accessUrl")!;
        using var full = await client.GetAsync(url, Token);
        var bytes = await full.Content.ReadAsByteArrayAsync(Token);

        using var rangeRequest = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(0, 9) } };
        using var range = await client.SendAsync(rangeRequest, Token);
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal(bytes[..10], await range.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal($"bytes 0-9/{bytes.Length}", range.Content.Headers.ContentRange?.ToString());

        var etag = full.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(full.Content.Headers.LastModified);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { etag } } };
        using var notModified = await client.SendAsync(conditional, Token);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Token);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NonPublicFile_Is404Everywhere(string provider)
    {
        var site = await sites.DemoAsync(provider);
        await using var db = site.Database.NewContext();
        var hidden = await db.Files.IgnoreQueryFilters().Where(f => !f.Public || !f.Paper!.Public).Select(f => f.Id).ToListAsync(Token);
        Assert.NotEmpty(hidden);

        foreach (var id in hidden)
        {
            foreach (var url in new[] { $"{OParlSite.Api}/file/{id}", $"{OParlSite.Api}/file/{id}/access", $"{OParlSite.Api}/file/{id}/download" })
            {
                var (response, error) = await site.GetJsonAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
                HttpTests.AssertErrorObject(response, error);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task DeletedFile_Is410_ItsObjectATombstone_ItsPaperChanged(string provider)
    {
        await using var site = await OParlSite.StartDemoAsync(provider);
        var paperId = await site.PaperIdAsync("0930/2018");
        var paperUrl = $"{OParlSite.Api}/paper/{paperId}";
        var before = (await site.GetJsonAsync(paperUrl)).Json!;
        var letter = before["auxiliaryFile"]!.AsArray().Select(f => f!.AsObject()).Single();
        var fileUrl = OParlRules.Text(letter, "id")!;

        var fileId = long.Parse(fileUrl[(fileUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        site.Clock!.SetUtcNow(OParlSite.SeededAt.AddDays(3));
        await using (var db = site.Database.NewContext(site.Clock))
        {
            db.Files.Remove(await db.Files.SingleAsync(f => f.Id == fileId, Token));
            await db.SaveChangesAsync(Token);
        }

        foreach (var property in new[] { "accessUrl", "downloadUrl" })
        {
            var (response, error) = await site.GetJsonAsync(OParlRules.Text(letter, property)!);
            Assert.True(response.StatusCode == HttpStatusCode.Gone, $"{property} of a deleted file: {(int)response.StatusCode}");
            HttpTests.AssertErrorObject(response, error);
        }
        var (_, tombstone) = await site.GetJsonAsync(fileUrl);
        Assert.True(OParlRules.IsTombstone(tombstone!), tombstone!.ToJsonString());
        Assert.Equal(OParlRules.Text(letter, "created"), OParlRules.Text(tombstone, "created"));
        var after = (await site.GetJsonAsync(paperUrl)).Json!;
        Assert.Null(after["auxiliaryFile"]);
        Assert.True(OParlRules.DateTime(OParlRules.Text(after, "modified")) > OParlRules.DateTime(OParlRules.Text(before, "modified")), "the paper's modified did not move");
        Assert.DoesNotContain(fileUrl, ListTests.Ids((await site.GetJsonAsync(OParlSite.Api + "/body/1/file")).Json));
        var (_, changes) = await site.GetJsonAsync(OParlSite.Api + "/body/1/file?modified_since=2024-07-03T00:00:00%2B02:00");
        Assert.Equal([tombstone.ToJsonString()], ListTests.Data(changes).Where(f => OParlRules.Text(f, "id") == fileUrl).Select(f => f.ToJsonString()));
    }
}
