namespace OpenRis.Web.Tests.Pages;

public sealed class StartPageTests
{
    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Start_ShowsTheDemoBodyAndItsNewestPapers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);

        var page = await app.Client().GetPageAsync("/");

        Assert.Equal("Ratsinformationssystem Stadt Hagen", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.TextContent.Contains("0930/2018 Anfrage der Fraktion Hagen Aktiv – hier: E-Government - Digitalisierungsstrategie", StringComparison.Ordinal));
        Assert.Contains("Sitzung des Rates der Stadt Hagen", page.Text(), StringComparison.Ordinal);
        // The demo says which names are invented.
        Assert.Contains("frei erfunden", page.QuerySelector("[role=note]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Start_WithoutDemo_IsEmptyButWorks(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database, seedDemo: false);

        var page = await app.Client().GetPageAsync("/");

        Assert.Contains("keine Sitzungen geplant", page.Text(), StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.Empty(db.Bodies);
    }
}
