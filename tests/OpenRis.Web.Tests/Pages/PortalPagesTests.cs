using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Pages;

public sealed class PortalPagesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Meetings_ListsPublicMeetingsAndLinksTheirPages(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();

        var list = await client.GetPageAsync("/sitzungen");
        var council = await IdOfMeeting(database, new DateTime(2018, 9, 27));
        var link = list.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == $"/sitzungen/{council}");
        Assert.Equal("Sitzung des Rates der Stadt Hagen", link.TextContent);
        Assert.Contains("Donnerstag, 27.09.2018, 15:00 Uhr", list.Text(), StringComparison.Ordinal);

        var meeting = await client.GetPageAsync($"/sitzungen/{council}");
        Assert.Equal("Sitzung des Rates der Stadt Hagen", meeting.QuerySelector("h1")!.TextContent);
        Assert.Contains(meeting.QuerySelectorAll("a"), a => a.TextContent == "Rat der Stadt Hagen" && a.GetAttribute("href")!.StartsWith("/gremien/", StringComparison.Ordinal));
        var agenda = meeting.QuerySelector("table.agenda")!.TextContent;
        Assert.Contains("0930/2018", agenda, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Meetings_FilterByBodyAndPaging_Work(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        long habit;
        await using (var db = database.NewContext())
        {
            habit = await db.Organizations.Where(o => o.ShortName == "BA HABIT").Select(o => o.Id).SingleAsync(Token);
        }

        var filtered = await client.GetPageAsync($"/sitzungen?gremium={habit}");

        Assert.Contains("Betriebsausschusses HABIT", filtered.QuerySelector("#vergangene")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sitzung des Rates", filtered.QuerySelector("#vergangene")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("selected", filtered.QuerySelector($"option[value='{habit}']")!.GetAttribute("selected"));
        var secondPage = await client.GetPageAsync("/sitzungen?seite=2");
        Assert.Contains("Keine vergangenen Sitzungen", secondPage.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Calendar_ShowsTheMonthGridAndList(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);

        var page = await app.Client().GetPageAsync("/kalender?monat=2018-09");

        Assert.Equal("Sitzungskalender September 2018", page.QuerySelector("h1")!.TextContent);
        var cell = page.QuerySelectorAll("table.month td:not(.other)").Single(td => td.TextContent.Trim().StartsWith("27", StringComparison.Ordinal));
        Assert.Contains("15:00 Sitzung des Rates der Stadt Hagen", cell.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vorheriger Monat (August 2018)", page.Text(), StringComparison.Ordinal);
        // A malformed month falls back to the current one instead of failing.
        Assert.NotNull((await app.Client().GetPageAsync("/kalender?monat=kaputt")).QuerySelector("table.month"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task BodiesAndPeople_ShowMembershipsOverTimeAndMarkFictitiousPersons(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();

        var bodies = await client.GetPageAsync("/gremien");
        var faction = bodies.QuerySelectorAll("a").Single(a => a.TextContent == "Fraktion Hagen Aktiv im Rat der Stadt Hagen");
        var body = await client.GetPageAsync(faction.GetAttribute("href")!);
        Assert.Equal("Fraktion Hagen Aktiv im Rat der Stadt Hagen", body.QuerySelector("h1")!.TextContent);
        // The demo's memberships ended with the 2014–2020 term: they are listed as former, with their period.
        Assert.Contains("Frühere Mitglieder", body.Text(), StringComparison.Ordinal);
        var rows = body.QuerySelectorAll("table tbody tr").ToList();
        var chair = rows.Single(r => r.TextContent.Contains("Dr. Josef Bücker", StringComparison.Ordinal));
        Assert.Contains("Fraktionsvorsitzender", chair.TextContent, StringComparison.Ordinal);
        Assert.Contains("01.06.2014 – 31.10.2020", chair.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("fiktive Person", chair.TextContent, StringComparison.Ordinal);
        var invented = rows.Single(r => r.TextContent.Contains("Martina Kessler", StringComparison.Ordinal));
        Assert.Contains("fiktive Person – Demodaten", invented.TextContent, StringComparison.Ordinal);

        var member = invented.QuerySelector("a")!;
        var person = await client.GetPageAsync(member.GetAttribute("href")!);
        Assert.Equal("Martina Kessler", person.QuerySelector("h1")!.TextContent);
        Assert.Contains("fiktive Person – Demodaten", person.Text(), StringComparison.Ordinal);
        Assert.Contains(person.QuerySelectorAll("table a"), a => a.TextContent == "Fraktion Hagen Aktiv im Rat der Stadt Hagen");

        var people = await client.GetPageAsync("/personen");
        Assert.Contains(people.QuerySelectorAll("a"), a => a.TextContent == member.TextContent);
        Assert.Contains("Wahlperiode 2014–2020", (await client.GetPageAsync("/wahlperioden")).Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ServicePages_ExistAndTheLayoutLinksThem(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();

        var start = await client.GetPageAsync("/");
        var navigation = start.QuerySelector("nav[aria-label=Hauptnavigation]")!.QuerySelectorAll("a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Sitzungen", "Kalender", "Vorlagen", "Gremien", "Personen", "Suche"], navigation);
        Assert.Equal("Zum Inhalt springen", start.QuerySelector("a")!.TextContent);
        Assert.NotNull(start.QuerySelector("header"));
        Assert.NotNull(start.QuerySelector("main#inhalt"));
        Assert.NotNull(start.QuerySelector("footer"));
        foreach (var (path, heading) in new[] { ("/barrierefreiheit", "Erklärung zur Barrierefreiheit"), ("/impressum", "Impressum"), ("/datenschutz", "Datenschutzerklärung"), ("/vorlagen", "Vorlagen") })
        {
            Assert.Contains(start.QuerySelectorAll("a"), a => a.GetAttribute("href") == path);
            Assert.Equal(heading, (await client.GetPageAsync(path)).QuerySelector("h1")!.TextContent);
        }
        Assert.Contains("Stadt Hagen", start.QuerySelector(".site-name")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task UnknownIds_AreNotFound(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();

        foreach (var path in new[] { "/sitzungen/999999", "/gremien/999999", "/personen/999999", "/sitzungen/999999.ics", "/gremien/999999/kalender.ics", "/gremien/999999/vorlagen.atom" })
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, await client.StatusOfAsync(path));
        }
    }

    internal static async Task<long> IdOfMeeting(TestDatabase database, DateTime berlinDay)
    {
        await using var db = database.NewContext();
        var from = Berlin.ToUtc(berlinDay);
        var to = from.AddDays(1);
        return await db.Meetings.Where(m => m.Start >= from && m.Start < to).Select(m => m.Id).SingleAsync(Token);
    }
}
