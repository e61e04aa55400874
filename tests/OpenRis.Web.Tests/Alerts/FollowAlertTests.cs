using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OpenRis.Web.Alerts;
using OpenRis.Web.Data;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;
using OpenRis.Web.Search;
using OpenRis.Web.Tests.Mail;
using OpenRis.Web.Tests.Pages;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Alerts;

/// <summary>Following a paper or a body by e-mail, end to end: the portal's forms, the database, the mail queue and a real SMTP server.</summary>
public sealed partial class FollowAlertTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Start = new(2018, 9, 15, 8, 0, 0, TimeSpan.Zero);

    private sealed class Setup(TestDatabase database, SmtpSink sink, FakeTimeProvider clock, RisApp app) : IAsyncDisposable
    {
        public TestDatabase Database => database;
        public SmtpSink Sink => sink;
        public FakeTimeProvider Clock => clock;
        public RisApp App => app;
        public HttpClient Client { get; } = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        public async Task DispatchAsync() => await app.Services.GetRequiredService<MailDispatcher>().DispatchPendingAsync(Token);

        /// <summary>Waits until the search index holds every saved change, as the running indexer soon would.</summary>
        public async Task CatchUpAsync() => await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);

        public async Task<int> DigestAsync(bool catchUp = true)
        {
            if (catchUp)
            {
                await CatchUpAsync();
            }
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
            var queued = await FollowDigests.QueueDueAsync(db, scope.ServiceProvider.GetRequiredService<SearchService>(), "http://localhost", Token);
            await DispatchAsync();
            return queued;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.DisposeAsync();
            await sink.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static async Task<Setup> StartAsync(string provider, Dictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var sink = await SmtpSink.StartAsync();
        var clock = new FakeTimeProvider(Start);
        var all = new Dictionary<string, string>(sink.Settings()) { ["OParl:BaseUrl"] = "http://localhost", ["Alerts:CheckMinutes"] = "0" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }
        var app = new RisApp(database, clock: clock, settings: all);
        var setup = new Setup(database, sink, clock, app);
        await setup.Client.GetPageAsync("/");
        return setup;
    }

    private static async Task<long> PaperIdAsync(TestDatabase database, string reference)
    {
        await using var db = database.NewContext();
        return await db.Papers.Where(p => p.Reference == reference).Select(p => p.Id).SingleAsync(Token);
    }

    /// <summary>Fills in the follow form and follows the confirmation link from the mail; returns that mail.</summary>
    private static async Task<MimeMessage> FollowAndConfirmAsync(Setup setup, string path, string email = "buerger@beispiel.de")
    {
        using var response = await setup.Client.SubmitAsync(path, "Benachrichtigung bestellen", new() { ["Email"] = email });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        await setup.DispatchAsync();
        var mail = Assert.Single(setup.Sink.Messages, m => m.To.Mailboxes.Single().Address == email);
        var link = mail.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://localhost/folgen/bestaetigen/", StringComparison.Ordinal));
        var confirm = new Uri(link).AbsolutePath;
        using var confirmed = await setup.Client.SubmitAsync(confirm, "Ja, Benachrichtigungen erhalten", []);
        Assert.Contains("ist bestätigt", (await FormClient.ParseAsync(confirmed)).Body!.TextContent, StringComparison.Ordinal);
        return mail;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FollowPaper_OptInMail_ThenADigestOfPublicChanges_ThenUnsubscribeStopsMails(string provider)
    {
        await using var setup = await StartAsync(provider);
        var paper = await PaperIdAsync(setup.Database, "0930/2018");

        var optIn = await FollowAndConfirmAsync(setup, $"/folgen?vorlage={paper}");
        Assert.StartsWith("Bitte bestätigen: Vorlage 0930/2018", optIn.Subject, StringComparison.Ordinal);
        Assert.Contains("One-Click", optIn.Headers["List-Unsubscribe-Post"], StringComparison.Ordinal);

        // A new public file and a result for the paper, and a non-public file that must not be reported.
        setup.Clock.Advance(TimeSpan.FromHours(2));
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var inquiry = await db.Papers.Include(p => p.Consultations).ThenInclude(c => c.AgendaItem).SingleAsync(p => p.Id == paper, Token);
            inquiry.Files.Add(new DocumentFile { BodyId = inquiry.BodyId, Name = "Ergänzende Unterlage", FileName = "ergaenzung.txt", MimeType = "text/plain", Sha512Checksum = "x" });
            inquiry.Files.Add(new DocumentFile { BodyId = inquiry.BodyId, Name = "Interner Vermerk", FileName = "vermerk.txt", MimeType = "text/plain", Sha512Checksum = "y", Public = false });
            inquiry.Consultations.Select(c => c.AgendaItem).First(i => i is not null)!.Result = "Zur Kenntnis genommen";
            await db.SaveChangesAsync(Token);
        }

        // Not due before a day has passed.
        Assert.Equal(0, await setup.DigestAsync());
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await setup.DigestAsync());

        var digest = Assert.Single(setup.Sink.Messages, m => m.Subject?.Contains("Änderungen", StringComparison.Ordinal) == true);
        Assert.StartsWith("2 Änderungen: Vorlage 0930/2018", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Neues Dokument: Ergänzende Unterlage", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Zur Kenntnis genommen", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Vermerk", digest.TextBody, StringComparison.Ordinal);
        var unsubscribe = digest.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Contains(unsubscribe, digest.TextBody, StringComparison.Ordinal);

        // Nothing new: no mail. Then a one-click unsubscribe as a mail program sends it (RFC 8058), and no more mails.
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await setup.DigestAsync());
        using (var oneClick = await setup.Client.PostAsync(new Uri(new Uri(unsubscribe).AbsolutePath, UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Token))
        {
            Assert.True(oneClick.IsSuccessStatusCode, oneClick.StatusCode.ToString());
        }
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var inquiry = await db.Papers.SingleAsync(p => p.Id == paper, Token);
            inquiry.Files.Add(new DocumentFile { BodyId = inquiry.BodyId, Name = "Noch eine Unterlage", FileName = "noch.txt", MimeType = "text/plain", Sha512Checksum = "z" });
            await db.SaveChangesAsync(Token);
        }
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await setup.DigestAsync());
        Assert.Equal(2, setup.Sink.Messages.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Unconfirmed_GetsNothingButTheConfirmationMail(string provider)
    {
        await using var setup = await StartAsync(provider);
        var paper = await PaperIdAsync(setup.Database, "0930/2018");
        using (var response = await setup.Client.SubmitAsync($"/folgen?vorlage={paper}", "Benachrichtigung bestellen", new() { ["Email"] = "neugierig@beispiel.de" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        }
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var inquiry = await db.Papers.SingleAsync(p => p.Id == paper, Token);
            inquiry.Files.Add(new DocumentFile { BodyId = inquiry.BodyId, Name = "Unterlage", FileName = "u.txt", MimeType = "text/plain", Sha512Checksum = "x" });
            await db.SaveChangesAsync(Token);
        }
        setup.Clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(0, await setup.DigestAsync());
        Assert.Single(setup.Sink.Messages);
    }

    /// <summary>The press follows the council; returns the council's id.</summary>
    private static async Task<long> FollowCouncilAsync(Setup setup)
    {
        long council;
        await using (var db = setup.Database.NewContext())
        {
            council = await db.Organizations.Where(o => o.Name == "Rat der Stadt Hagen").Select(o => o.Id).SingleAsync(Token);
        }
        await FollowAndConfirmAsync(setup, $"/folgen?gremium={council}", "presse@beispiel.de");
        return council;
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FollowBody_NonPublicChangesProduceNoMail_PublicMeetingDoes(string provider)
    {
        await using var setup = await StartAsync(provider);
        var council = await FollowCouncilAsync(setup);

        // Non-public: a closed meeting of the council and a non-public file on a public meeting.
        setup.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var organization = await db.Organizations.SingleAsync(o => o.Id == council, Token);
            var closed = new Meeting { BodyId = organization.BodyId, Name = "Geheime Klausur", Public = false, Start = Start.UtcDateTime.AddDays(20) };
            closed.Organizations.Add(new MeetingOrganization { Organization = organization });
            db.Meetings.Add(closed);
            var open = await db.Meetings.FirstAsync(m => m.Public && m.Organizations.Any(o => o.OrganizationId == council), Token);
            db.Files.Add(new DocumentFile { BodyId = organization.BodyId, Meeting = open, Name = "Interne Notiz", FileName = "n.txt", MimeType = "text/plain", Sha512Checksum = "n", Public = false });
            await db.SaveChangesAsync(Token);
        }
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await setup.DigestAsync());

        // After the digest, not in the same tick: a digest reports what changed after the previous one.
        setup.Clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var organization = await db.Organizations.SingleAsync(o => o.Id == council, Token);
            var meeting = new Meeting { BodyId = organization.BodyId, Name = "Sondersitzung des Rates", Start = Start.UtcDateTime.AddDays(30) };
            meeting.Organizations.Add(new MeetingOrganization { Organization = organization });
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(Token);
        }
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await setup.DigestAsync());
        var digest = setup.Sink.Messages[^1];
        Assert.Contains("Neue Sitzung: Sondersitzung des Rates", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime Klausur", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Interne Notiz", digest.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FollowBody_MovedCancelledAddendumMinutes_InTheDigest_NonPublicMeetingNot(string provider)
    {
        await using var setup = await StartAsync(provider);
        var council = await FollowCouncilAsync(setup);

        // Three council meetings ahead (one closed to the public), each with a published agenda.
        setup.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var organization = await db.Organizations.SingleAsync(o => o.Id == council, Token);
            foreach (var (name, day, isPublic) in new[] { ("Haushaltssitzung", 18, true), ("Sondersitzung", 25, true), ("Klausur", 26, false) })
            {
                var meeting = Meeting.Plan(organization, $"{name} des Rates", new DateTime(2018, 10, day, 15, 0, 0), TimeSpan.FromHours(3), null);
                meeting.Public = isPublic;
                meeting.BuildAgenda([], council: true);
                meeting.PublishAgenda(setup.Clock.GetUtcNow().UtcDateTime);
                db.Meetings.Add(meeting);
            }
            await db.SaveChangesAsync(Token);
        }
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await setup.DigestAsync());
        Assert.Contains("Tagesordnung veröffentlicht: Haushaltssitzung des Rates am 18.10.2018", setup.Sink.Messages[^1].TextBody, StringComparison.Ordinal);

        // Moved, an addendum, cancelled, the minutes of a held meeting published; the closed meeting moved too.
        setup.Clock.Advance(TimeSpan.FromMinutes(1));
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var now = setup.Clock.GetUtcNow().UtcDateTime;
            var meetings = await db.Meetings.Include(m => m.AgendaItems).Include(m => m.AgendaVersions)
                .Where(m => m.Organizations.Any(o => o.OrganizationId == council)).ToListAsync(Token);
            var budget = meetings.Single(m => m.Name == "Haushaltssitzung des Rates");
            budget.Move(Berlin.ToUtc(new DateTime(2018, 10, 19, 16, 0, 0)), "Raum belegt", now);
            budget.AddItem("Haushaltsrede des Kämmerers", isPublic: true);
            budget.PublishAgenda(now);
            meetings.Single(m => m.Name == "Sondersitzung des Rates").Cancel("Der Anlass ist entfallen", now);
            meetings.Single(m => m.Name == "Klausur des Rates").Move(Berlin.ToUtc(new DateTime(2018, 10, 27, 10, 0, 0)), "Geheim", now);
            var held = meetings.Where(m => m.MeetingState == MeetingState.Held && m.Public).OrderBy(m => m.Start).First();
            var minutes = Minutes.Draft(held, []);
            minutes.SignAsChair("Erik O. Schulz", now);
            minutes.SignAsMinuteTaker("Petra Schriftführerin", now);
            minutes.Publish(now);
            db.Minutes.Add(minutes);
            await db.SaveChangesAsync(Token);
        }
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await setup.DigestAsync());
        var digest = setup.Sink.Messages[^1].TextBody;
        Assert.Contains("Verlegt: Haushaltssitzung des Rates vom 18.10.2018 15:00 Uhr auf den 19.10.2018 16:00 Uhr. Grund: Raum belegt", digest, StringComparison.Ordinal);
        Assert.Contains("1. Nachtrag zur Tagesordnung: Haushaltssitzung des Rates am 19.10.2018", digest, StringComparison.Ordinal);
        Assert.Contains("Abgesagt: Sondersitzung des Rates am 25.10.2018. Grund: Der Anlass ist entfallen", digest, StringComparison.Ordinal);
        Assert.Contains("Niederschrift veröffentlicht: ", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Klausur", digest, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim", digest, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task BadAddress_GermanMessage_InputKept_NothingStored(string provider)
    {
        await using var setup = await StartAsync(provider);
        var paper = await PaperIdAsync(setup.Database, "0930/2018");

        using var response = await setup.Client.SubmitAsync($"/folgen?vorlage={paper}", "Benachrichtigung bestellen", new() { ["Email"] = "kein-at-zeichen" });

        var page = await FormClient.ParseAsync(response);
        Assert.Contains("gültige E-Mail-Adresse", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("kein-at-zeichen", page.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        await using var db = setup.Database.NewContext();
        Assert.Empty(db.Follows);
        Assert.Empty(db.OutgoingMails);
    }
}
