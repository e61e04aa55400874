using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Documents.Import;
using OpenRis.Web.Data;
using OpenRis.Web.Demo;
using OpenRis.Web.Import;
using OpenRis.Web.Model;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Import;

/// <summary>
/// The document import end to end: the folder verb with its report and its content-hash dedupe, and the
/// council office's review page (upload, correct, accept, publish, reject) over HTTP on both databases.
/// </summary>
public sealed class DocumentImportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ImportDocuments_TwiceOverOneFolder_ProposesOnceAndReportsEveryFile(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var folder = Path.Combine(database.Folder, "altdokumente");
        Directory.CreateDirectory(Path.Combine(folder, "2019"));
        await File.WriteAllTextAsync(Path.Combine(folder, "hagen-0930-2018.txt"), SharedData.SeedText, Token);
        File.Copy(SharedData.Path("data/texts/karlsruhe/vo-37184/608577.txt"), Path.Combine(folder, "2019", "anfrage.txt"));
        File.Copy(SharedData.Path("data/texts/karlsruhe/vo-37167/610078.txt"), Path.Combine(folder, "2019", "niederschrift.txt"));
        await File.WriteAllTextAsync(Path.Combine(folder, "scan.pdf"), "kein PDF", Token);
        await File.WriteAllBytesAsync(Path.Combine(folder, "bild.md"), [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0xFF, 0xFE], Token);
        await File.WriteAllBytesAsync(Path.Combine(folder, "riesig.txt"), new byte[SourceText.MaxBytes + 1], Token);
        await File.WriteAllTextAsync(Path.Combine(folder, "notiz.docx"), "wird nicht gelesen", Token);
        var papersBefore = await CountAsync(app, db => db.Papers);

        var first = await RunAsync(app, folder);
        var second = await RunAsync(app, folder);

        Assert.Equal(
            [
                "ok        2019/anfrage.txt: Vorschlag 1: Anfrage; Sicherheit 0.76",
                "abgelehnt 2019/niederschrift.txt: Niederschrift, keine Drucksache.",
                "abgelehnt bild.md: Die Datei ist weder PDF noch gültiger UTF-8-Text.",
                "ok        hagen-0930-2018.txt: Vorschlag 2: Anfrage, Stellungnahme; Sicherheit 0.88",
                "abgelehnt riesig.txt: größer als 20 MB, nicht gelesen",
                "abgelehnt scan.pdf: Die Datei heißt .pdf, ist aber kein PDF (Kennung %PDF- fehlt).",
                "6 Dateien: 2 ok, 0 mit Warnung, 4 abgelehnt. Prüfen unter /arbeitsbereich/import.",
            ],
            first);
        Assert.Equal("ok        hagen-0930-2018.txt: bereits eingelesen (Vorschlag 2), nicht erneut angelegt", second[3]);
        Assert.Equal(2, await CountAsync(app, db => db.ImportProposals));
        // Proposals are no papers: nothing is created before the council office accepts.
        Assert.Equal(papersBefore, await CountAsync(app, db => db.Papers));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ReviewPage_SeedUploadedCorrectedAccepted_BecomesTheInquiryAndItsAnsweredStatement(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (app, _) = await SeedCaseTests.StartBeforeTheCaseAsync(database);
        await using var _app = app;
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);

        using var uploaded = await office.SubmitAsync("/arbeitsbereich/import", "Einlesen", [], file: ("Upload", "anfrage-hagen-aktiv.txt", Encoding.UTF8.GetBytes(SharedData.SeedText)));
        var report = await FormClient.ParseAsync(uploaded);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var line = report.QuerySelector(".import-report li")!.TextContent;
        Assert.Contains("ok anfrage-hagen-aktiv.txt: Vorschlag 1: Anfrage, Stellungnahme", Normalize(line), StringComparison.Ordinal);
        var path = report.QuerySelector(".import-report a")!.GetAttribute("href")!;

        // Every field shows its certainty and the line it was read from.
        var review = await office.PageAsync(path);
        Assert.Equal("Hagen Aktiv", review.QuerySelector("#p0-Originator")!.GetAttribute("value"));
        Assert.Equal("Sicherheit 0,90 · Zeile 9: Fraktion Hagen Aktiv im Rat der Stadt Hagen", Normalize(review.QuerySelector("#p0-Originator-origin")!.TextContent));
        Assert.Equal("0930/2018", review.QuerySelector("#p1-Number")!.GetAttribute("value"));
        Assert.Equal("Amt 11", review.QuerySelector("#p1-LeadOffice")!.GetAttribute("value"));
        Assert.Equal(3, review.QuerySelectorAll("textarea[name^='Input[0].Questions']").Length);
        Assert.Equal(3, review.QuerySelectorAll("textarea[name^='Input[1].Answers']").Length);

        using var saved = await office.SubmitAsync(path, "Korrekturen speichern", new() { ["Input[0].Subject"] = "E-Government – Digitalisierungsstrategie" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var corrected = await office.PageAsync(path);
        Assert.Equal("vom Ratsbüro eingetragen", corrected.QuerySelector("#p0-Subject-origin")!.TextContent.Trim());

        using var accepted = await office.SubmitAsync(path, "Übernehmen", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        long inquiryId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RisDbContext>();
            var inquiry = await db.Papers.Include(p => p.Kind).Include(p => p.Questions).Include(p => p.OriginatorOrganizations)
                .Include(p => p.Consultations).ThenInclude(c => c.Organizations).Include(p => p.References).ThenInclude(r => r.ToPaper)
                .Include(p => p.Signatures).Include(p => p.SubordinatedPapers).ThenInclude(s => s.Offices).ThenInclude(o => o.Organization)
                .Include(p => p.SubordinatedPapers).ThenInclude(s => s.Signatures)
                .SingleAsync(p => p.Reference == "0930/2018", Token);
            inquiryId = inquiry.Id;
            Assert.Equal(PaperKindKeys.Inquiry, inquiry.Kind.Key);
            Assert.Equal(PaperStatus.Registered, inquiry.Status);
            Assert.False(inquiry.IsPubliclyVisible);
            Assert.Equal("E-Government – Digitalisierungsstrategie", inquiry.Subject);
            Assert.Equal(new DateOnly(2018, 9, 14), inquiry.Date);
            Assert.Equal("Hagen Aktiv", Assert.Single(inquiry.OriginatorOrganizations).ShortName);
            Assert.Equal("Rat der Stadt Hagen", Assert.Single(Assert.Single(inquiry.Consultations).Organizations).Name);
            Assert.Equal(["1159/2017"], inquiry.References.Select(r => r.ToPaper.Reference));
            Assert.Equal("Dr. Josef Bücker", Assert.Single(inquiry.Signatures).Name);
            var statement = Assert.Single(inquiry.SubordinatedPapers);
            Assert.Null(statement.Reference);
            Assert.Equal("Amt 11", Assert.Single(statement.Offices).Organization.Name);
            Assert.Equal(("gez.", "Erik O. Schulz", "Oberbürgermeister"), (Assert.Single(statement.Signatures).Formula, statement.Signatures[0].Name, statement.Signatures[0].Function));
            Assert.Equal([1, 2, 3], inquiry.Questions.OrderBy(q => q.Number).Select(q => q.Number));
            Assert.All(inquiry.Questions, q => Assert.Equal(statement.Id, q.AnswerPaperId));
            Assert.StartsWith("Die Verwaltung berichtet auch weiterhin", inquiry.Questions.Single(q => q.Number == 3).Answer, StringComparison.Ordinal);
        }

        // Not public until the council office publishes it.
        using var anonymous = app.Client();
        using (var hidden = await anonymous.GetAsync(new Uri($"/vorlagen/{inquiryId}", UriKind.Relative), Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }
        using var published = await office.SubmitAsync(path, "Veröffentlichen", []);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using var visible = await anonymous.GetAsync(new Uri($"/vorlagen/{inquiryId}", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
        Assert.Contains("Digitalisierungsstrategie", await visible.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ReviewPage_NumberAlreadyTaken_RefusesAndWritesNothing_ThenRejects(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);
        using var uploaded = await office.SubmitAsync("/arbeitsbereich/import", "Einlesen", [], file: ("Upload", "seed.md", Encoding.UTF8.GetBytes(SharedData.SeedText)));
        var path = (await FormClient.ParseAsync(uploaded)).QuerySelector(".import-report a")!.GetAttribute("href")!;
        var papersBefore = await CountAsync(app, db => db.Papers);

        using var refused = await office.SubmitAsync(path, "Übernehmen", []);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Die Drucksachennummer 0930/2018 ist bereits vergeben", (await FormClient.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(papersBefore, await CountAsync(app, db => db.Papers));

        using var rejected = await office.SubmitAsync(path, "Verwerfen", new() { ["RejectionReason"] = "bereits im System" });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var page = await office.PageAsync(path);
        Assert.Contains("Stand: verworfen", Normalize(page.Body!.TextContent), StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent.Trim() is "Übernehmen" or "Verwerfen");
        Assert.Equal(papersBefore, await CountAsync(app, db => db.Papers));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Upload_ChecksContentNotName_AndOnlyTheCouncilOfficeMayUseIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var office = await app.SignInAsync(DemoAccounts.CouncilOffice);

        using var fake = await office.SubmitAsync("/arbeitsbereich/import", "Einlesen", [], file: ("Upload", "anfrage.pdf", Encoding.UTF8.GetBytes("ANFRAGE\nhier: Test")));
        using var word = await office.SubmitAsync("/arbeitsbereich/import", "Einlesen", [], file: ("Upload", "anfrage.docx", [0x50, 0x4B, 3, 4]));

        Assert.Equal("abgelehnt anfrage.pdf: Die Datei heißt .pdf, ist aber kein PDF (Kennung %PDF- fehlt).", Normalize((await FormClient.ParseAsync(fake)).QuerySelector(".import-report li")!.TextContent));
        Assert.StartsWith("abgelehnt anfrage.docx: nur PDF-", Normalize((await FormClient.ParseAsync(word)).QuerySelector(".import-report li")!.TextContent), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, db => db.ImportProposals));

        using var anonymous = app.Client();
        using (var login = await anonymous.GetAsync(new Uri("/arbeitsbereich/import", UriKind.Relative), Token))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }
        var faction = await app.SignInAsync(DemoAccounts.FactionOffice);
        using (var forbidden = await faction.GetAsync(new Uri("/arbeitsbereich/import", UriKind.Relative), Token))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        // Without the form's antiforgery token the upload is refused.
        using var forged = await office.PostAsync(new Uri("/arbeitsbereich/import", UriKind.Relative), new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(SharedData.SeedText)), "Upload", "seed.txt" } }, Token);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await CountAsync(app, db => db.ImportProposals));
    }

    private static async Task<List<string>> RunAsync(RisApp app, string folder)
    {
        using var output = new StringWriter();
        Assert.Equal(0, await DocumentImportCommand.RunAsync(app.Services, ["import", "documents", folder], output));
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static async Task<int> CountAsync<T>(RisApp app, Func<RisDbContext, IQueryable<T>> set)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await set(scope.ServiceProvider.GetRequiredService<RisDbContext>()).CountAsync(Token);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
