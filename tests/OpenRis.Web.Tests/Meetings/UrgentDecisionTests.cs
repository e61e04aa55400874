using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Demo;
using OpenRis.Web.Model;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Meetings;

/// <summary>
/// A Dringlichkeitsentscheidung (§ 60 GO NRW) over HTTP: the council office records what the mayor
/// decided with one council member; it goes onto the next council meeting under "Genehmigung von
/// Dringlichkeitsentscheidungen", and the public sees it only once the addendum listing it is published.
/// </summary>
public sealed class UrgentDecisionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Page = "/arbeitsbereich/dringlichkeitsentscheidungen";

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task UrgentDecision_OnNextCouncilMeeting_PublicOnlyWithThePublishedAddendum(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 10, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        await using var app = new RisApp(database, clock: clock);
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        var anonymous = app.Client();

        // Every demo council meeting is held: no meeting to approve in yet.
        using (var none = await office.SubmitAsync(Page, "Erfassen", Decision("Ratsmitglied Jan Krüger")))
        {
            Assert.Equal(HttpStatusCode.OK, none.StatusCode);
            Assert.Contains("keine nächste Ratssitzung geplant", (await FormClient.ParseAsync(none)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }

        // Two council meetings ahead; the earlier one gets the decision. Its agenda is published already.
        var later = await CouncilMeetingTests.PlanAsync(office, "Rat der Stadt Hagen", "2018-12-13", "15:00");
        var next = await CouncilMeetingTests.PlanAsync(office, "Rat der Stadt Hagen", "2018-11-08", "15:00");
        await CouncilMeetingTests.PostOkAsync(office, next, "Tagesordnung erstellen", []);
        await CouncilMeetingTests.PostOkAsync(office, next, "Tagesordnung veröffentlichen", []);
        Assert.Contains("08.11.2018", (await office.PageAsync(Page)).Body!.TextContent, StringComparison.Ordinal);

        // The mayor cannot decide alone, and not with himself.
        using (var alone = await office.SubmitAsync(Page, "Erfassen", Decision(" ")))
        {
            Assert.Contains("mit einem Ratsmitglied", (await FormClient.ParseAsync(alone)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        using (var recorded = await office.SubmitAsync(Page, "Erfassen", Decision("Jan Krüger")))
        {
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }
        var message = (await office.PageAsync(Page)).QuerySelector("[role=status]")!.TextContent;
        var match = System.Text.RegularExpressions.Regex.Match(message, @"Die Dringlichkeitsentscheidung (\d{4}/2018) steht als TOP I\.7\.1 auf der Tagesordnung der Ratssitzung am 08\.11\.2018");
        Assert.True(match.Success, message);
        var reference = match.Groups[1].Value;
        Assert.Contains("mit dem nächsten Nachtrag", message, StringComparison.Ordinal);

        var agenda = CouncilMeetingTests.Rows(await office.PageAsync(next));
        Assert.Contains("I.7 Genehmigung von Dringlichkeitsentscheidungen (§ 60 GO NRW) (1. Nachtrag)", agenda);
        Assert.Contains(agenda, r => r.StartsWith("I.7.1 Dringlichkeitsentscheidung: Anmietung einer Notunterkunft – Genehmigung (1. Nachtrag) – Drucksache " + reference, StringComparison.Ordinal));
        Assert.Equal("I.8 Bekanntgabe der in nichtöffentlicher Sitzung gefassten Beschlüsse", agenda.Single(r => r.StartsWith("I.8 ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Notunterkunft", CouncilMeetingTests.Rows(await office.PageAsync(later)).Aggregate("", string.Concat), StringComparison.Ordinal);

        // Not public before the addendum: neither the item nor the paper.
        var nextId = next.Split('/').Last();
        long paperId;
        await using (var db = database.NewContext())
        {
            var paper = await db.Papers.Include(p => p.Signatures).Include(p => p.Consultations).SingleAsync(p => p.Reference == reference, Token);
            paperId = paper.Id;
            Assert.Equal("Genehmigung", paper.Consultations.Single().Role);
            Assert.Equal(["Erik O. Schulz", "Jan Krüger"], paper.Signatures.OrderBy(s => s.Position).Select(s => s.Name));
        }
        var before = (await anonymous.PageAsync($"/sitzungen/{nextId}")).Body!.TextContent;
        Assert.DoesNotContain("Notunterkunft", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Genehmigung von Dringlichkeitsentscheidungen", before, StringComparison.Ordinal);
        using (var hidden = await anonymous.GetAsync(new Uri($"/vorlagen/{paperId}", UriKind.Relative), Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        await CouncilMeetingTests.PostOkAsync(office, next, "Nachtrag veröffentlichen", []);
        var publicMeeting = (await anonymous.PageAsync($"/sitzungen/{nextId}")).Body!.TextContent;
        Assert.Contains("Dringlichkeitsentscheidung: Anmietung einer Notunterkunft – Genehmigung", publicMeeting, StringComparison.Ordinal);
        var publicPaper = (await anonymous.PageAsync($"/vorlagen/{paperId}")).Body!.TextContent;
        Assert.Contains("Die Stadt mietet die Halle Eckesey ab sofort für sechs Monate an.", publicPaper, StringComparison.Ordinal);
        var row = (await office.PageAsync(Page)).QuerySelectorAll("table tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        Assert.Contains("veröffentlicht", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("TOP I.7.1", row.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Decision(string member) => new()
    {
        ["Subject"] = "Anmietung einer Notunterkunft",
        ["Text"] = "Die Stadt mietet die Halle Eckesey ab sofort für sechs Monate an.",
        ["DecidedOn"] = "2018-09-28",
        ["MayorName"] = "Erik O. Schulz",
        ["MemberName"] = member,
    };
}
