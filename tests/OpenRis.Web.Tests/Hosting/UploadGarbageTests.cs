using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Tests.Import;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// Issue #9, bad input: generated garbage into every upload of the real server (the attachment of a
/// faction's draft, new and edited, and the council office's document import): random bytes named .pdf,
/// a real PDF named .exe, empty files, names that are paths, 10,000 characters or not UTF-8, wrong or
/// missing content types, truncated and broken multipart bodies, huge and countless form fields. Every
/// answer is the form again with a German message, a German error page (4xx) or — for a real PDF — the
/// saved draft; never a 5xx, never a stored file under a path or of another type; the draft keeps what
/// was entered, the server stays up and <c>openris check</c> is clean afterwards.
/// </summary>
public sealed class UploadGarbageTests
{
    private const int Seed = 20180914;
    private static readonly string[] Ways = ["draft 302", "draft 200", "draft 400", "import 200"];
    private const int Rounds = 60;
    private const string NewDraft = "/arbeitsbereich/vorlagen/neu";
    private const string Subject = "Freibad Hestert sanieren";
    private const string Text = "Die Verwaltung wird beauftragt, „Kosten“ & Zeitplan vorzulegen.";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A multipart part: its raw header bytes (so that names need not be UTF-8) and its content.</summary>
    private sealed record Part(byte[] Header, byte[] Content);

    private static Part Field(string name, string value) =>
        new(Encoding.UTF8.GetBytes($"Content-Disposition: form-data; name=\"{name}\"\r\n"), Encoding.UTF8.GetBytes(value));

    private static Part File(string field, byte[] fileName, string? contentType, byte[] content)
    {
        var header = new List<byte>();
        header.AddRange(Encoding.ASCII.GetBytes($"Content-Disposition: form-data; name=\"{field}\"; filename=\""));
        header.AddRange(fileName);
        header.AddRange("\"\r\n"u8.ToArray());
        if (contentType is not null)
        {
            header.AddRange(Encoding.ASCII.GetBytes($"Content-Type: {contentType}\r\n"));
        }
        return new(header.ToArray(), content);
    }

