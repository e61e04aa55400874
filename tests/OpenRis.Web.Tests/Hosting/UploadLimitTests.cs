using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Hosting;

/// <summary>
/// Requests over the server's body limit (Kestrel's 30 MB; the test server enforces none, so the real
/// executable runs): the draft form comes back with the German message and everything typed, the API
/// answers with the OParl error object, other pages with the German error page — never a bare 413.
/// </summary>
public sealed class UploadLimitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private const string NewDraft = "/arbeitsbereich/vorlagen/neu";

    /// <summary>A readable one-page PDF of exactly that size: what is refused here is refused for its size alone.</summary>
    private static byte[] Pdf(int megabytes) => Import.ImportHarness.Pdf("Gutachten Freibad Hestert", megabytes * 1024 * 1024);

    private static HttpClient Client(string url) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromMinutes(3),
        };

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task AttachmentOverTheServerLimit_ShowsTheFormAgain_WithTheMessage_AndTheTypedText(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (process, url) = await OpenRisProcess.StartAsync(database);
        try
        {
            using var faction = Client(url);
            using (var login = await faction.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = DemoAccounts.FactionOffice, ["Password"] = DemoAccounts.Password }))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }
            var motion = (await faction.PageAsync(NewDraft)).Option("Form.KindId", "Antrag");
            var typed = new Dictionary<string, string> { ["Form.KindId"] = motion, ["Form.Subject"] = "Freibad Hestert sanieren", ["Form.Text"] = "Die Verwaltung wird beauftragt, „Kosten“ & Zeitplan vorzulegen." };

            using (var tooLarge = await faction.SubmitAsync(NewDraft, "Entwurf speichern", typed, file: ("Attachment", "Gutachten.pdf", Pdf(40))))
            {
                Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
                var page = await FormClient.ParseAsync(tooLarge);
                var errors = page.QuerySelector(".error-summary")?.TextContent ?? "";
                Assert.Contains("Die Datei „Gutachten.pdf“ ist mit 40 MB zu groß; erlaubt sind 20 MB.", errors, StringComparison.Ordinal);
                Assert.Contains("Ihre übrigen Eingaben sind erhalten", errors, StringComparison.Ordinal);
                Assert.Equal("Freibad Hestert sanieren", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("[name='Form.Subject']")!).Value);
                Assert.Equal("Die Verwaltung wird beauftragt, „Kosten“ & Zeitplan vorzulegen.", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)page.QuerySelector("[name='Form.Text']")!).Value);
            }
            await using (var db = database.NewContext())
            {
                Assert.False(await db.Papers.AnyAsync(p => p.Subject == "Freibad Hestert sanieren", Token));
            }

            // Garbage that only claims to be multipart: the German error page, and the server stays up.
            using (var garbage = new ByteArrayContent(Pdf(31)))
            {
                garbage.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=nirgends");
                using var refused = await faction.PostAsync(new Uri(NewDraft, UriKind.Relative), garbage, Token);
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
                Assert.Equal("Die gesendeten Daten sind zu groß", (await FormClient.ParseAsync(refused)).QuerySelector("h1")?.TextContent);
            }

            // The session and the connection survive: the same form with a small file is saved.
            using (var saved = await faction.SubmitAsync(NewDraft, "Entwurf speichern", typed, file: ("Attachment", "Gutachten.pdf", Pdf(1))))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }
            await using (var db = database.NewContext())
            {
                var paper = await db.Papers.Include(p => p.Files).SingleAsync(p => p.Subject == "Freibad Hestert sanieren", Token);
                Assert.Equal(1024 * 1024, Assert.Single(paper.Files).Size);
            }
        }
        finally
        {
            OpenRisProcess.Kill(process);
        }
    }

    [Fact]
    public async Task BodiesOverTheServerLimit_GetTheOParlErrorOnApiPaths_AndTheGermanErrorPageElsewhere()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var (process, url) = await OpenRisProcess.StartAsync(database);
        try
        {
            using var anonymous = Client(url);
            foreach (var path in new[] { "/oparl/v1.1/system", "/api/search?q=Haushalt" })
            {
                using var response = await anonymous.PostAsync(new Uri(path, UriKind.Relative), new ByteArrayContent(Pdf(31)), Token);
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
                Assert.Equal("https://schema.oparl.org/1.1/Error", json.RootElement.GetProperty("type").GetString());
                Assert.Contains("zu groß; erlaubt sind höchstens 28,6 MB", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
            }

            // A signed-in clerk posting a huge form to a page that takes no upload: the German page, not a reset.
            using var clerk = Client(url);
            using (var login = await clerk.SubmitAsync("/anmelden", "Anmelden", new() { ["UserName"] = DemoAccounts.Clerk, ["Password"] = DemoAccounts.Password }))
            {
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            }
            using var content = new MultipartFormDataContent { { new ByteArrayContent(Pdf(35)), "Datei", "riesig.pdf" } };
            using var page = await clerk.PostAsync(new Uri("/arbeitsbereich", UriKind.Relative), content, Token);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
            var html = await FormClient.ParseAsync(page);
            Assert.Equal("Die gesendeten Daten sind zu groß", html.QuerySelector("h1")?.TextContent);
            Assert.Contains("mit 35 MB zu groß; erlaubt sind höchstens 28,6 MB je Sendung", html.QuerySelector("main")?.TextContent, StringComparison.Ordinal);

            // The server is still there.
            using var health = await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            OpenRisProcess.Kill(process);
        }
    }
}
