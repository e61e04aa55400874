using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Meetings;

/// <summary>
/// Issue #8 end to end over HTTP: the council office builds the agenda of the council meeting of
/// 27.09.2018 with the inquiry 0930/2018 under "Anfragen", invites in time (and is refused for a
/// late invitation without a recorded urgency), records attendance and a roll-call vote, drafts,
/// signs and publishes the minutes; the public sees results, tallies and minutes, but nothing non-public.
/// </summary>
public sealed class CouncilMeetingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Motion = "Antrag der Fraktion Hagen Aktiv: Digitalisierungsbeauftragte Person benennen";
    private const string Secret = "Personalangelegenheit: Stellenbesetzung Leitung Amt 11";

    /// <summary>The demo on 19.09.2018, with the 27.09. meeting as it stood before its agenda was built.</summary>
    private static async Task<(RisApp App, FakeTimeProvider Clock, long MeetingId)> StartAsync(TestDatabase database)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 9, 19, 9, 0, 0, TimeSpan.FromHours(2)));
        long meetingId;
        await using (var db = await database.MigratedContextAsync(clock))
        {
            await DemoMunicipality.SeedAsync(db, new FileStore(new FileStoreOptions { Root = database.FilesRoot }), withOpenCase: true, Token);
            var start = Berlin.ToUtc(new DateTime(2018, 9, 27, 15, 0, 0));
            var meeting = await db.Meetings.Include(m => m.AgendaItems).SingleAsync(m => m.Start == start && m.Name.Contains("Rates"), Token);
            meetingId = meeting.Id;
            foreach (var consultation in await db.Consultations.Where(c => c.MeetingId == meetingId).ToListAsync(Token))
            {
                consultation.AgendaItemId = null;
            }
            db.AgendaItems.RemoveRange(meeting.AgendaItems);
            meeting.MeetingState = MeetingState.Scheduled;
            await db.SaveChangesAsync(Token);
        }
        return (new RisApp(database, seedDemo: true, clock: clock), clock, meetingId);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task CouncilMeeting_AgendaInvitationVoteMinutes_PublicSeesResultsButNothingNonPublic(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (app, clock, id) = await StartAsync(database);
        await using var _ = app;
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        var path = $"/arbeitsbereich/sitzungen/{id}";

        // Build the agenda: standing items plus the scheduled inquiry under "Anfragen".
        await PostOkAsync(office, path, "Tagesordnung erstellen", []);
        await PostOkAsync(office, path, "Punkt hinzufügen", new() { ["ItemName"] = Motion });
        await PostOkAsync(office, path, "Punkt hinzufügen", new() { ["ItemName"] = Secret, ["ItemPublic"] = "false" });
        var agenda = Rows(await office.PageAsync(path));
        Assert.Contains("I.4 Anfragen", agenda);
        Assert.Contains(agenda, r => r.StartsWith("I.4.1 Anfrage der Fraktion Hagen Aktiv", StringComparison.Ordinal) && r.Contains("Digitalisierungsstrategie", StringComparison.Ordinal));
        Assert.Equal("I.8 " + Motion, agenda.Single(r => r.Contains(Motion, StringComparison.Ordinal)));
        Assert.Matches(@"^II\.\d+ " + Secret + "$", agenda.Single(r => r.Contains(Secret, StringComparison.Ordinal)));

        // Reorder: the motion goes before the announcement of non-public decisions.
        var motionId = await ItemIdAsync(office, path, Motion);
        await PostOkAsync(office, path, "Nach oben: I.8", []);
        agenda = Rows(await office.PageAsync(path));
        Assert.Equal("I.7 " + Motion, agenda.Single(r => r.Contains(Motion, StringComparison.Ordinal)));
        Assert.Equal("I.8 Bekanntgabe der in nichtöffentlicher Sitzung gefassten Beschlüsse", agenda.Single(r => r.StartsWith("I.8 ", StringComparison.Ordinal)));

        // Publish and invite on 19.09.: the 7-day period ends on 20.09., 24:00.
        await PostOkAsync(office, path, "Tagesordnung veröffentlichen", []);
        await PostOkAsync(office, $"{path}/einladung", "Einladung versenden", []);
        var shown = await office.PageAsync(path);
        Assert.Contains("eingeladen", shown.QuerySelector("dd.status")!.TextContent, StringComparison.Ordinal);

        // A special meeting on 24.09. cannot be invited on 19.09. without a reason of urgency.
        var special = await PlanAsync(office, "Rat der Stadt Hagen", "2018-09-24", "17:00");
        await PostOkAsync(office, special, "Tagesordnung erstellen", []);
        await PostOkAsync(office, special, "Tagesordnung veröffentlichen", []);
        using (var refused = await office.SubmitAsync($"{special}/einladung", "Einladung versenden", []))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var error = (await FormClient.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent;
            Assert.Contains("Die Ladungsfrist (7 Kalendertage", error, StringComparison.Ordinal);
            Assert.Contains("ist nicht gewahrt; sie endete am 17.09.2018", error, StringComparison.Ordinal);
            Assert.Contains("Begründung der Dringlichkeit", error, StringComparison.Ordinal);
        }
        await PostOkAsync(office, $"{special}/einladung", "Einladung versenden", new() { ["UrgencyReason"] = "Förderantrag muss bis 25.09. beschlossen sein" });
        Assert.Contains("verkürzte Ladungsfrist wegen Dringlichkeit: Förderantrag", (await office.PageAsync(special)).QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);

        // Moving and cancelling the special meeting: calendars get a new SEQUENCE and STATUS:CANCELLED.
        var specialId = special.Split('/').Last();
        await PostOkAsync(office, $"{special}/termin", "Sitzung verlegen", new() { ["NewDate"] = "2018-09-25", ["NewTime"] = "17:00", ["Reason"] = "Raum belegt" });
        var moved = await app.Client().GetStringAsync(new Uri($"/sitzungen/{specialId}.ics", UriKind.Relative), Token);
        Assert.Contains("SEQUENCE:1", moved, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20180925T170000", moved, StringComparison.Ordinal);
        Assert.Contains("LAST-MODIFIED:", moved, StringComparison.Ordinal);
        await PostOkAsync(office, $"{special}/termin", "Sitzung absagen", new() { ["Reason"] = "Förderantrag zurückgezogen" });
        var cancelled = await app.Client().GetStringAsync(new Uri($"/sitzungen/{specialId}.ics", UriKind.Relative), Token);
        Assert.Contains("STATUS:CANCELLED", cancelled, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2", cancelled, StringComparison.Ordinal);
        Assert.Contains("Grund: Förderantrag zurückgezogen", (await app.Client().PageAsync($"/sitzungen/{specialId}")).Body!.TextContent, StringComparison.Ordinal);

        // 27.09., 15:00: attendance, one member excused, one late.
        clock.SetUtcNow(new DateTimeOffset(2018, 9, 27, 19, 0, 0, TimeSpan.FromHours(2)));
        office = await app.SignInAsync(DemoAccounts.CouncilOffice); // the sign-in of 19.09. has expired
        var attendancePage = await office.PageAsync($"{path}/anwesenheit");
        var members = attendancePage.QuerySelectorAll("tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.True(members.Count >= 4, $"only {members.Count} members");
        var statuses = new Dictionary<string, string>();
        for (var i = 0; i < members.Count; i++)
        {
            statuses[$"Rows[{i}].Status"] = i == 3 ? "Excused" : "Present";
        }
        statuses["Rows[2].ArrivedAt"] = "15:40";
        await PostOkAsync(office, $"{path}/anwesenheit", "Anwesenheit speichern", statuses);

        // Roll-call vote on the motion; a tally that does not match is refused first.
        var itemPath = $"{path}/top/{motionId}";
        var itemPage = await office.PageAsync(itemPath);
        var voters = itemPage.QuerySelectorAll<IHtmlSelectElement>("select[name^='Votes[']").Select(s => s.Name!).ToList();
        var conflicted = itemPage.QuerySelectorAll<IHtmlInputElement>("input[name=ConflictIds]").Select(c => c.Value).ToList();
        var vote = new Dictionary<string, string>
        {
            ["Kind"] = "Adopted",
            ["Wording"] = "Ungeändert beschlossen",
            ["ResolutionText"] = "Der Rat beauftragt die Verwaltung, eine digitalisierungsbeauftragte Person zu benennen.",
            ["Yes"] = "2",
            ["No"] = "1",
            ["Abstain"] = "0",
            [voters[0]] = "Yes",
            [voters[1]] = "Yes",
            [voters[2]] = "Yes",
        };
        using (var mismatch = await office.SubmitAsync(itemPath, "Ergebnis speichern", vote))
        {
            Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
            Assert.Contains("stimmt nicht mit der namentlichen Abstimmung überein (3 Ja, 0 Nein, 0 Enthaltungen)",
                (await FormClient.ParseAsync(mismatch)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        vote[voters[2]] = "No";
        vote["ConflictIds"] = conflicted[4];
        await PostOkAsync(office, itemPath, "Ergebnis speichern", vote);
        var inquiryId = await ItemIdAsync(office, path, "Digitalisierungsstrategie");
        await PostOkAsync(office, $"{path}/top/{inquiryId}", "Ergebnis speichern", new() { ["Kind"] = "Noted" });

        // Minutes: drafted from the results, signed twice, published.
        var minutesPath = $"{path}/niederschrift";
        await PostOkAsync(office, minutesPath, "Niederschrift entwerfen", []);
        var draft = (await office.PageAsync(minutesPath)).QuerySelector("textarea[name=PublicText]")!.TextContent;
        Assert.Contains($"I.7 {Motion}", draft, StringComparison.Ordinal);
        Assert.Contains("Ergebnis: Ungeändert beschlossen (2 Ja, 1 Nein, 0 Enthaltungen, namentliche Abstimmung)", draft, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, draft, StringComparison.Ordinal);
        using (var early = await office.SubmitAsync(minutesPath, "Als Vorsitz unterschreiben", new() { ["SignerName"] = " " }))
        {
            Assert.Contains("Namen der unterschreibenden Person", (await FormClient.ParseAsync(early)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        await PostOkAsync(office, minutesPath, "Als Vorsitz unterschreiben", new() { ["SignerName"] = "Erik O. Schulz" });
        await PostOkAsync(office, minutesPath, "Als Schriftführung unterschreiben", new() { ["SignerName"] = "Petra Schriftführerin" });
        await PostOkAsync(office, minutesPath, "Niederschrift veröffentlichen", []);

        // The public: results, tallies, roll call, attendance and minutes; nothing non-public.
        var anonymous = app.Client();
        var page = await anonymous.PageAsync($"/sitzungen/{id}");
        var text = page.Body!.TextContent;
        Assert.Contains("Ungeändert beschlossen", text, StringComparison.Ordinal);
        Assert.Contains("Abstimmung: 2 Ja, 1 Nein, 0 Enthaltungen (namentlich)", text, StringComparison.Ordinal);
        Assert.Contains("zur Kenntnis genommen", text, StringComparison.Ordinal);
        Assert.Contains(": entschuldigt", text, StringComparison.Ordinal);
        Assert.Contains("ab 15:40 Uhr", text, StringComparison.Ordinal);
        Assert.Contains("Unterschrieben von Erik O. Schulz (Vorsitz) und Petra Schriftführerin (Schriftführung)", text, StringComparison.Ordinal);
        Assert.Contains("Wegen Befangenheit nicht beteiligt", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, await anonymous.GetStringAsync(new Uri($"/sitzungen/{id}/bekanntmachung.html", UriKind.Relative), Token), StringComparison.Ordinal);
        var notice = await anonymous.GetStringAsync(new Uri($"/sitzungen/{id}/bekanntmachung.html", UriKind.Relative), Token);
        Assert.Contains("Bekanntmachung", notice, StringComparison.Ordinal);
        Assert.Contains("I.4 Anfragen", notice, StringComparison.Ordinal);

        // OParl: the result and the vote extension on the agenda item, the non-public item absent.
        var meetingJson = JsonNode.Parse(await anonymous.GetStringAsync(new Uri($"/oparl/v1.1/meeting/{id}", UriKind.Relative), Token))!;
        var items = meetingJson["agendaItem"]!.AsArray();
        Assert.DoesNotContain(items, i => i!["name"]!.GetValue<string>() == Secret);
        var motion = items.Single(i => i!["name"]!.GetValue<string>() == Motion)!;
        Assert.Equal("Ungeändert beschlossen", motion["result"]!.GetValue<string>());
        Assert.Equal("adopted", motion["openris-vote:resultKind"]!.GetValue<string>());
        Assert.Equal(2, motion["openris-vote:tally"]!["yes"]!.GetValue<int>());
        Assert.Equal(3, motion["openris-vote:rollCall"]!.AsArray().Count);
        Assert.Single(motion["openris-vote:conflictOfInterest"]!.AsArray());
        var secretCount = await CountAsync(database, id);
        Assert.Equal(1, secretCount);
    }

    private static async Task<int> CountAsync(TestDatabase database, long meetingId)
    {
        await using var db = await database.MigratedContextAsync();
        return await db.AgendaItems.CountAsync(i => i.MeetingId == meetingId && !i.Public && i.Name == Secret, Token);
    }

    /// <summary>Plans a single meeting of a body on the council office's calendar page; returns its workspace path.</summary>
    internal static async Task<string> PlanAsync(HttpClient office, string body, string date, string time = "16:00")
    {
        var index = await office.PageAsync("/arbeitsbereich/sitzungen");
        using var planned = await office.SubmitAsync("/arbeitsbereich/sitzungen", "Sitzung planen", new()
        {
            ["OrganizationId"] = index.QuerySelector<IHtmlSelectElement>("#single-body")!.Options.First(o => o.TextContent == body).Value,
            ["Date"] = date,
            ["Time"] = time,
        });
        return planned.Location();
    }

    internal static async Task PostOkAsync(HttpClient client, string path, string button, Dictionary<string, string> values)
    {
        using var response = await client.SubmitAsync(path, button, values);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var errors = (await FormClient.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent;
            Assert.Fail($"{button} on {path}: {(int)response.StatusCode} {errors}");
        }
    }

    internal static List<string> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("table.agenda tbody tr")
            .Select(r => $"{r.Children[0].TextContent.Trim()} {r.Children[1].TextContent.Trim()}").ToList();

    internal static async Task<long> ItemIdAsync(HttpClient client, string path, string nameContains)
    {
        var page = await client.PageAsync(path);
        var row = page.QuerySelectorAll("table.agenda tbody tr").First(r => r.Children[1].TextContent.Contains(nameContains, StringComparison.Ordinal));
        var link = row.QuerySelector("a[href*='/top/']")!.GetAttribute("href")!;
        return long.Parse(link.Split('/').Last(), CultureInfo.InvariantCulture);
    }
}
