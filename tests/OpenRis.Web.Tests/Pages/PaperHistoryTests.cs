using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Pages;

/// <summary>The paper page's Beratungsfolge results, commitments and version history, and the start page's commitments.</summary>
public sealed class PaperHistoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTime Released = new(2018, 9, 20, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>Gives the Hagen statement a draft and a released version, an overdue and a kept promise, and its inquiry's consultation a result.</summary>
    private static async Task<(long Inquiry, long Statement)> SeedHistoryAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var inquiry = await db.Papers.Include(p => p.Consultations).ThenInclude(c => c.AgendaItem).SingleAsync(p => p.Reference == "0930/2018", Token);
        var statement = await db.Papers.Include(p => p.Kind).FirstAsync(p => p.ParentPaperId == inquiry.Id && p.Public, Token);
        statement.Transitions.Add(new PaperTransition { At = Released, Actor = "OB", From = PaperStatus.AwaitingRelease, To = PaperStatus.Published, Action = "freigegeben" });
        statement.Versions.Add(Version(1, Released.AddDays(-2), "Entwurf abgeschlossen", "GEHEIMER ENTWURF"));
        statement.Versions.Add(Version(2, Released, "Freigabe", "Freigegebene Stellungnahme"));
        db.Commitments.Add(new Commitment { BodyId = statement.BodyId, Paper = statement, Text = "Die Strategie wird bis Ende 2018 vorgelegt.", DueDate = new DateOnly(2018, 12, 31), ConfirmedBy = "test" });
        db.Commitments.Add(new Commitment { BodyId = statement.BodyId, Paper = statement, Text = "Ein Zwischenbericht folgt.", DueDate = new DateOnly(2018, 10, 1), Status = CommitmentStatus.Fulfilled, ConfirmedBy = "test" });
        var hidden = await db.Papers.FirstAsync(p => !p.Public, Token);
        db.Commitments.Add(new Commitment { BodyId = hidden.BodyId, Paper = hidden, Text = "Nichtöffentliche Zusage", DueDate = new DateOnly(2018, 1, 1), ConfirmedBy = "test" });
        var item = inquiry.Consultations.Select(c => c.AgendaItem).FirstOrDefault(i => i is { Public: true });
        Assert.NotNull(item);
        item.Result = "Zur Kenntnis genommen";
        await db.SaveChangesAsync(Token);
        return (inquiry.Id, statement.Id);
    }

    private static PaperVersion Version(int number, DateTime at, string reason, string text) => new()
    {
        Number = number,
        At = at,
        Actor = "test",
        Reason = reason,
        Json = System.Text.Json.JsonSerializer.Serialize(new PaperVersion.Content("Stellungnahme", "Stellungnahme", null, null, null, text, [])),
    };

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Statement_ListsOnlyReleasedVersions_AndItsCommitments(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database, clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2019, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var client = app.Client();
        await client.GetPageAsync("/");
        var (_, statement) = await SeedHistoryAsync(database);

        var page = await client.GetPageAsync($"/vorlagen/{statement}");

        var versions = page.QuerySelectorAll("ol.versions > li").Select(li => li.TextContent).ToList();
        Assert.Equal(["Fassung 2: Freigabe, 20.09.2018 12:00 Uhr"], versions);
        var commitments = page.QuerySelector("ul.commitments")!.TextContent;
        Assert.Contains("Die Strategie wird bis Ende 2018 vorgelegt.", commitments, StringComparison.Ordinal);
        Assert.Contains("überfällig", commitments, StringComparison.Ordinal);
        Assert.Contains("erfüllt", commitments, StringComparison.Ordinal);

        var released = await client.GetPageAsync($"/vorlagen/{statement}/fassungen/2");
        Assert.Contains("Freigegebene Stellungnahme", released.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/vorlagen/{statement}/fassungen/1"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/vorlagen/{statement}/fassungen/3"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Inquiry_BeratungsfolgeShowsStatusAndResult(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        await client.GetPageAsync("/");
        var (inquiry, _) = await SeedHistoryAsync(database);

        var page = await client.GetPageAsync($"/vorlagen/{inquiry}");

        var row = page.QuerySelectorAll("h2").Single(h => h.TextContent == "Beratungsfolge").NextElementSibling!.QuerySelector("tbody tr")!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("27.09.2018", cells[0]);
        Assert.Equal(["beraten", "Zur Kenntnis genommen"], cells[^2..]);
        Assert.StartsWith("/sitzungen/", row.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Start_ShowsOverdueCommitmentsOfPublicPapersOnly(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database, clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2019, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        var client = app.Client();
        await client.GetPageAsync("/");
        await SeedHistoryAsync(database);

        var section = (await client.GetPageAsync("/")).QuerySelector("section[aria-labelledby=zusagen]")!.TextContent;

        Assert.Contains("1 offene Zusage, davon 1 überfällig.", section, StringComparison.Ordinal);
        Assert.Contains("Die Strategie wird bis Ende 2018 vorgelegt.", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Nichtöffentliche Zusage", section, StringComparison.Ordinal);
    }
}
