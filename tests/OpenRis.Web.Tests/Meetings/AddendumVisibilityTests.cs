using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Alerts;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;
using OpenRis.Web.Search;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Meetings;

/// <summary>
/// An agenda item added after the agenda was published (here an urgent decision, with a public file,
/// and a published paper newly put on the agenda) reaches no public channel before its Nachtrag is
/// published: not the meeting page, OParl (lists, by id), search, iCal, the package, the public notice,
/// the sitemap, the paper's Beratungsfolge, file URLs or follow digests. After the Nachtrag it is there.
/// </summary>
public sealed class AddendumVisibilityTests
{
    private const string Marker = "Nachtragsprobenhalle";
    private const string FileMarker = "Nachtragsprobenplan";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ItemAddedAfterPublication_OnNoPublicChannel_UntilItsAddendumIsPublished(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 10, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        await using var app = new RisApp(database, clock: clock);
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        var anonymous = app.Client();
        var start = clock.GetUtcNow().UtcDateTime;

        var next = await CouncilMeetingTests.PlanAsync(office, "Rat der Stadt Hagen", "2018-11-08", "15:00");
        var meetingId = long.Parse(next.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await CouncilMeetingTests.PostOkAsync(office, next, "Tagesordnung erstellen", []);
        await CouncilMeetingTests.PostOkAsync(office, next, "Tagesordnung veröffentlichen", []);
        clock.Advance(TimeSpan.FromHours(1));

        using (var recorded = await office.SubmitAsync("/arbeitsbereich/dringlichkeitsentscheidungen", "Erfassen", new()
        {
            ["Subject"] = $"Anmietung der {Marker}",
            ["Text"] = $"Die Stadt mietet die {Marker} ab sofort für sechs Monate an.",
            ["DecidedOn"] = "2018-09-28",
            ["MayorName"] = "Erik O. Schulz",
            ["MemberName"] = "Jan Krüger",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        long itemId, fileId, publicPaperId, bodyId;
        var stored = await app.Services.GetRequiredService<FileStore>().SaveAsync(Encoding.UTF8.GetBytes($"{FileMarker}: Lageplan der Halle."), Token);
        await using (var db = database.NewContext(clock))
        {
            var item = await db.AgendaItems.SingleAsync(i => i.MeetingId == meetingId && i.Name.Contains(Marker), Token);
            itemId = item.Id;
            bodyId = item.BodyId;
            var file = new DocumentFile
            {
                BodyId = item.BodyId,
                AgendaItemId = item.Id,
                Name = $"Lageplan {FileMarker}",
                FileName = "lageplan.txt",
                MimeType = "text/plain",
                Public = true,
                Text = $"{FileMarker}: Lageplan der Halle.",
                Sha512Checksum = stored.Sha512,
                Size = stored.Size,
            };
            db.Files.Add(file);
            // A published paper put on the agenda after publication: its Beratungsfolge must not number the item yet.
            var meeting = await db.Meetings.Include(m => m.AgendaItems).Include(m => m.AgendaVersions).SingleAsync(m => m.Id == meetingId, Token);
            var paper = await db.Papers.Include(p => p.Kind).SingleAsync(p => p.Reference == "0930/2018", Token);
            publicPaperId = paper.Id;
            meeting.AddPaper(new Consultation { BodyId = paper.BodyId, Paper = paper, Role = "Beratung" });
            // Invited, so that the public notice exists.
            meeting.InvitedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(Token);
            fileId = file.Id;
        }
        var search = app.Services.GetRequiredService<SearchIndexer>();
        await search.CatchUpAsync(Token);

        // Before the Nachtrag: the marker reaches no public channel.
        var leaks = new List<string>();
        var crawler = new PublicChannelCrawler(anonymous, maxUrls: 1500)
        {
            Visit = (url, status, text) =>
            {
                Assert.True((int)status < 500, $"{url}: {(int)status}");
                leaks.AddRange(new[] { Marker, FileMarker }.Where(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{url}: {m}"));
            },
        };
        foreach (var seed in Seeds(meetingId, bodyId))
        {
            crawler.Add(seed);
        }
        await crawler.RunAsync();
        Assert.True(leaks.Count == 0, "an unpublished addendum item reached a public channel\n" + string.Join('\n', leaks.Distinct()));
        Assert.True(crawler.Fetched > 100, $"only {crawler.Fetched} URLs crawled");
        foreach (var path in new[] { $"/oparl/v1.1/agendaItem/{itemId}", $"/oparl/v1.1/file/{fileId}", $"/dateien/{fileId}" })
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), Token);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {path} gave {(int)response.StatusCode}, not 404");
        }
        Assert.Equal("", await BeratungsfolgeNumberAsync(anonymous, publicPaperId));
        Assert.DoesNotContain(await DigestAsync(app, clock, start), c => c.Contains(FileMarker, StringComparison.Ordinal) || c.Contains(Marker, StringComparison.Ordinal));

        // The Nachtrag publishes the items: the meeting page, OParl (by id and in the meeting), search, the paper's Beratungsfolge.
        clock.Advance(TimeSpan.FromHours(1));
        var beforeAddendum = clock.GetUtcNow().UtcDateTime;
        clock.Advance(TimeSpan.FromMinutes(1));
        await CouncilMeetingTests.PostOkAsync(office, next, "Nachtrag veröffentlichen", []);
        await search.CatchUpAsync(Token);
        Assert.Contains(Marker, (await anonymous.PageAsync($"/sitzungen/{meetingId}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Marker, await anonymous.GetStringAsync(new Uri($"/oparl/v1.1/agendaItem/{itemId}", UriKind.Relative), Token), StringComparison.Ordinal);
        Assert.Contains(FileMarker, await anonymous.GetStringAsync(new Uri($"/oparl/v1.1/file/{fileId}", UriKind.Relative), Token), StringComparison.Ordinal);
        Assert.Contains(Marker, await anonymous.GetStringAsync(new Uri($"/oparl/v1.1/meeting/{meetingId}", UriKind.Relative), Token), StringComparison.Ordinal);
        // The item was saved before; the Nachtrag moves its served modified, so modified_since crawlers fetch it now.
        var since = Uri.EscapeDataString(beforeAddendum.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"/agendaItem/{itemId}\"", await anonymous.GetStringAsync(new Uri($"/oparl/v1.1/body/{bodyId}/agendaItem?modified_since={since}", UriKind.Relative), Token), StringComparison.Ordinal);
        Assert.Contains($"/sitzungen/{meetingId}", await anonymous.GetStringAsync(new Uri($"/api/search?q={Marker[..^3]}*", UriKind.Relative), Token), StringComparison.Ordinal);
        Assert.Contains(FileMarker, await anonymous.GetStringAsync(new Uri($"/dateien/{fileId}", UriKind.Relative), Token), StringComparison.Ordinal);
        Assert.NotEqual("", await BeratungsfolgeNumberAsync(anonymous, publicPaperId));
        Assert.Contains(await DigestAsync(app, clock, start), c => c.Contains(FileMarker, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task PlainItemAddedAfterPublication_ServedByOParlOnlyOnceTheAddendumIsPublished(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 10, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        await using var app = new RisApp(database, clock: clock);
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        var anonymous = app.Client();
        var next = await CouncilMeetingTests.PlanAsync(office, "Rat der Stadt Hagen", "2018-11-08", "15:00");
        var meetingId = long.Parse(next.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await CouncilMeetingTests.PostOkAsync(office, next, "Tagesordnung erstellen", []);
        await CouncilMeetingTests.PostOkAsync(office, next, "Tagesordnung veröffentlichen", []);

        // Only the Nachtrag changes when it is published (no paper goes public with it): the new version alone re-serves the item.
        long itemId;
        await using (var db = database.NewContext(clock))
        {
            var meeting = await db.Meetings.Include(m => m.AgendaItems).Include(m => m.AgendaVersions).SingleAsync(m => m.Id == meetingId, Token);
            var item = meeting.AddItem($"Mitteilung zur {Marker}", isPublic: true);
            await db.SaveChangesAsync(Token);
            itemId = item.Id;
        }
        var path = new Uri($"/oparl/v1.1/agendaItem/{itemId}", UriKind.Relative);
        using (var hidden = await anonymous.GetAsync(path, Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        Assert.DoesNotContain(Marker, await anonymous.GetStringAsync(new Uri($"/oparl/v1.1/meeting/{meetingId}", UriKind.Relative), Token), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromHours(1));
        await CouncilMeetingTests.PostOkAsync(office, next, "Nachtrag veröffentlichen", []);
        Assert.Contains(Marker, await anonymous.GetStringAsync(path, Token), StringComparison.Ordinal);
        Assert.Contains(Marker, await anonymous.GetStringAsync(new Uri($"/oparl/v1.1/meeting/{meetingId}", UriKind.Relative), Token), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Seeds(long meetingId, long bodyId)
    {
        string[] seeds =
        [
            "/", "/sitemap.xml", "/oparl/v1.1/system", "/kalender.ics", "/sitzungen", "/kalender?ansicht=liste",
            $"/sitzungen/{meetingId}", $"/sitzungen/{meetingId}.ics", $"/sitzungen/{meetingId}/mappe.pdf", $"/sitzungen/{meetingId}/mappe.zip",
            $"/sitzungen/{meetingId}/bekanntmachung.html", $"/sitzungen/{meetingId}/bekanntmachung.pdf", $"/oparl/v1.1/meeting/{meetingId}",
            $"/oparl/v1.1/body/{bodyId}/agendaItem", $"/oparl/v1.1/body/{bodyId}/meeting", $"/oparl/v1.1/body/{bodyId}/file",
        ];
        foreach (var seed in seeds)
        {
            yield return seed;
        }
        // A search page repeats its query: the markers are searched for by a prefix and with a typo, so only a hit shows the whole word.
        var queries = new[] { Marker, FileMarker }.SelectMany(m => new[] { m[..^3] + "*", m[..^2] + m[^1] + m[^2] }).Append("Anmietung");
        foreach (var query in queries)
        {
            var q = Uri.EscapeDataString(query);
            yield return $"/suche?q={q}";
            yield return $"/api/search?q={q}";
            yield return $"/suche.atom?q={q}";
        }
    }

    /// <summary>The TOP cell of the paper's Beratungsfolge row for the meeting of 08.11.2018.</summary>
    private static async Task<string> BeratungsfolgeNumberAsync(HttpClient client, long paperId)
    {
        var page = await client.PageAsync($"/vorlagen/{paperId}");
        var row = page.QuerySelectorAll("table tbody tr").Single(r => r.TextContent.Contains("08.11.2018", StringComparison.Ordinal));
        return row.Children[3].TextContent.Trim();
    }

    /// <summary>What a follower of the council would be told since <paramref name="since"/>.</summary>
    private static async Task<List<string>> DigestAsync(RisApp app, TimeProvider clock, DateTime since)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenRis.Web.Data.RisDbContext>();
        var council = await db.Organizations.SingleAsync(o => o.Name == "Rat der Stadt Hagen", Token);
        var follow = new Follow { Target = FollowTarget.Organization, OrganizationId = council.Id };
        var changes = await FollowChanges.SinceAsync(db, scope.ServiceProvider.GetRequiredService<SearchService>(), follow, since, clock.GetUtcNow().UtcDateTime, Token);
        return changes.Select(c => c.Text).ToList();
    }
}
