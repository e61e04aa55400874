using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Demo;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Pages;

public sealed class PaperPageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<long> IdOf(TestDatabase database, string reference)
    {
        await using var db = database.NewContext();
        return await db.Papers.Where(p => p.Reference == reference).Select(p => p.Id).SingleAsync(Token);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Inquiry_ShowsQuestionsAnswersAndLinkedReferences(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        var inquiry = await IdOf(database, "0930/2018");

        var page = await client.GetPageAsync($"/vorlagen/{inquiry}");

        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        var heading = page.QuerySelector("h1")!.TextContent;
        Assert.Contains("Anfrage der Fraktion Hagen Aktiv", heading, StringComparison.Ordinal);
        Assert.Contains("hier: E-Government - Digitalisierungsstrategie", heading, StringComparison.Ordinal);
        var questions = page.QuerySelectorAll("ol.questions > li").ToList();
        Assert.Equal(3, questions.Count);
        Assert.Contains(HagenTexts.Question2, questions[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(HagenTexts.Answer3, questions[2].QuerySelector(".answer")!.TextContent, StringComparison.Ordinal);
        foreach (var paragraph in HagenTexts.Answer1.Split("\n\n"))
        {
            Assert.Contains(paragraph, questions[0].TextContent, StringComparison.Ordinal);
        }
        Assert.Contains(HagenTexts.Reasoning.Split("\n\n")[1], page.Text(), StringComparison.Ordinal);
        Assert.Contains("gez. Erik O. Schulz", page.Text(), StringComparison.Ordinal);
        Assert.Contains("f. d. R. Karin Nigbur-Martini", page.Text(), StringComparison.Ordinal);

        var links = page.QuerySelectorAll("a").Select(a => (Text: a.TextContent, Href: a.GetAttribute("href"))).ToList();
        Assert.Contains(("Vorlagennummer 1159/2017", $"/vorlagen/{await IdOf(database, "1159/2017")}"), links);
        Assert.Contains(("Vorlage 0853/2018", $"/vorlagen/{await IdOf(database, "0853/2018")}"), links);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CitedPaper_ShowsCitedBy(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);

        var page = await app.Client().GetPageAsync($"/vorlagen/{await IdOf(database, "1159/2017")}");

        var citedBy = page.QuerySelectorAll("h2").Single(h => h.TextContent == "Zitiert in").NextElementSibling!;
        Assert.Contains("0930/2018", citedBy.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NonPublicAndDraftPapers_DoNotExistForThePublic(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        await client.GetPageAsync("/"); // starts and seeds

        await using var db = database.NewContext();
        var hidden = await db.Papers.Where(p => !p.Public || p.Status != PaperStatus.Published).Select(p => p.Id).ToListAsync(Token);
        var hiddenFiles = await db.Files.Where(f => !f.Paper!.Public).Select(f => f.Id).ToListAsync(Token);
        Assert.NotEmpty(hidden);
        Assert.NotEmpty(hiddenFiles);
        foreach (var id in hidden)
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/vorlagen/{id}"));
        }
        foreach (var id in hiddenFiles)
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/dateien/{id}/x"));
        }
        var start = (await client.GetPageAsync("/")).Text();
        Assert.DoesNotContain("Teilfläche", start, StringComparison.Ordinal);
        Assert.DoesNotContain("WLAN", start, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PaperMadeNonPublic_DisappearsAtOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        var id = await IdOf(database, "0853/2018");
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync($"/vorlagen/{id}"));

        await using (var db = database.NewContext())
        {
            (await db.Papers.SingleAsync(p => p.Id == id, Token)).Public = false;
            await db.SaveChangesAsync(Token);
        }

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/vorlagen/{id}"));
        var inquiry = await client.GetPageAsync($"/vorlagen/{await IdOf(database, "0930/2018")}");
        // The citation stays as text but no longer links to a paper the public may not see.
        Assert.DoesNotContain(inquiry.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/vorlagen/{id}");
        Assert.Contains("Vorlage 0853/2018", inquiry.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PublicFile_IsServedInlineWithItsText(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        var page = await client.GetPageAsync($"/vorlagen/{await IdOf(database, "0930/2018")}");
        var href = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).First(h => h.StartsWith("/dateien/", StringComparison.Ordinal));

        using var response = await client.GetAsync(new Uri(href, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("## **ANFRAGE GEM. § 5 GESCHÄFTSORDNUNG**", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task UnknownPaper_IsAGerman404Page(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);

        using var response = await app.Client().GetAsync(new Uri("/vorlagen/999999", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Seite nicht gefunden", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }
}
