using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Demo;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;
using OpenRis.Web.Tests.Mail;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Meetings;

/// <summary>
/// The invitation of a committee meeting goes by e-mail, through the OutgoingMail queue and a real SMTP
/// server, to every member and substitute of the body on the meeting day that has an address; a later
/// Nachtrag, a move and a cancellation follow the same way. The invitation page warns about public items whose paper is not yet
/// in the portal (Hagen GeschO: papers in the RIS at the time of the invitation).
/// </summary>
public sealed class InvitationMailTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invite_MailsMembersAndSubstitutes_ThenAddendumMoveAndCancellation_WarnsAboutUnreleasedPapers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = await SmtpSink.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 9, 19, 9, 0, 0, TimeSpan.FromHours(2)));
        await using var app = new RisApp(database, clock: clock, settings: new Dictionary<string, string>(sink.Settings()) { ["Alerts:CheckMinutes"] = "0" });
        var inbox = new MailInbox(sink, app.Services.GetRequiredService<MailDispatcher>());
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);

        // Addresses for three of the four HABIT members (Nicole Sommer has none), a substitute, and a member whose term ended.
        await using (var db = database.NewContext(clock))
        {
            var committee = await db.Organizations.SingleAsync(o => o.Name == "Betriebsausschuss HABIT", Token);
            var people = await db.Persons.Where(p => p.FamilyName != null).ToDictionaryAsync(p => p.FamilyName!, Token);
            people["Bücker"].Email = ["buecker@hagen-aktiv.example"];
            people["Brandt"].Email = ["brandt@cdu-hagen.example"];
            people["Reuter"].Email = ["reuter@spd-hagen.example"];
            people["Krüger"].Email = ["krueger@gruene-hagen.example"];
            people["Lindner"].Email = ["lindner@cdu-hagen.example"];
            db.Memberships.Add(new Membership { BodyId = committee.BodyId, Person = people["Krüger"], Organization = committee, Role = "Stellvertretung", VotingRight = false, StartDate = new DateOnly(2014, 6, 1) });
            db.Memberships.Add(new Membership { BodyId = committee.BodyId, Person = people["Lindner"], Organization = committee, Role = "Mitglied", StartDate = new DateOnly(2014, 6, 1), EndDate = new DateOnly(2017, 12, 31) });
            // A public paper scheduled for the next HABIT meeting whose statement is not released yet.
            var kind = await db.PaperKinds.SingleAsync(k => k.Key == PaperKindKeys.ResolutionDraft, Token);
            var paper = new Paper { BodyId = committee.BodyId, Kind = kind, Name = "Beschlussvorlage: Erneuerung des Serverraums", Reference = "0961/2018", Status = PaperStatus.Registered };
            paper.Consultations.Add(new Consultation { BodyId = committee.BodyId, Paper = paper, Role = "Entscheidung" });
            db.Papers.Add(paper);
            await db.SaveChangesAsync(Token);
        }

        var path = await CouncilMeetingTests.PlanAsync(office, "Betriebsausschuss HABIT", "2018-10-04");
        var meetingId = long.Parse(path.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = database.NewContext(clock))
        {
            var consultation = await db.Consultations.SingleAsync(c => c.Paper.Reference == "0961/2018", Token);
            consultation.MeetingId = meetingId;
            await db.SaveChangesAsync(Token);
        }
        await CouncilMeetingTests.PostOkAsync(office, path, "Tagesordnung erstellen", []);
        await CouncilMeetingTests.PostOkAsync(office, path, "Punkt hinzufügen", new() { ["ItemName"] = "Personalangelegenheit der Betriebsleitung", ["ItemPublic"] = "false" });
        await CouncilMeetingTests.PostOkAsync(office, path, "Tagesordnung veröffentlichen", []);

        var invitePage = await office.PageAsync($"{path}/einladung");
        var recipients = invitePage.QuerySelectorAll("ul.recipients li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Jan Krüger (Stellvertretung)", recipients);
        Assert.Contains("Nicole Sommer (Mitglied) – keine E-Mail-Adresse hinterlegt", recipients);
        Assert.DoesNotContain(recipients, r => r.Contains("Lindner", StringComparison.Ordinal));
        var warning = invitePage.QuerySelector(".papers-not-ready")!.TextContent;
        Assert.Contains("Erneuerung des Serverraums", warning, StringComparison.Ordinal);
        Assert.Contains("zum Zeitpunkt der Einladung", warning, StringComparison.Ordinal);

        using (var invited = await office.SubmitAsync($"{path}/einladung", "Einladung versenden", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }
        Assert.Contains("4 E-Mails an Mitglieder und Stellvertretungen; 1 ohne E-Mail-Adresse", (await office.PageAsync(path)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var invitations = await inbox.NewAsync();
        Assert.Equal(["brandt@cdu-hagen.example", "buecker@hagen-aktiv.example", "krueger@gruene-hagen.example", "reuter@spd-hagen.example"],
            invitations.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        Assert.All(invitations, m => Assert.Equal("Einladung: Sitzung – Betriebsausschuss HABIT am 04.10.2018", m.Subject));
        var toSubstitute = invitations.Single(m => m.To.Mailboxes.Single().Address.StartsWith("krueger", StringComparison.Ordinal));
        Assert.StartsWith("Sehr geehrter Herr Krüger,", toSubstitute.TextBody, StringComparison.Ordinal);
        Assert.Contains("am Donnerstag, 04.10.2018, um 16:00 Uhr", toSubstitute.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vorlagen der Verwaltung", toSubstitute.TextBody, StringComparison.Ordinal);
        Assert.Contains("Erneuerung des Serverraums (Drucksache 0961/2018)", toSubstitute.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://ris.hagen.example/sitzungen/{meetingId}", toSubstitute.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nichtöffentlicher Teil: II.1", toSubstitute.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Personalangelegenheit", toSubstitute.TextBody, StringComparison.Ordinal);

        // A Nachtrag after the invitation goes to the same people, with only the new item.
        await CouncilMeetingTests.PostOkAsync(office, path, "Punkt hinzufügen", new() { ["ItemName"] = "Bericht zur Störung des Rechenzentrums" });
        await CouncilMeetingTests.PostOkAsync(office, path, "Nachtrag veröffentlichen", []);
        var addenda = await inbox.NewAsync();
        Assert.Equal(4, addenda.Count);
        Assert.All(addenda, m => Assert.Equal("1. Nachtrag zur Tagesordnung: Sitzung – Betriebsausschuss HABIT am 04.10.2018", m.Subject));
        Assert.Contains("Bericht zur Störung des Rechenzentrums", addenda[0].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Erneuerung des Serverraums", addenda[0].TextBody, StringComparison.Ordinal);

        // Moved, then (re-invited and) cancelled: each time the invited members are told, with the reason.
        await CouncilMeetingTests.PostOkAsync(office, $"{path}/termin", "Sitzung verlegen", new() { ["NewDate"] = "2018-10-11", ["NewTime"] = "16:00", ["Reason"] = "Der Sitzungsraum wird renoviert" });
        var moved = await inbox.NewAsync();
        Assert.Equal(4, moved.Count);
        Assert.Equal("Verlegt: Sitzung – Betriebsausschuss HABIT, neuer Termin 11.10.2018", moved[0].Subject);
        Assert.Contains("verlegt vom 04.10.2018, 16:00 Uhr auf Donnerstag, 11.10.2018, um 16:00 Uhr", moved[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Grund: Der Sitzungsraum wird renoviert", moved[0].TextBody, StringComparison.Ordinal);
        await CouncilMeetingTests.PostOkAsync(office, $"{path}/einladung", "Einladung versenden", []);
        Assert.Equal(4, (await inbox.NewAsync()).Count(m => m.Subject == "Einladung: Sitzung – Betriebsausschuss HABIT am 11.10.2018"));
        await CouncilMeetingTests.PostOkAsync(office, $"{path}/termin", "Sitzung absagen", new() { ["Reason"] = "Keine beschlussreifen Vorlagen" });
        var cancelled = await inbox.NewAsync();
        Assert.Equal(4, cancelled.Count);
        Assert.All(cancelled, m => Assert.Equal("Abgesagt: Sitzung – Betriebsausschuss HABIT am 11.10.2018", m.Subject));
        Assert.Contains("Grund: Keine beschlussreifen Vorlagen", cancelled[0].TextBody, StringComparison.Ordinal);
    }
}
