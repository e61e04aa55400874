using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenRis.Web.Data;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Mail;
using OpenRis.Web.Model;
using OpenRis.Web.Tests.Mail;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>
/// The Hagen case 0930/2018 replayed over HTTP, each role clicking through its own pages: filed on
/// 14.09.2018 for the council meeting of 27.09.2018, registered, answered by Amt 11, co-signed by
/// HABIT, released by the Oberbürgermeister, published with the answer on the council's agenda.
/// </summary>
public sealed class SeedCaseTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The demo as it stood on the morning of 14.09.2018: without the inquiry, the 2018 sequence at 929.</summary>
    internal static async Task<(RisApp App, FakeTimeProvider Clock)> StartBeforeTheCaseAsync(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2018, 9, 14, 11, 30, 0, TimeSpan.FromHours(2)));
        await using (var db = await database.MigratedContextAsync(clock))
        {
            await DemoMunicipality.SeedAsync(db, new FileStore(new FileStoreOptions { Root = database.FilesRoot }), withOpenCase: false, Token);
        }
        return (new RisApp(database, seedDemo: true, clock: clock, settings: settings), clock);
    }

    internal static async Task<long> FileInquiryAsync(RisApp app)
    {
        var faction = await app.SignInAsync(DemoAccounts.FactionOffice);
        var form = await faction.PageAsync("/arbeitsbereich/vorlagen/neu");
        using var saved = await faction.SubmitAsync("/arbeitsbereich/vorlagen/neu", "Entwurf speichern", new()
        {
            ["Form.KindId"] = form.Option("Form.KindId", "Anfrage nach § 5 GeschO"),
            ["Form.Subject"] = "E-Government - Digitalisierungsstrategie",
            ["Form.TargetMeetingId"] = form.Option("Form.TargetMeetingId", "27.09.2018"),
            ["Form.Questions[0]"] = HagenTexts.Question1,
            ["Form.Questions[1]"] = HagenTexts.Question2,
            ["Form.Questions[2]"] = HagenTexts.Question3,
            ["Form.Reasoning"] = HagenTexts.Reasoning,
            ["Form.Impacts[0].Option"] = "sind nicht betroffen",
            ["Form.SignerName"] = "Dr. Josef Bücker",
            ["Form.SignerFunction"] = "Fraktionsvorsitzender Hagen Aktiv",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var path = saved.Location();
        using var submitted = await faction.SubmitAsync(path, "Beim Ratsbüro einreichen", []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        return long.Parse(path.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> PdfTextAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Token));
        return string.Join("\n", pdf.GetPages().Select(p => UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(p)));
    }

    /// <summary>Line breaks of the PDF layout differ from the source; words and their order must not.</summary>
    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task SeedCase_FiledRegisteredAnsweredReleased_IsPublishedOnTheCouncilAgenda(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = await SmtpSink.StartAsync();
        var (app, clock) = await StartBeforeTheCaseAsync(database, sink.Settings());
        await using var _ = app;
        var mail = new MailInbox(sink, app.Services.GetRequiredService<MailDispatcher>());

        // 14.09.2018, 11:30: the faction office of Hagen Aktiv files the inquiry.
        var inquiryId = await FileInquiryAsync(app);
        var inquiryPath = $"/arbeitsbereich/vorlagen/{inquiryId}";
        var link = $"https://ris.hagen.example{inquiryPath}";
        var filed = Assert.Single(await mail.NewAsync(), m => m.To.Mailboxes.Single().Address == "ratsbuero@demo.openris.example");
        Assert.Equal("Neu eingereicht: E-Government - Digitalisierungsstrategie", filed.Subject);
        Assert.Contains(link, filed.TextBody, StringComparison.Ordinal);

        // The council office registers it and routes it to Amt 11, with HABIT co-signing.
        clock.Advance(TimeSpan.FromHours(2));
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        var inbox = await office.PageAsync("/arbeitsbereich");
        Assert.Contains("E-Government - Digitalisierungsstrategie", inbox.Body!.TextContent, StringComparison.Ordinal);
        var registerPage = await office.PageAsync($"{inquiryPath}/registrieren");
        using (var registered = await office.SubmitAsync($"{inquiryPath}/registrieren", "Registrieren", new()
        {
            ["LeadOfficeId"] = registerPage.Option("LeadOfficeId", "Amt 11"),
            ["DueDate"] = "2018-09-26",
        }, multi: new() { ["CoSigningOfficeIds"] = [registerPage.Option("LeadOfficeId", "HABIT")] }))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }
        var assigned = await mail.NewAsync();
        Assert.Equal(["amt11@demo.openris.example", "habit@demo.openris.example"], assigned.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.Contains(assigned, m => m.Subject == "Zur Beantwortung: 0930/2018 „E-Government - Digitalisierungsstrategie“"
            && m.TextBody!.Contains("Frist: 26.09.2018", StringComparison.Ordinal) && m.TextBody!.Contains(link, StringComparison.Ordinal));
        Assert.Contains(assigned, m => m.Subject?.StartsWith("Zur Mitzeichnung: 0930/2018", StringComparison.Ordinal) == true);
        var shown = await office.PageAsync(inquiryPath);
        Assert.Contains("0930/2018", shown.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Fristgerecht eingegangen am Fr., 14.09.2018", shown.QuerySelector("dd.deadline.on-time")!.TextContent, StringComparison.Ordinal);

        // Amt 11 drafts the statement and answers the three questions.
        clock.Advance(TimeSpan.FromDays(4));
        var clerk = await app.SignInAsync(DemoAccounts.Clerk);
        using var started = await clerk.SubmitAsync(inquiryPath, "Stellungnahme entwerfen", []);
        var statementPath = started.Location();
        Assert.NotEqual(inquiryPath, statementPath);
        using (var answered = await clerk.SubmitAsync($"{statementPath}/stellungnahme", "Antworten speichern", new()
        {
            ["Text"] = HagenTexts.StatementIntro,
            ["Answers[0]"] = HagenTexts.Answer1,
            ["Answers[1]"] = HagenTexts.Answer2,
            ["Answers[2]"] = HagenTexts.Answer3,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }
        using (var confirmed = await clerk.SubmitAsync($"{statementPath}/zusagen", "Zusagen übernehmen", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }
        using (var handed = await clerk.SubmitAsync(statementPath, "Zur Mitzeichnung", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        }

        // HABIT co-signs; the Oberbürgermeister releases on 26.09.2018.
        var habit = await app.SignInAsync(DemoAccounts.CoSigningClerk);
        using (var signed = await habit.SubmitAsync(statementPath, "Mitzeichnen", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        }
        clock.Advance(TimeSpan.FromDays(3));
        var mayor = await app.SignInAsync(DemoAccounts.Approver);
        using (var released = await mayor.SubmitAsync(statementPath, "Freigeben", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        }

        // The faction office hears of the answer, with a link to the statement.
        var answerMail = Assert.Single(await mail.NewAsync());
        Assert.Equal("fraktion@demo.openris.example", answerMail.To.Mailboxes.Single().Address);
        Assert.Equal("Beantwortet: 0930/2018 „E-Government - Digitalisierungsstrategie“", answerMail.Subject);
        Assert.Contains($"https://ris.hagen.example{statementPath}", answerMail.TextBody, StringComparison.Ordinal);

        // The public sees inquiry and answer together, with the cited papers linked.
        await using var db = database.NewContext();
        var inquiry = await db.Papers.Include(p => p.Consultations).ThenInclude(c => c.AgendaItem).ThenInclude(i => i!.Meeting)
            .SingleAsync(p => p.Id == inquiryId, Token);
        Assert.Equal("0930/2018", inquiry.Reference);
        Assert.Equal(PaperStatus.Published, inquiry.Status);
        Assert.Equal(new DateOnly(2018, 9, 14), inquiry.Date);
        var item = Assert.Single(inquiry.Consultations).AgendaItem!;
        Assert.Equal("I.4.1", item.Number);
        Assert.Equal(new DateTime(2018, 9, 27, 13, 0, 0, DateTimeKind.Utc), item.Meeting.Start);

        var anonymous = app.Client();
        var page = await anonymous.PageAsync($"/vorlagen/{inquiryId}");
        var text = page.Body!.TextContent;
        Assert.Contains("0930/2018", page.QuerySelector("h1")!.TextContent + text, StringComparison.Ordinal);
        foreach (var part in new[] { HagenTexts.Question1, HagenTexts.Question2, HagenTexts.Question3, HagenTexts.Answer2, HagenTexts.Answer3 }
            .Concat(HagenTexts.Answer1.Split("\n\n")).Concat(HagenTexts.Reasoning.Split("\n\n")))
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }
        Assert.Contains("gez. Erik O. Schulz", text, StringComparison.Ordinal);
        Assert.Contains("f. d. R. Karin Nigbur-Martini", text, StringComparison.Ordinal);
        var links = page.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        var earlier = await db.Papers.SingleAsync(p => p.Reference == "1159/2017", Token);
        var taskForce = await db.Papers.SingleAsync(p => p.Reference == "0853/2018", Token);
        Assert.Contains(("Vorlagennummer 1159/2017", $"/vorlagen/{earlier.Id}"), links);
        Assert.Contains(("Vorlage 0853/2018", $"/vorlagen/{taskForce.Id}"), links);

        // The official documents carry the seed's texts, text-selectable.
        var statementId = long.Parse(statementPath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var pdfText = await PdfTextAsync(anonymous, $"/vorlagen/{statementId}/dokument.pdf");
        Assert.Contains("0930/2018", pdfText, StringComparison.Ordinal);
        Assert.Contains("Digitalisierungsstrategie", pdfText, StringComparison.Ordinal);
        Assert.Contains("Erik O. Schulz", pdfText, StringComparison.Ordinal);
        Assert.Contains(Squash(HagenTexts.Answer2), Squash(pdfText), StringComparison.Ordinal);
        var inquiryPdf = Squash(await PdfTextAsync(anonymous, $"/vorlagen/{inquiryId}/dokument.pdf"));
        Assert.Contains(Squash(HagenTexts.Question3), inquiryPdf, StringComparison.Ordinal);
        // The faction's cover letter, written from the filing: date of receipt, subject, reasoning, signatories.
        foreach (var part in new[] { "HAGEN AKTIV", "Herrn Oberbürgermeister", "14. September 2018", "Anfrage nach § 5 GeschO: E-Government - Digitalisierungsstrategie",
            Squash(HagenTexts.Reasoning.Split("\n\n")[0]), "Dr. Josef Bücker", "f. d. R.: Karin Nigbur-Martini" })
        {
            Assert.Contains(part, inquiryPdf, StringComparison.Ordinal);
        }

        // Both promises are tracked; on 01.07.2019 the one due at the end of Q2 2019 is overdue.
        var commitments = await db.Commitments.Where(c => c.PaperId == statementId).ToListAsync(Token);
        Assert.Equal(2, commitments.Count);
        Assert.Contains(commitments, c => c.DueDate == new DateOnly(2019, 6, 30));
        Assert.Contains(commitments, c => c.RecurringOrganizationId != null);
        // Three days before 30.06.2019 Amt 11 is reminded of the strategy, once however often the run repeats.
        var reminders = app.Services.GetRequiredService<DueDateReminders>();
        clock.SetUtcNow(new DateTimeOffset(2019, 6, 27, 4, 0, 0, TimeSpan.Zero));
        await reminders.RunAsync(Token);
        await reminders.RunAsync(Token);
        var reminder = Assert.Single(await mail.NewAsync());
        Assert.Equal("amt11@demo.openris.example", reminder.To.Mailboxes.Single().Address);
        Assert.StartsWith("Erinnerung: Zusage „", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("30.06.2019", reminder.Subject, StringComparison.Ordinal);
        clock.SetUtcNow(new DateTimeOffset(2019, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var dashboard = await anonymous.PageAsync("/zusagen");
        var overdue = dashboard.QuerySelector("ul.commitments.overdue")!.TextContent;
        Assert.Contains("Ende des 2. Quartals 2019", overdue, StringComparison.Ordinal);
        Assert.Contains("30.06.2019", overdue, StringComparison.Ordinal);
        Assert.Contains("Betriebsausschuss HABIT", dashboard.QuerySelector("ul.commitments.open")!.TextContent, StringComparison.Ordinal);

        var cited = await anonymous.PageAsync($"/vorlagen/{taskForce.Id}");
        Assert.Contains("0930/2018", cited.QuerySelectorAll("h2").Single(h => h.TextContent == "Zitiert in").NextElementSibling!.TextContent, StringComparison.Ordinal);
    }
}