    private static byte[] Body(string boundary, IEnumerable<Part> parts)
    {
        var body = new List<byte>();
        foreach (var part in parts)
        {
            body.AddRange(Encoding.ASCII.GetBytes($"--{boundary}\r\n"));
            body.AddRange(part.Header);
            body.AddRange("\r\n"u8.ToArray());
            body.AddRange(part.Content);
            body.AddRange("\r\n"u8.ToArray());
        }
        body.AddRange(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
        return body.ToArray();
    }

    /// <summary>What a file of a round is: its content, whether that is a real PDF, its name and content type.</summary>
    private sealed record Garbage(string What, byte[] Content, bool IsPdf, byte[] FileName, string? ContentType, string Request);

    private static Garbage Generate(Random random)
    {
        var pdf = ImportHarness.Pdf("Gutachten Freibad");
        var bytes = new byte[random.Next(1, 20_000)];
        random.NextBytes(bytes);
        var (what, content, isPdf) = random.Next(7) switch
        {
            0 => ("random bytes", bytes, false),
            1 => ("real PDF", pdf, true),
            2 => ("empty", Array.Empty<byte>(), false),
            3 => ("HTML", "<html><script>alert(1)</script></html>"u8.ToArray(), false),
            4 => ("truncated PDF", pdf[..(pdf.Length / 2)], false),
            5 => ("UTF-8 text", Encoding.UTF8.GetBytes("ANFRAGE der Fraktion\nBetreff: Freibad\n1. Wann?\n"), false),
            _ => ("invalid UTF-8 text", [0x41, 0x4E, 0x46, 0xFF, 0xFE, 0xC3, 0x28, 0x0A], false),
        };
        byte[] name = random.Next(11) switch
        {
            10 => Encoding.UTF8.GetBytes(new string('y', 10_000) + ".txt"),
            0 => "../../etc/passwd"u8.ToArray(),
            1 => "..\\..\\windows\\system32\\plan.pdf"u8.ToArray(),
            2 => Encoding.UTF8.GetBytes(new string('x', 10_000) + ".pdf"),
            3 => [0x70, 0x6C, 0xE4, 0x6E, 0xFF, 0xC3, 0x28, 0x2E, 0x70, 0x64, 0x66], // "pl\xE4n\xFF\xC3(.pdf": Latin-1 and broken UTF-8
            4 => Encoding.UTF8.GetBytes("gpj\u202Eplan.exe"),
            5 => "plan.exe"u8.ToArray(),
            6 => [],
            7 => "CON.pdf"u8.ToArray(),
            8 => "/absolut/.versteckt.md"u8.ToArray(),
            _ => Encoding.UTF8.GetBytes("Gutachten „Bäder“ 2018.pdf"),
        };
        var contentType = random.Next(6) switch
        {
            0 => null,
            1 => "application/x-msdownload",
            2 => "text/html",
            3 => "???",
            4 => "application/pdf; charset=\"",
            _ => "application/pdf",
        };
        // Most rounds are a well-formed request; some break the request itself.
        var request = random.Next(10) switch
        {
            0 => "truncated",
            1 => "huge field",
            2 => "many fields",
            3 => "no boundary",
            4 => "wrong boundary",
            5 => "text/plain",
            _ => "",
        };
        return new(what, content, isPdf, name, contentType, request);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task GarbageUploads_GetTheFormOrA4xxWithAGermanMessage_NothingBadIsStored_TheDraftKeepsItsText_CheckClean(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (process, url) = await OpenRisProcess.StartAsync(database);
        var failures = new List<string>();
        var answers = new Dictionary<string, int>();
        long paperId;
        try
        {
            using var faction = await OpenRisProcess.SignInAsync(url, DemoAccounts.FactionOffice);
            var motion = (await faction.PageAsync(NewDraft)).Option("Form.KindId", "Antrag");
            using (var saved = await faction.SubmitAsync(NewDraft, "Entwurf speichern", new() { ["Form.KindId"] = motion, ["Form.Subject"] = Subject, ["Form.Text"] = Text }))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                paperId = long.Parse(saved.Location().Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            }
            var edit = $"/arbeitsbereich/vorlagen/{paperId}/bearbeiten";

            var random = new Random(Seed);
            for (var round = 0; round < Rounds; round++)
            {
                var garbage = Generate(random);
                // The edit form carries the draft as stored (and its revision); the new form a draft of its own.
                var path = round % 2 == 0 ? edit : NewDraft;
                var form = await faction.OpenFormAsync(path, "Entwurf speichern");
                var fields = form.Loaded.Where(f => f.Key is not ("Form.KindId" or "Form.Subject" or "Form.Text")).Select(f => Field(f.Key, f.Value)).ToList();
                var subject = path == edit ? Subject : $"{Subject} {round}";
                fields.Add(Field("Form.KindId", motion));
                fields.Add(Field("Form.Subject", subject));
                fields.Add(Field("Form.Text", Text));
                await PostAsync(faction, form.Action, garbage, fields, "Attachment", subject, failures, answers);
            }

            using var office = await OpenRisProcess.SignInAsync(url, DemoAccounts.CouncilOffice);
            for (var round = 0; round < Rounds / 2; round++)
            {
                var garbage = Generate(random);
                var form = await office.OpenFormAsync("/arbeitsbereich/import", "Einlesen");
                var fields = form.Loaded.Select(f => Field(f.Key, f.Value)).ToList();
                await PostAsync(office, form.Action, garbage, fields, "Upload", null, failures, answers);
            }

            using var health = await faction.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.False(process.HasExited);
        }
        finally
        {
            OpenRisProcess.Kill(process);
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}")));
        // Every way through was taken: saved drafts, forms shown again, refused requests, import reports.
        Assert.All(Ways, key => Assert.True(answers.GetValueOrDefault(key) > 0, $"no {key}: {string.Join(", ", answers)}"));

        await using (var db = database.NewContext())
        {
            var draft = await db.Papers.Include(p => p.Files).SingleAsync(p => p.Id == paperId, Token);
            Assert.Equal(Subject, draft.Subject);
            Assert.Equal(Text, draft.Text);
            var files = await db.Files.IgnoreQueryFilters().Where(f => f.Paper!.Subject!.Contains(Subject)).ToListAsync(Token);
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                Assert.True(IsCleanName(file.FileName) && file.FileName.EndsWith(".pdf", StringComparison.Ordinal), $"stored as \"{file.FileName}\"");
                Assert.Equal("application/pdf", file.MimeType);
                var sha = file.Sha512Checksum;
                var content = await System.IO.File.ReadAllBytesAsync(Path.Combine(database.FilesRoot, sha[..2], sha[2..4], sha), Token);
                Assert.True(content.AsSpan().StartsWith("%PDF-"u8), $"{file.FileName} is no PDF");
                Assert.True(OpenRis.Documents.PdfTextExtractor.Extract(content) is not null, $"{file.FileName} cannot be read as a PDF");
            }
            foreach (var name in await db.ImportProposals.Select(p => p.FileName).ToListAsync(Token))
            {
                Assert.True(IsCleanName(name), $"proposal stored as \"{name}\"");
            }
        }
        var (exitCode, checkOutput) = await OpenRisProcess.RunAsync(database, "check");
        Assert.True(exitCode == 0, checkOutput);
    }

    private static bool IsCleanName(string name) =>
        name.Length is > 0 and <= 200 && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\\', StringComparison.Ordinal)
        && !name.StartsWith('.') && !name.Any(c => char.IsControl(c) || c == '\u202E' || c == '\uFFFD');

    /// <summary>Sends one round and checks its answer; what is wrong goes to <paramref name="failures"/>.</summary>
    private static async Task PostAsync(HttpClient client, string action, Garbage garbage, List<Part> fields, string fileField, string? subject, List<string> failures, Dictionary<string, int> answers)
    {
        var boundary = "----openris" + Guid.NewGuid().ToString("N");
        var parts = new List<Part>(fields) { File(fileField, garbage.FileName, garbage.ContentType, garbage.Content) };
        var contentType = $"multipart/form-data; boundary={boundary}";
        switch (garbage.Request)
        {
            case "huge field":
                parts.Add(Field("Form.Text", new string('ä', 5 * 1024 * 1024)));
                break;
            case "many fields":
                parts.AddRange(Enumerable.Range(0, 3000).Select(i => Field($"f{i}", "x")));
                break;
            case "no boundary":
                contentType = "multipart/form-data";
                break;
            case "wrong boundary":
                contentType = "multipart/form-data; boundary=nirgends";
                break;
            case "text/plain":
                contentType = "text/plain; charset=utf-8";
                break;
        }
        var body = Body(boundary, parts);
        if (garbage.Request == "truncated")
        {
            body = body[..(body.Length * 2 / 3)];
        }
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await client.PostAsync(new Uri(action, UriKind.Relative), content, Token);
        var status = (int)response.StatusCode;
        var key = $"{(subject is null ? "import" : "draft")} {status}";
        answers[key] = answers.GetValueOrDefault(key) + 1;
        TestContext.Current.TestOutputHelper?.WriteLine($"{key}: {garbage.What}, {garbage.ContentType}, {garbage.Request}, name {garbage.FileName.Length} bytes");
        var shownName = Encoding.UTF8.GetString(garbage.FileName);
        var label = $"{action} {garbage.What} named {shownName[..Math.Min(40, shownName.Length)]} as {garbage.ContentType ?? "(none)"} {garbage.Request}: {status}";
        var page = await FormClient.ParseAsync(response);
        var german = page.QuerySelector("h1")?.TextContent.Trim() ?? "";
        if (status >= 500)
        {
            failures.Add($"{label} {page.QuerySelector("main")?.TextContent.Trim()}");
        }
        else if (status == 302)
        {
            // Saved: only a draft whose attachment is a whole PDF does, from a request that was not broken. An empty
            // file name is what a browser sends when no file was chosen: the part is a form field, and the draft is saved without a file.
            if (subject is null || !(garbage.IsPdf || garbage.FileName.Length == 0) || garbage.Request is "truncated" or "no boundary" or "wrong boundary" or "text/plain")
            {
                failures.Add($"{label}: saved");
            }
        }
        else if (status == 200 && subject is not null)
        {
            var errors = page.QuerySelector(".error-summary")?.TextContent.Trim() ?? "";
            var typed = (page.QuerySelector("[name='Form.Subject']") as IHtmlInputElement)?.Value;
            if (errors.Length == 0 || (garbage.Request != "huge field" && typed != subject))
            {
                failures.Add($"{label}: form without a message or without the typed subject (\"{typed}\"): {errors}");
            }
        }
        else if (status == 200)
        {
            // The import page: one line per file (read or refused), or the message that a file is needed.
            var report = page.QuerySelector("main")?.TextContent ?? "";
            if (!report.Contains("abgelehnt", StringComparison.Ordinal) && !report.Contains("Vorschlag", StringComparison.Ordinal) && !report.Contains("Bitte wählen Sie", StringComparison.Ordinal))
            {
                failures.Add($"{label}: import page without a line for the file");
            }
        }
        else if (status is < 400 or >= 500 || german.Length == 0)
        {
            failures.Add($"{label}: no German page (\"{german}\")");
        }
    }
}
