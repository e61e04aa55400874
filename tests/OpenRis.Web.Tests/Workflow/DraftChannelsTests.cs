using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Web.Alerts;
using OpenRis.Web.Data;
using OpenRis.Web.Demo;
using OpenRis.Web.Model;
using OpenRis.Web.Search;
using OpenRis.Web.Tests.Mail;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>
/// A faction's draft for the council meeting of 27.09.2018 carries a marker word; it reaches nobody
/// but its faction on any channel: pages, search (page, API, feed), OParl, Atom and iCal feeds, the
/// sitemap, the commitments dashboard and the digest mailed to a follower of the council.
/// </summary>
public sealed class DraftChannelsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string Marker = "Zauberwortdraft";

    /// <summary>Never searched for, so a response that contains it shows the draft (the query itself is echoed).</summary>
    private const string Unsearched = "Pfauenfeder";

    private static async Task<int> TotalAsync(HttpClient client) =>
        System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/search?q={Marker}", UriKind.Relative), Token)).RootElement.GetProperty("total").GetInt32();

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FactionDraft_ReachesNoOneElse_OnAnyChannel(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = await SmtpSink.StartAsync();
        var (app, clock) = await SeedCaseTests.StartBeforeTheCaseAsync(database, new Dictionary<string, string>(sink.Settings()) { ["Alerts:CheckMinutes"] = "0" });
        await using var _ = app;
        long council, meetingId, bodyId;
        await using (var db = database.NewContext(clock))
        {
            council = await db.Organizations.Where(o => o.Name == "Rat der Stadt Hagen").Select(o => o.Id).SingleAsync(Token);
            var meeting = await db.Meetings.SingleAsync(m => m.Start == new DateTime(2018, 9, 27, 13, 0, 0, DateTimeKind.Utc), Token);
            (meetingId, bodyId) = (meeting.Id, meeting.BodyId);
            // A confirmed follower of the council, last told just now.
            var follow = Follow.Start("presse@beispiel.de", FollowTarget.Organization, null, council, null, 1, clock.GetUtcNow().UtcDateTime);
            follow.Confirm(clock.GetUtcNow().UtcDateTime);
            follow.LastDigestAt = clock.GetUtcNow().UtcDateTime;
            db.Follows.Add(follow);
            await db.SaveChangesAsync(Token);
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        var faction = await app.SignInAsync(DemoAccounts.FactionOffice);
        var form = await faction.PageAsync("/arbeitsbereich/vorlagen/neu");
        using var saved = await faction.SubmitAsync("/arbeitsbereich/vorlagen/neu", "Entwurf speichern", new()
        {
            ["Form.KindId"] = form.Option("Form.KindId", "Antrag"),
            ["Form.Subject"] = $"Geheimes {Marker} {Unsearched}",
            ["Form.Text"] = $"Noch nicht abgestimmt: {Marker}, {Unsearched}.",
            ["Form.TargetMeetingId"] = form.Option("Form.TargetMeetingId", "27.09.2018"),
        });
        var draftPath = saved.Location();
        var id = draftPath.Split('/').Last();
        // Something public happens in the council as well, so that the follower gets a digest at all.
        await using (var db = database.NewContext(clock))
        {
            var special = new Meeting { BodyId = bodyId, Name = "Sondersitzung des Rates", Start = new DateTime(2018, 10, 11, 15, 0, 0, DateTimeKind.Utc) };
            special.Organizations.Add(new MeetingOrganization { Meeting = special, OrganizationId = council });
            db.Meetings.Add(special);
            await db.SaveChangesAsync(Token);
        }
        await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);

        // The faction itself finds it: the marker is there to be found, so the checks below can fail.
        Assert.Contains(Unsearched, (await faction.PageAsync(draftPath)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await TotalAsync(faction));
        Assert.Contains(Unsearched, await faction.GetStringAsync(new Uri($"/suche?q={Marker}", UriKind.Relative), Token), StringComparison.Ordinal);

        string[] channels =
        [
            $"/suche?q={Marker}", $"/api/search?q={Marker}", $"/suche.atom?q={Marker}", "/vorlagen.atom", $"/gremien/{council}/vorlagen.atom",
            "/kalender.ics", $"/gremien/{council}/kalender.ics", $"/sitzungen/{meetingId}.ics", $"/sitzungen/{meetingId}", "/sitemap.xml", "/zusagen", "/",
            $"/oparl/v1.1/body/{bodyId}/paper", $"/oparl/v1.1/meeting/{meetingId}", $"/oparl/v1.1/body/{bodyId}/meeting", "/vorlagen",
        ];
        var clients = new Dictionary<string, HttpClient> { ["anonym"] = app.Client() };
        foreach (var user in new[] { DemoAccounts.OtherFactionOffice, DemoAccounts.CouncilOffice, DemoAccounts.Clerk, DemoAccounts.Approver, DemoAccounts.Administrator })
        {
            clients[user] = await app.SignInAsync(user);
        }
        var leaks = new List<string>();
        foreach (var (user, client) in clients)
        {
            foreach (var channel in channels)
            {
                using var response = await client.GetAsync(new Uri(channel, UriKind.Relative), Token);
                var body = await response.Content.ReadAsStringAsync(Token);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    leaks.Add($"{user} {channel}: {(int)response.StatusCode}");
                }
                else if (body.Contains(Unsearched, StringComparison.Ordinal) || body.Contains($"/vorlagen/{id}\"", StringComparison.Ordinal) || body.Contains($"/paper/{id}\"", StringComparison.Ordinal))
                {
                    leaks.Add($"{user} {channel}: shows the draft");
                }
            }
            if (await TotalAsync(client) != 0)
            {
                leaks.Add($"{user} /api/search: counts the draft");
            }
            foreach (var byId in new[] { draftPath, $"/vorlagen/{id}", $"/oparl/v1.1/paper/{id}", $"/vorlagen/{id}/dokument.pdf" })
            {
                using var response = await client.GetAsync(new Uri(byId, UriKind.Relative), Token);
                if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Redirect))
                {
                    leaks.Add($"{user} {byId}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(leaks);

        // The follower's digest tells of the special meeting, and of nothing from the draft.
        clock.Advance(TimeSpan.FromDays(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await FollowDigests.QueueDueAsync(scope.ServiceProvider.GetRequiredService<RisDbContext>(), scope.ServiceProvider.GetRequiredService<SearchService>(), "http://localhost", Token));
        }
        var digest = Assert.Single(await new MailInbox(sink, app.Services.GetRequiredService<OpenRis.Web.Mail.MailDispatcher>()).NewAsync(), m => m.To.Mailboxes.Single().Address == "presse@beispiel.de");
        Assert.Contains("Sondersitzung des Rates", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Unsearched, digest.TextBody + digest.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, digest.TextBody + digest.HtmlBody, StringComparison.Ordinal);
    }
}
