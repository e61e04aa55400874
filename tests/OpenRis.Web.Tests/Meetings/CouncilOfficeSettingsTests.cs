using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Demo;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Meetings;

/// <summary>
/// The council office's standing pages around meetings: the standing agenda items of a body (data,
/// not code) and the correction of published minutes resolved in a later meeting (§ 52 GO NRW).
/// </summary>
public sealed class CouncilOfficeSettingsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StandingItems_EditedForOneBody_NewAgendaStartsWithThem_ResetRestoresDefault(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 10, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        await using var app = new RisApp(database, clock: clock);
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);

        var index = await office.PageAsync("/arbeitsbereich/sitzungen");
        var settings = index.QuerySelectorAll<IHtmlAnchorElement>("a").Single(a => a.TextContent == "Betriebsausschuss HABIT").GetAttribute("href")!;
        var page = await office.PageAsync(settings);
        Assert.Equal("Eröffnung der Sitzung und Feststellung der Beschlussfähigkeit\nMitteilungen\nAnfragen\nAnträge\nVorlagen der Verwaltung",
            page.QuerySelector("textarea[name=Items]")!.TextContent.Trim().Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("Vorgabe", page.Body!.TextContent, StringComparison.Ordinal);

        using (var empty = await office.SubmitAsync(settings, "Ständige Punkte speichern", new() { ["Items"] = " \n " }))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("mindestens einen ständigen Tagesordnungspunkt", (await FormClient.ParseAsync(empty)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        await CouncilMeetingTests.PostOkAsync(office, settings, "Ständige Punkte speichern", new()
        {
            ["Items"] = "Eröffnung der Sitzung\r\nSachstandsbericht der Betriebsleitung\r\nAnfragen\r\n\r\nVorlagen der Verwaltung",
        });
        Assert.Contains("Betriebsausschuss HABIT (eigene Liste)", (await office.PageAsync("/arbeitsbereich/sitzungen")).Body!.TextContent, StringComparison.Ordinal);

        var habit = await CouncilMeetingTests.PlanAsync(office, "Betriebsausschuss HABIT", "2018-10-18");
        await CouncilMeetingTests.PostOkAsync(office, habit, "Tagesordnung erstellen", []);
        Assert.Equal(["I.1 Eröffnung der Sitzung", "I.2 Sachstandsbericht der Betriebsleitung", "I.3 Anfragen", "I.4 Vorlagen der Verwaltung"],
            CouncilMeetingTests.Rows(await office.PageAsync(habit)));

        // The council keeps its own default, with the Einwohnerfragestunde.
        var council = await CouncilMeetingTests.PlanAsync(office, "Rat der Stadt Hagen", "2018-10-25");
        await CouncilMeetingTests.PostOkAsync(office, council, "Tagesordnung erstellen", []);
        Assert.Equal("I.2 Einwohnerfragestunde", CouncilMeetingTests.Rows(await office.PageAsync(council))[1]);

        await CouncilMeetingTests.PostOkAsync(office, settings, "Vorgabe wiederherstellen", []);
        await using var db = database.NewContext();
        Assert.Null(await db.Organizations.Where(o => o.Name == "Betriebsausschuss HABIT").Select(o => o.StandingAgendaItems).SingleAsync(Token));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task MinutesCorrection_ResolvedInALaterMeeting_BothMeetingsShowIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 10, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        await using var app = new RisApp(database, clock: clock);
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        long december, september;
        await using (var db = database.NewContext())
        {
            var meetings = await db.Meetings.Where(m => m.Name.Contains("Rates") && m.Organizations.Any(o => o.Organization.Name == "Rat der Stadt Hagen"))
                .OrderBy(m => m.Start).Select(m => m.Id).ToListAsync(Token);
            (december, september) = (meetings[0], meetings[1]);
        }

        // The minutes of 14.12.2017 are drafted, signed and published.
        var decemberMinutes = $"/arbeitsbereich/sitzungen/{december}/niederschrift";
        await CouncilMeetingTests.PostOkAsync(office, decemberMinutes, "Niederschrift entwerfen", []);
        await CouncilMeetingTests.PostOkAsync(office, decemberMinutes, "Als Vorsitz unterschreiben", new() { ["SignerName"] = "Erik O. Schulz" });
        await CouncilMeetingTests.PostOkAsync(office, decemberMinutes, "Als Schriftführung unterschreiben", new() { ["SignerName"] = "Petra Schriftführerin" });
        await CouncilMeetingTests.PostOkAsync(office, decemberMinutes, "Niederschrift veröffentlichen", []);

        // On 27.09.2018 the council resolves a correction; an empty one is refused first.
        var septemberMinutes = $"/arbeitsbereich/sitzungen/{september}/niederschrift";
        var page = await office.PageAsync(septemberMinutes);
        var corrects = page.Option("CorrectsId", "14.12.2017");
        using (var empty = await office.SubmitAsync(septemberMinutes, "Berichtigung erfassen", new() { ["CorrectsId"] = corrects, ["CorrectionText"] = "" }))
        {
            Assert.Contains("Text der Berichtigung", (await FormClient.ParseAsync(empty)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        await CouncilMeetingTests.PostOkAsync(office, septemberMinutes, "Berichtigung erfassen", new()
        {
            ["CorrectsId"] = corrects,
            ["CorrectionText"] = "Unter TOP I.3 muss es heißen: „einstimmig“ statt „mit großer Mehrheit“.",
        });
        Assert.Contains("Niederschrift vom 14.12.2017", (await office.PageAsync(septemberMinutes)).QuerySelector("ul.corrections")!.TextContent, StringComparison.Ordinal);

        var anonymous = app.Client();
        var corrected = (await anonymous.PageAsync($"/sitzungen/{december}")).Body!.TextContent;
        Assert.Contains("Berichtigt durch Beschluss in der Sitzung vom 27.09.2018", corrected, StringComparison.Ordinal);
        Assert.Contains("„einstimmig“ statt „mit großer Mehrheit“", corrected, StringComparison.Ordinal);
        var correcting = await anonymous.PageAsync($"/sitzungen/{september}");
        Assert.Contains("In dieser Sitzung berichtigt: Niederschrift der Sitzung vom 14.12.2017", correcting.Body!.TextContent, StringComparison.Ordinal);
        // The correction is not mistaken for the minutes of 27.09.2018, which are not written yet.
        Assert.DoesNotContain(correcting.QuerySelectorAll("h2"), h => h.TextContent == "Niederschrift (öffentlicher Teil)");
    }
}
