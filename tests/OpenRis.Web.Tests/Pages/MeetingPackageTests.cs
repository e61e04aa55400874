using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Files;
using OpenRis.Web.Model;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace OpenRis.Web.Tests.Pages;

/// <summary>The Sitzungsmappe of the council meeting of 27.09.2018: public documents only, as PDF and zip.</summary>
public sealed class MeetingPackageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Adds a real public PDF and a non-public note to the meeting; the land sale (non-public item II.1) is already there.</summary>
    private static async Task<long> SeedAsync(TestDatabase database)
    {
        var store = new FileStore(new FileStoreOptions { Root = database.FilesRoot });
        await using var db = database.NewContext();
        var meeting = await db.Meetings.Include(m => m.Files).SingleAsync(m => m.AgendaItems.Any(i => i.Name.Contains("Teilfläche")), Token);
        var pdf = await store.SaveAsync(OnePagePdf(), Token);
        meeting.Files.Add(new DocumentFile { BodyId = meeting.BodyId, Name = "Einladung zur Ratssitzung", FileName = "einladung.pdf", MimeType = "application/pdf", Role = FileRole.Invitation, Size = pdf.Size, Sha512Checksum = pdf.Sha512 });
        var secret = await store.SaveAsync("Vertraulich: Kaufpreisvorstellung"u8.ToArray(), Token);
        meeting.Files.Add(new DocumentFile { BodyId = meeting.BodyId, Name = "Vermerk nichtöffentlich", FileName = "vermerk.txt", MimeType = "text/plain", Public = false, Size = secret.Size, Sha512Checksum = secret.Sha512 });
        await db.SaveChangesAsync(Token);
        return meeting.Id;
    }

    private static byte[] OnePagePdf()
    {
        using var document = new PdfDocument();
        using (var gfx = XGraphics.FromPdfPage(document.AddPage()))
        {
            gfx.DrawLine(XPens.Black, 50, 50, 200, 50);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Zip_HoldsThePublicDocumentsAndNothingNonPublic(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        await client.GetPageAsync("/");
        var id = await SeedAsync(database);

        var page = await client.GetPageAsync($"/sitzungen/{id}");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/sitzungen/{id}/mappe.zip");
        using var response = await client.GetAsync(new Uri($"/sitzungen/{id}/mappe.zip", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token)), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("01 Sitzung/01 Einladung zur Ratssitzung.pdf", names);
        Assert.Contains(names, n => n.EndsWith("Öffentliche Stellungnahme 0930-2018.md", StringComparison.Ordinal));
        var all = string.Join('\n', zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.DoesNotContain("Vertraulich", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Teilfläche", all, StringComparison.Ordinal);
        Assert.DoesNotContain(names, n => n.Contains("Vermerk", StringComparison.Ordinal) || n.Contains("Lageplan", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pdf_HasBookmarksForTheDocuments_IsRebuiltAfterAChange_AndLeavesNonPublicOut(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        await client.GetPageAsync("/");
        var id = await SeedAsync(database);

        var first = await client.GetByteArrayAsync(new Uri($"/sitzungen/{id}/mappe.pdf", UriKind.Relative), Token);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(first))
        {
            Assert.True(pdf.TryGetBookmarks(out var bookmarks));
            var titles = bookmarks.GetNodes().Select(n => n.Title).ToList();
            Assert.Contains("Einladung zur Ratssitzung", titles);
            Assert.Contains("Öffentliche Stellungnahme 0930/2018", titles);
            var text = string.Join(' ', pdf.GetPages().Select(p => p.Text));
            Assert.DoesNotContain("Teilfl", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Vertraulich", text, StringComparison.Ordinal);
        }

        await using (var db = database.NewContext())
        {
            (await db.Files.SingleAsync(f => f.FileName == "einladung.pdf", Token)).Public = false;
            await db.SaveChangesAsync(Token);
        }
        var second = await client.GetByteArrayAsync(new Uri($"/sitzungen/{id}/mappe.pdf", UriKind.Relative), Token);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(second))
        {
            Assert.True(pdf.TryGetBookmarks(out var bookmarks));
            Assert.DoesNotContain("Einladung zur Ratssitzung", bookmarks.GetNodes().Select(n => n.Title));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NonPublicMeeting_HasNoPackage(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        await client.GetPageAsync("/");
        await using var db = database.NewContext();
        var meeting = await db.Meetings.FirstAsync(Token);
        meeting.Public = false;
        await db.SaveChangesAsync(Token);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/sitzungen/{meeting.Id}/mappe.pdf"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/sitzungen/{meeting.Id}/mappe.zip"));
    }
}
