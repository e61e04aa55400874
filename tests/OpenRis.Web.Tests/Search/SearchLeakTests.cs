using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Web.Model;
using OpenRis.Web.Search;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Search;

/// <summary>
/// Non-public papers, a faction's draft and a non-public file carry unique marker words; they must
/// never reach anyone not entitled to them — not as a hit, not in a facet count, not in a snippet —
/// and a paper made non-public must vanish from the results at once, before the index catches up.
/// </summary>
public sealed class SearchLeakTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<JsonElement> ApiAsync(HttpClient client, string query) => client.SearchApiAsync(query);

    private static int Total(JsonElement result) => result.GetProperty("total").GetInt32();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task MarkedContent_ReachesOnlyThoseEntitled(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var anonymous = app.Client();
        await using (var db = database.NewContext())
        {
            var draft = await db.Papers.SingleAsync(p => p.Name == "Antrag der CDU-Fraktion", Token);
            draft.Text += " Zauberwortentwurf";
            var land = await db.Papers.SingleAsync(p => p.Reference == "0951/2018", Token);
            land.Text += " Geheimmarkerwort";
            var inquiry = await db.Papers.SingleAsync(p => p.Reference == "0930/2018", Token);
            db.Files.Add(new DocumentFile { BodyId = inquiry.BodyId, PaperId = inquiry.Id, Name = "Interne Notiz", FileName = "notiz.txt", Public = false, Text = "Dateimarkerwort Digitalisierungsstrategie", Sha512Checksum = "x" });
            await db.SaveChangesAsync(Token);
        }
        await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);

        foreach (var marker in new[] { "Zauberwortentwurf", "Geheimmarkerwort", "Dateimarkerwort" })
        {
            var result = await ApiAsync(anonymous, marker);
            Assert.Equal(0, Total(result));
            Assert.Empty(result.GetProperty("hits").EnumerateArray());
            Assert.All(result.GetProperty("facets").EnumerateObject(), f => Assert.Empty(f.Value.EnumerateArray()));
            var page = await anonymous.GetStringAsync(new Uri("/suche?q=" + marker, UriKind.Relative), Token);
            Assert.Contains("0 Treffer", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<mark>", page, StringComparison.Ordinal);
        }
        // Broad words: the secret papers are not counted, and no snippet shows the non-public file.
        var broad = await ApiAsync(anonymous, "Digitalisierungsstrategie");
        Assert.DoesNotContain("Dateimarkerwort", broad.ToString(), StringComparison.Ordinal);
        var all = await ApiAsync(anonymous, "Verkauf Teilfläche WLAN");
        Assert.Equal(0, Total(all));
        var statuses = (await ApiAsync(anonymous, "Antrag")).GetProperty("facets").GetProperty("status").EnumerateArray().Select(v => v.GetProperty("value").GetString()).ToList();
        Assert.DoesNotContain("Entwurf", statuses);

        // The faction sees its own draft; another faction does not. The involved office sees the land matter.
        var cdu = await app.SignInAsync("fraktion-cdu");
        Assert.Equal(1, Total(await ApiAsync(cdu, "Zauberwortentwurf")));
        Assert.Equal(0, Total(await ApiAsync(cdu, "Geheimmarkerwort")));
        var hagenAktiv = await app.SignInAsync("fraktion");
        Assert.Equal(0, Total(await ApiAsync(hagenAktiv, "Zauberwortentwurf")));
        var office = await app.SignInAsync("amt11");
        Assert.Equal(1, Total(await ApiAsync(office, "Geheimmarkerwort")));
        Assert.Equal(0, Total(await ApiAsync(office, "Zauberwortentwurf")));
        // Nobody finds a non-public file's text: it is not indexed at all.
        Assert.Equal(0, Total(await ApiAsync(office, "Dateimarkerwort")));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PaperMadeNonPublic_DisappearsAtOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var anonymous = app.Client();
        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        await indexer.CatchUpAsync(Token);
        long id;
        await using (var db = database.NewContext())
        {
            id = await db.Papers.Where(p => p.Reference == "0930/2018").Select(p => p.Id).SingleAsync(Token);
        }
        static IEnumerable<long> Ids(JsonElement r) => r.GetProperty("hits").EnumerateArray().Where(h => h.GetProperty("type").GetString() == "paper").Select(h => h.GetProperty("id").GetInt64());
        Assert.Contains(id, Ids(await ApiAsync(anonymous, "Digitalisierungsstrategie")));

        await using (var db = database.NewContext())
        {
            var paper = await db.Papers.SingleAsync(p => p.Id == id, Token);
            paper.Public = false;
            paper.NonPublicReason = "Test";
            await db.SaveChangesAsync(Token);
        }
        // Before the indexer has seen the change: the check against the database drops it.
        Assert.DoesNotContain(id, Ids(await ApiAsync(anonymous, "Digitalisierungsstrategie")));
        Assert.DoesNotContain(id, Ids(await ApiAsync(anonymous, "930/18")));
        await indexer.CatchUpAsync(Token);
        var after = await ApiAsync(anonymous, "Digitalisierungsstrategie");
        Assert.DoesNotContain(id, Ids(after));
        Assert.DoesNotContain("0930/2018", after.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadParameters_Get400WithAGermanMessage()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        await using var app = new RisApp(database);
        var client = app.Client();
        await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);
        using var response = await client.GetAsync(new Uri("/api/search?q=Rat&seite=null&sortierung=zufall", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("Sortierung", body, StringComparison.Ordinal);
        Assert.Contains("seite", body, StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri("/suche?q=Digitalisierungsstrategie", UriKind.Relative), Token);
        Assert.Contains("0930/2018", page, StringComparison.Ordinal);
        Assert.Contains("<label class=\"kern-label\" for=\"q\">Suchbegriff</label>", page, StringComparison.Ordinal);
        var feed = await client.GetStringAsync(new Uri("/suche.atom?q=Digitalisierungsstrategie", UriKind.Relative), Token);
        Assert.Contains("<entry>", feed, StringComparison.Ordinal);
    }
}
