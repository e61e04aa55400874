using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>
/// Item 10 of issue 3 over HTTP: bad input gets a clear German message and loses nothing. Missing
/// fields, attachments that are no PDF by content or too large, script and HTML in texts, double
/// submits, edits after submission and stale edits of two sessions at once.
/// </summary>
public sealed class BadInputTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string NewDraft = "/arbeitsbereich/vorlagen/neu";

    private static async Task<(RisApp App, HttpClient Faction, string Motion)> StartAsync(TestDatabase database, Dictionary<string, string>? settings = null)
    {
        var (app, _) = await SeedCaseTests.StartBeforeTheCaseAsync(database, settings);
        var faction = await app.SignInAsync(DemoAccounts.FactionOffice);
        var form = await faction.PageAsync(NewDraft);
        return (app, faction, form.Option("Form.KindId", "Antrag"));
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await FormClient.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent ?? "";
    }

    private static async Task<string> InputValueAsync(HttpResponseMessage response, string name) =>
        (await FormClient.ParseAsync(response)).QuerySelector($"[name='{name}']") switch
        {
            AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
            AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
            _ => "",
        };

    [Fact]
    public async Task Attachments_AreCheckedByContentAndSize_AndTheTypedTextIsKept()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var (app, faction, motion) = await StartAsync(database, new() { ["Files:MaxUploadBytes"] = "2048" });
        await using var _ = app;
        var typed = new Dictionary<string, string> { ["Form.KindId"] = motion, ["Form.Subject"] = "Radwege am Volmeufer", ["Form.Text"] = "Die Verwaltung wird beauftragt …" };

        // A program renamed to .pdf is refused by its content, not its name.
        using (var renamed = await faction.SubmitAsync(NewDraft, "Entwurf speichern", typed, file: ("Attachment", "plan.pdf", "MZ\u0090\0 not a pdf"u8.ToArray())))
        {
            Assert.Contains("ist kein PDF-Dokument", await ErrorsAsync(renamed), StringComparison.Ordinal);
            Assert.Equal("Radwege am Volmeufer", await InputValueAsync(renamed, "Form.Subject"));
            Assert.Equal("Die Verwaltung wird beauftragt …", await InputValueAsync(renamed, "Form.Text"));
        }
        // A real PDF header, but larger than Files:MaxUploadBytes.
        var large = new byte[4096];
        "%PDF-1.4\n"u8.CopyTo(large);
        using (var tooLarge = await faction.SubmitAsync(NewDraft, "Entwurf speichern", typed, file: ("Attachment", "gross.pdf", large)))
        {
            Assert.Contains("zu groß", await ErrorsAsync(tooLarge), StringComparison.Ordinal);
            Assert.Equal("Radwege am Volmeufer", await InputValueAsync(tooLarge, "Form.Subject"));
        }
        // An empty file.
        using (var empty = await faction.SubmitAsync(NewDraft, "Entwurf speichern", typed, file: ("Attachment", "leer.pdf", [])))
        {
            Assert.Contains("ist leer", await ErrorsAsync(empty), StringComparison.Ordinal);
        }
        await using var db = database.NewContext();
        Assert.False(await db.Papers.AnyAsync(p => p.Subject == "Radwege am Volmeufer", Token));
    }

    [Fact]
    public async Task Attachments_GarbageIsRefusedByContent_StoresNothing_AndARealPdfIsNamedByItsContent()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var (app, faction, motion) = await StartAsync(database, new() { ["Files:MaxUploadBytes"] = "4096" });
        await using var _ = app;
        var typed = new Dictionary<string, string> { ["Form.KindId"] = motion, ["Form.Subject"] = "Müllabfuhr am Sonntag", ["Form.Text"] = "Die Verwaltung prüft …" };
        var random = new byte[2000];
        new Random(9).NextBytes(random);
        random[0] = (byte)'Z'; // never "%PDF-" by chance
        var whole = Import.ImportHarness.Pdf("Muellabfuhr am Sonntag");
        var garbage = new (string Name, byte[] Content, string Message)[]
        {
            ("x.pdf", random, "ist kein PDF-Dokument"),
            ("seite.pdf", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray(), "ist kein PDF-Dokument"),
            (" %PDF.pdf", " %PDF-1.4 leading space"u8.ToArray(), "ist kein PDF-Dokument"),
            ("leer.pdf", [], "ist leer"),
            ("gross.pdf", [.. "%PDF-1.4\n"u8, .. new byte[5000]], "zu groß"),
            // Starts as a PDF, but cut off in transfer, or locked: nobody could open it from the paper's page.
            ("halb.pdf", whole[..(whole.Length / 2)], "ist beschädigt, unvollständig oder mit einem Kennwort geschützt"),
            ("ohne-ende.pdf", whole[..(whole.Length - 40)], "ist beschädigt, unvollständig oder mit einem Kennwort geschützt"),
            ("geschuetzt.pdf", LockedPdf(), "ist beschädigt, unvollständig oder mit einem Kennwort geschützt"),
        };
        var filesBefore = StoredFiles(database);
        foreach (var (name, content, message) in garbage)
        {
            using var refused = await faction.SubmitAsync(NewDraft, "Entwurf speichern", typed, file: ("Attachment", name, content));
            Assert.Contains(message, await ErrorsAsync(refused), StringComparison.Ordinal);
            Assert.Equal("Müllabfuhr am Sonntag", await InputValueAsync(refused, "Form.Subject"));
            Assert.Equal("Die Verwaltung prüft …", await InputValueAsync(refused, "Form.Text"));
        }
        await using (var db = database.NewContext())
        {
            Assert.False(await db.Papers.AnyAsync(p => p.Subject == "Müllabfuhr am Sonntag", Token));
        }
        Assert.Equal(filesBefore, StoredFiles(database));

        // A real PDF sent as "bericht.exe" is accepted by its content and stored as a PDF named .pdf.
        using var saved = await faction.SubmitAsync(NewDraft, "Entwurf speichern", typed,
            file: ("Attachment", "bericht.exe", whole));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var after = database.NewContext();
        var file = await after.Files.SingleAsync(f => f.Paper!.Subject == "Müllabfuhr am Sonntag", Token);
        Assert.Equal(("bericht.pdf", "application/pdf"), (file.FileName, file.MimeType));
        Assert.Equal(filesBefore.Count + 1, StoredFiles(database).Count);
    }

    private static List<string> StoredFiles(TestDatabase database) =>
        Directory.Exists(database.FilesRoot) ? [.. Directory.EnumerateFiles(database.FilesRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    [Fact]
    public async Task MissingFields_AreNamed_OnSaveAndOnSubmission()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var (app, faction, _) = await StartAsync(database);
        await using var __ = app;

        using (var noKind = await faction.SubmitAsync(NewDraft, "Entwurf speichern", new() { ["Form.KindId"] = "0", ["Form.Subject"] = "Ohne Art" }))
        {
            Assert.Contains("Bitte wählen Sie die Art der Vorlage.", await ErrorsAsync(noKind), StringComparison.Ordinal);
            Assert.Equal("Ohne Art", await InputValueAsync(noKind, "Form.Subject"));
        }
        // A draft may be incomplete; submitting it names everything missing, and it stays a draft.
        var form = await faction.PageAsync(NewDraft);
        using var saved = await faction.SubmitAsync(NewDraft, "Entwurf speichern", new() { ["Form.KindId"] = form.Option("Form.KindId", "Anfrage nach § 5 GeschO"), ["Form.SignerName"] = "", ["Form.CertifierName"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var path = saved.Location();
        using var submitted = await faction.SubmitAsync(path, "Beim Ratsbüro einreichen", []);
        var errors = await ErrorsAsync(submitted);
        foreach (var expected in new[] { "Betreff", "Sitzung", "mindestens eine Frage", "unterzeichnende Person" })
        {
            Assert.Contains(expected, errors, StringComparison.Ordinal);
        }
        await using var db = database.NewContext();
        var paper = await db.Papers.Include(p => p.Transitions).SingleAsync(p => p.Id == long.Parse(path.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture), Token);
        Assert.Equal((PaperStatus.Draft, null), (paper.Status, paper.ReceivedAt));
        Assert.Empty(paper.Transitions);
    }

    [Fact]
    public async Task ScriptAndHtml_InTexts_AreShownInert()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var (app, faction, motion) = await StartAsync(database);
        await using var _ = app;
        const string Script = "<script>document.title='gehackt'</script>";
        const string Markup = "<b onmouseover=\"alert(1)\">fett</b> <img src=x onerror=alert(2)>";

        using var saved = await faction.SubmitAsync(NewDraft, "Entwurf speichern", new()
        {
            ["Form.KindId"] = motion,
            ["Form.Subject"] = $"Radwege {Script}",
            ["Form.Text"] = Markup,
            ["Form.Reasoning"] = Script,
        });
        var page = await faction.PageAsync(saved.Location());

        Assert.Contains(Script, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Markup, page.Body!.TextContent, StringComparison.Ordinal);
        var main = page.QuerySelector("main") ?? page.Body!;
        Assert.Empty(main.QuerySelectorAll("script, b, img, [onmouseover], [onerror]"));
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task StaleEdit_Conflicts_DoubleSubmit_ChangesNothing_AndTheSubmittedTextIsFrozen(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (app, faction, motion) = await StartAsync(database);
        await using var _ = app;
        using var saved = await faction.SubmitAsync(NewDraft, "Entwurf speichern", new()
        {
            ["Form.KindId"] = motion,
            ["Form.Subject"] = "Freies WLAN am Hauptbahnhof",
            ["Form.Text"] = "Erste Fassung.",
            ["Form.TargetMeetingId"] = (await faction.PageAsync(NewDraft)).Option("Form.TargetMeetingId", "27.09.2018"),
            ["Form.SignerName"] = "Dr. Josef Bücker",
        });
        var path = saved.Location();
        var id = long.Parse(path.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        // Two sessions of the faction office open the draft; the first saves, the second gets a conflict, not an overwrite.
        var second = await app.SignInAsync(DemoAccounts.FactionOffice);
        var staleForm = await second.OpenFormAsync($"{path}/bearbeiten", "Entwurf speichern");
        using (var first = await faction.SubmitAsync($"{path}/bearbeiten", "Entwurf speichern", new() { ["Form.Text"] = "Fassung A." }))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        using (var stale = await staleForm.PostAsync(new() { ["Form.Text"] = "Fassung B." }))
        {
            Assert.Contains("inzwischen von jemand anderem geändert", await ErrorsAsync(stale), StringComparison.Ordinal);
            Assert.Equal("Fassung B.", await InputValueAsync(stale, "Form.Text"));
        }
        await using (var db = database.NewContext())
        {
            Assert.Equal("Fassung A.", (await db.Papers.SingleAsync(p => p.Id == id, Token)).Text);
        }

        // Submitted once; the resent form (double click, back button) changes nothing.
        var edit = await second.OpenFormAsync($"{path}/bearbeiten", "Entwurf speichern");
        using (var submitted = await faction.SubmitAsync(path, "Beim Ratsbüro einreichen", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        using (var again = await faction.PostWithTokenAsync($"{path}?handler=Submit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }
        Assert.Equal("Die Vorlage war bereits eingereicht.", (await faction.PageAsync(path)).QuerySelector("p.message")?.TextContent);

        // After submission the text is frozen: the edit page sends back, a post from an open form is refused, keeping the input.
        using (var getEdit = await faction.GetAsync(new Uri($"{path}/bearbeiten", UriKind.Relative), Token))
        {
            Assert.Equal((HttpStatusCode.Redirect, path), (getEdit.StatusCode, getEdit.Location()));
        }
        using (var late = await edit.PostAsync(new() { ["Form.Text"] = "Nachträglich geändert." }))
        {
            Assert.Contains("bereits eingereicht", await ErrorsAsync(late), StringComparison.Ordinal);
            Assert.Equal("Nachträglich geändert.", await InputValueAsync(late, "Form.Text"));
        }
        await using var check = database.NewContext();
        var paper = await check.Papers.Include(p => p.Transitions).Include(p => p.Versions).SingleAsync(p => p.Id == id, Token);
        Assert.Equal(("Fassung A.", PaperStatus.Submitted), (paper.Text, paper.Status));
        Assert.Single(paper.Transitions, t => t.Action == "eingereicht");
        Assert.Contains("Fassung A.", Assert.Single(paper.Versions).Json, StringComparison.Ordinal);
    }

    /// <summary>A PDF that opens only with a password (PDFsharp's standard encryption).</summary>
    private static byte[] LockedPdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        document.SecuritySettings.UserPassword = "geheim";
        document.SecuritySettings.OwnerPassword = "noch-geheimer";
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
