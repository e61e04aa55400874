using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>
/// A paper received after the deadline: the council office cannot register it until it has admitted it
/// as urgent or moved it to the next meeting, with a reason that is shown on the paper and in its history.
/// </summary>
public sealed class LateFilingPageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Filed on Thu 20.09.2018 for the council meeting of 27.09.2018, whose deadline ended on 18.09.</summary>
    private static async Task<(RisApp App, string Path, long Id)> FileLateAsync(TestDatabase database)
    {
        var (app, clock) = await SeedCaseTests.StartBeforeTheCaseAsync(database);
        clock.SetUtcNow(new DateTimeOffset(2018, 9, 20, 10, 0, 0, TimeSpan.FromHours(2)));
        var id = await SeedCaseTests.FileInquiryAsync(app);
        return (app, $"/arbeitsbereich/vorlagen/{id}", id);
    }

    /// <summary>The register form as a stale or forged page would post it, the lead office filled in.</summary>
    private static async Task<HttpResponseMessage> PostRegisterAsync(HttpClient office, string path, string leadOfficeId)
    {
        var page = await office.PageAsync($"{path}/registrieren");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var revision = page.QuerySelector("input[name=Revision]")!.GetAttribute("value")!;
        return await office.PostAsync(new Uri($"{path}/registrieren?handler=Register", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Revision", revision), new("LeadOfficeId", leadOfficeId)]), Token);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task LatePaper_NeedsTheDecision_AdmittedAsUrgent_ThenRegistered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (app, path, id) = await FileLateAsync(database);
        await using var _ = app;
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        long amt11;
        await using (var db = database.NewContext())
        {
            amt11 = await db.Organizations.Where(o => o.ShortName == "11").Select(o => o.Id).SingleAsync(Token);
        }

        var register = await office.PageAsync($"{path}/registrieren");
        Assert.StartsWith("Verspätet", register.QuerySelector("p.deadline.late")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(register.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Registrieren");
        Assert.Contains(register.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Entscheidung festhalten");

        // Registering anyway (an old tab, a forged post) is refused; no number is drawn.
        using (var refused = await PostRegisterAsync(office, path, amt11.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("nach Fristablauf eingegangen", (await FormClient.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        // A decision without a reason is refused too.
        using (var noReason = await office.SubmitAsync($"{path}/registrieren", "Entscheidung festhalten", new() { ["Decision"] = nameof(LateFilingDecision.AdmittedAsUrgent) }))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("Bitte begründen Sie", (await FormClient.ParseAsync(noReason)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        await using (var db = database.NewContext())
        {
            var paper = await db.Papers.SingleAsync(p => p.Id == id, Token);
            Assert.Equal((PaperStatus.Submitted, null, null), (paper.Status, paper.Reference, paper.LateDecision));
        }

        using (var decided = await office.SubmitAsync($"{path}/registrieren", "Entscheidung festhalten", new()
        {
            ["Decision"] = nameof(LateFilingDecision.AdmittedAsUrgent),
            ["DecisionReason"] = "Die Antwort wird vor der Haushaltsberatung gebraucht.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        }
        var registerPage = await office.PageAsync($"{path}/registrieren");
        using (var registered = await office.SubmitAsync($"{path}/registrieren", "Registrieren", new() { ["LeadOfficeId"] = registerPage.Option("LeadOfficeId", "Amt 11") }))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var shown = await office.PageAsync(path);
        Assert.Equal("Vom Ratsbüro als dringlich zugelassen. Begründung: Die Antwort wird vor der Haushaltsberatung gebraucht.", shown.QuerySelector("dd.late-decision")!.TextContent);
        var history = shown.QuerySelector("table.history")!.TextContent;
        Assert.Contains("als dringlich zugelassen", history, StringComparison.Ordinal);
        Assert.Contains("Die Antwort wird vor der Haushaltsberatung gebraucht.", history, StringComparison.Ordinal);
        // The faction sees the decision on its paper as well.
        var faction = await app.SignInAsync(DemoAccounts.FactionOffice);
        Assert.NotNull((await faction.PageAsync(path)).QuerySelector("dd.late-decision"));
        await using (var db = database.NewContext())
        {
            var paper = await db.Papers.Include(p => p.TargetMeeting).SingleAsync(p => p.Id == id, Token);
            Assert.Equal(("0930/2018", PaperStatus.Registered, LateFilingDecision.AdmittedAsUrgent), (paper.Reference, paper.Status, paper.LateDecision));
            Assert.Equal(new DateTime(2018, 9, 27, 13, 0, 0, DateTimeKind.Utc), paper.TargetMeeting!.Start);
        }
    }

    [Fact]
    public async Task LatePaper_MovedToTheNextCouncilMeeting()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var (app, path, id) = await FileLateAsync(database);
        await using var _ = app;
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        // Without a later council meeting there is nothing to move it to.
        var before = await office.PageAsync($"{path}/registrieren");
        Assert.True(before.QuerySelector("#decision-move")!.HasAttribute("disabled"));

        long nextId;
        await using (var db = database.NewContext())
        {
            var council = await db.Organizations.SingleAsync(o => o.ShortName == "Rat", Token);
            var next = new Meeting { BodyId = council.BodyId, Name = "Sitzung des Rates der Stadt Hagen", Start = new DateTime(2018, 11, 8, 14, 0, 0, DateTimeKind.Utc) };
            next.Organizations.Add(new MeetingOrganization { Meeting = next, OrganizationId = council.Id, Position = 0 });
            db.Meetings.Add(next);
            await db.SaveChangesAsync(Token);
            nextId = next.Id;
        }
        var page = await office.PageAsync($"{path}/registrieren");
        Assert.Contains("08.11.2018", page.QuerySelector("label[for=decision-move]")!.TextContent, StringComparison.Ordinal);
        using (var moved = await office.SubmitAsync($"{path}/registrieren", "Entscheidung festhalten", new()
        {
            ["Decision"] = nameof(LateFilingDecision.MovedToNextMeeting),
            ["DecisionReason"] = "Frist versäumt, keine Dringlichkeit erkennbar.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        var after = await office.PageAsync($"{path}/registrieren");
        Assert.Contains(after.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Registrieren");
        Assert.Contains("auf die Sitzung am 08.11.2018: Frist versäumt", (await office.PageAsync(path)).QuerySelector("table.history")!.TextContent, StringComparison.Ordinal);
        await using var check = database.NewContext();
        var paper = await check.Papers.SingleAsync(p => p.Id == id, Token);
        Assert.Equal((nextId, LateFilingDecision.MovedToNextMeeting), (paper.TargetMeetingId, paper.LateDecision));
    }
}
