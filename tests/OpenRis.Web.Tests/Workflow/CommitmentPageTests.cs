using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>
/// The two promises of 0930/2018 tracked over HTTP with the clock set: the report due at every meeting
/// of the Betriebsausschuss HABIT becomes overdue after a meeting without one, the clerk records the
/// reports, and the strategy promise is marked fulfilled by a later paper chosen by its number.
/// </summary>
public sealed class CommitmentPageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed record Case(RisApp App, FakeTimeProvider Clock, long Strategy, long Reports, long InquiryId, long LaterPaperId, long November, long February);

    /// <summary>The demo with the published 0930/2018, its two commitments, two HABIT meetings after the answer and the strategy paper 0123/2019.</summary>
    private static async Task<Case> StartAsync(TestDatabase database)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2019, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var db = await database.MigratedContextAsync(clock);
        await DemoMunicipality.SeedAsync(db, new FileStore(new FileStoreOptions { Root = database.FilesRoot }), withOpenCase: true, Token);
        var inquiry = await db.Papers.SingleAsync(p => p.Reference == "0930/2018", Token);
        var statement = await db.Papers.SingleAsync(p => p.ParentPaperId == inquiry.Id, Token);
        var habit = await db.Organizations.SingleAsync(o => o.Name == "Betriebsausschuss HABIT", Token);
        var strategy = new Commitment
        {
            BodyId = statement.BodyId,
            PaperId = statement.Id,
            DueDate = new DateOnly(2019, 6, 30),
            ConfirmedBy = "Amt 11",
            ConfirmedAt = new DateTime(2018, 9, 20, 8, 0, 0, DateTimeKind.Utc),
            Text = "Unter Berücksichtigung der noch durchzuführenden Stellenbesetzungsverfahren ist mit einer Fertigstellung einer Digitalisierungsstrategie Ende des 2. Quartals 2019 zu rechnen.",
        };
        var reports = new Commitment
        {
            BodyId = statement.BodyId,
            PaperId = statement.Id,
            RecurringOrganizationId = habit.Id,
            Recurrence = "in jeder Sitzung: Betriebsausschuss HABIT",
            ConfirmedBy = "Amt 11",
            ConfirmedAt = new DateTime(2018, 9, 20, 8, 0, 0, DateTimeKind.Utc),
            Text = "Die Verwaltung berichtet auch weiterhin in jeder Sitzung des Betriebsausschusses HABIT über die aktuellen Projekte und Maßnahmen im Bereich Digitalisierung und E-Government.",
        };
        Meeting HabitMeeting(DateTime start)
        {
            var meeting = new Meeting { BodyId = habit.BodyId, Name = "Sitzung des Betriebsausschusses HABIT", Start = start };
            meeting.Organizations.Add(new MeetingOrganization { Meeting = meeting, OrganizationId = habit.Id });
            return meeting;
        }
        var november = HabitMeeting(new DateTime(2018, 11, 15, 15, 0, 0, DateTimeKind.Utc));
        var february = HabitMeeting(new DateTime(2019, 2, 14, 15, 0, 0, DateTimeKind.Utc));
        var later = new Paper
        {
            BodyId = inquiry.BodyId,
            PaperKindId = (await db.PaperKinds.SingleAsync(k => k.Key == PaperKindKeys.ResolutionDraft, Token)).Id,
            Name = "Digitalisierungsstrategie der Stadt Hagen",
            Reference = "0123/2019",
            Status = PaperStatus.Published,
            Date = new DateOnly(2019, 2, 20),
        };
        db.AddRange(strategy, reports, november, february, later);
        await db.SaveChangesAsync(Token);
        return new Case(new RisApp(database, seedDemo: true, clock: clock), clock, strategy.Id, reports.Id, inquiry.Id, later.Id, november.Id, february.Id);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task RecurringReports_AndFulfilment_ShowOnTheDashboardAndBothPapers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var c = await StartAsync(database);
        await using var _ = c.App;
        var anonymous = c.App.Client();

        // 01.03.2019: two HABIT meetings have been held since the answer, neither with a report.
        var dashboard = await anonymous.PageAsync("/zusagen");
        var overdue = dashboard.QuerySelector("ul.commitments.overdue")!.TextContent;
        Assert.Contains("in jeder Sitzung des Betriebsausschusses HABIT", overdue, StringComparison.Ordinal);
        Assert.Contains("Ohne Bericht: Sitzung am 15.11.2018, Sitzung am 14.02.2019", overdue, StringComparison.Ordinal);
        Assert.Contains("Ende des 2. Quartals 2019", dashboard.QuerySelector("ul.commitments.open")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("überfällig", (await anonymous.PageAsync($"/vorlagen/{c.InquiryId}")).QuerySelector("ul.commitments")!.TextContent, StringComparison.Ordinal);

        // The council office records the report of 15.11.2018: still overdue for 14.02.2019.
        var office = await c.App.SignInAsync(DemoAccounts.CouncilOffice);
        var page = await office.PageAsync($"/arbeitsbereich/zusagen/{c.Reports}");
        using (var first = await office.SubmitAsync($"/arbeitsbereich/zusagen/{c.Reports}", "Bericht festhalten", new() { ["MeetingId"] = page.Option("MeetingId", "15.11.2018") }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        Assert.Contains("Ohne Bericht: Sitzung am 14.02.2019", (await anonymous.PageAsync("/zusagen")).QuerySelector("ul.commitments.overdue")!.TextContent, StringComparison.Ordinal);
        // An unknown number is refused with a message and nothing is recorded.
        page = await office.PageAsync($"/arbeitsbereich/zusagen/{c.Reports}");
        using (var unknown = await office.SubmitAsync($"/arbeitsbereich/zusagen/{c.Reports}", "Bericht festhalten", new()
        {
            ["MeetingId"] = page.Option("MeetingId", "14.02.2019"),
            ["ReportPaperNumber"] = "9999/2019",
        }))
        {
            Assert.Contains("9999/2019", (await FormClient.ParseAsync(unknown)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        // The report of 14.02.2019 was given as the paper 0123/2019, typed as "123/19".
        using (var second = await office.SubmitAsync($"/arbeitsbereich/zusagen/{c.Reports}", "Bericht festhalten", new()
        {
            ["MeetingId"] = page.Option("MeetingId", "14.02.2019"),
            ["ReportPaperNumber"] = "123/19",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }
        dashboard = await anonymous.PageAsync("/zusagen");
        Assert.Null(dashboard.QuerySelector("ul.commitments.overdue"));
        var open = dashboard.QuerySelector("ul.commitments.open")!.TextContent;
        Assert.Contains("Berichtet: Sitzung am 15.11.2018; Sitzung am 14.02.2019 (0123/2019)", string.Join(' ', open.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        // The strategy: the inquiry itself cannot fulfil it; 0123/2019 does.
        using (var own = await office.SubmitAsync($"/arbeitsbereich/zusagen/{c.Strategy}", "Als erfüllt markieren", new() { ["PaperNumber"] = "0930/2018" }))
        {
            Assert.Contains("spätere Vorlage", (await FormClient.ParseAsync(own)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        using (var fulfilled = await office.SubmitAsync($"/arbeitsbereich/zusagen/{c.Strategy}", "Als erfüllt markieren", new() { ["PaperNumber"] = "0123/2019" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, fulfilled.StatusCode);
        }
        // With the clock past 30.06.2019 the fulfilled promise is not overdue; both papers show it.
        c.Clock.SetUtcNow(new DateTimeOffset(2019, 7, 1, 8, 0, 0, TimeSpan.Zero));
        dashboard = await anonymous.PageAsync("/zusagen");
        Assert.Null(dashboard.QuerySelector("ul.commitments.overdue"));
        var done = dashboard.QuerySelector("ul.commitments.fulfilled")!;
        Assert.Contains("Ende des 2. Quartals 2019", done.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/vorlagen/{c.LaterPaperId}", done.QuerySelector("a.fulfilled-by")!.GetAttribute("href"));
        Assert.Contains("erfüllt durch 0123/2019", (await anonymous.PageAsync($"/vorlagen/{c.InquiryId}")).QuerySelector("ul.commitments")!.TextContent, StringComparison.Ordinal);
        var kept = (await anonymous.PageAsync($"/vorlagen/{c.LaterPaperId}")).QuerySelector("ul.commitments.kept")!.TextContent;
        Assert.Contains("Ende des 2. Quartals 2019", kept, StringComparison.Ordinal);
        Assert.Contains("in jeder Sitzung des Betriebsausschusses HABIT", kept, StringComparison.Ordinal);

        await using var db = database.NewContext();
        var reports = await db.CommitmentReports.Where(r => r.CommitmentId == c.Reports).OrderBy(r => r.MeetingId).ToListAsync(Token);
        Assert.Equal([(c.November, (long?)null), (c.February, c.LaterPaperId)], reports.Select(r => (r.MeetingId, r.PaperId)));
        Assert.Equal(c.LaterPaperId, (await db.Commitments.SingleAsync(x => x.Id == c.Strategy, Token)).FulfilledByPaperId);
    }

    [Fact]
    public async Task CommitmentPage_OnlyForTheLeadOfficeAndTheCouncilOffice()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var c = await StartAsync(database);
        await using var _ = c.App;
        var path = $"/arbeitsbereich/zusagen/{c.Reports}";

        Assert.Equal(HttpStatusCode.Redirect, (await c.App.Client().GetAsync(new Uri(path, UriKind.Relative), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await c.App.SignInAsync(DemoAccounts.FactionOffice)).GetAsync(new Uri(path, UriKind.Relative), Token)).StatusCode);
        // The demo statement belongs to the Oberbürgermeister's office: a clerk of HABIT is not its lead office.
        Assert.Equal(HttpStatusCode.NotFound, (await (await c.App.SignInAsync(DemoAccounts.CoSigningClerk)).GetAsync(new Uri(path, UriKind.Relative), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await c.App.SignInAsync(DemoAccounts.CouncilOffice)).GetAsync(new Uri(path, UriKind.Relative), Token)).StatusCode);
    }
}
