using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Demo;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Workflow;

/// <summary>Each role sees and does exactly its part; a faction's draft exists for nobody else, on any channel.</summary>
public sealed class RoleTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] Everyone =
        [DemoAccounts.CouncilMember, DemoAccounts.FactionOffice, DemoAccounts.OtherFactionOffice, DemoAccounts.CouncilOffice,
         DemoAccounts.Clerk, DemoAccounts.CoSigningClerk, DemoAccounts.Approver, DemoAccounts.Administrator];

    /// <summary>Who gets what: OK (sees/does), Forbidden (role may not), NotFound (not entitled to this paper), Redirect (sign in first).</summary>
    private static readonly (string Page, Dictionary<string, HttpStatusCode> Expected, HttpStatusCode Otherwise)[] Table =
    [
        ("/arbeitsbereich", new() { [""] = HttpStatusCode.Redirect }, HttpStatusCode.OK),
        ("/arbeitsbereich/vorlagen/neu", new() { [""] = HttpStatusCode.Redirect, [DemoAccounts.FactionOffice] = HttpStatusCode.OK, [DemoAccounts.OtherFactionOffice] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("{submitted}/registrieren", new() { [""] = HttpStatusCode.Redirect, [DemoAccounts.CouncilOffice] = HttpStatusCode.OK }, HttpStatusCode.Forbidden),
        ("{submitted}", new()
        {
            [""] = HttpStatusCode.Redirect, [DemoAccounts.FactionOffice] = HttpStatusCode.OK, [DemoAccounts.CouncilMember] = HttpStatusCode.OK,
            [DemoAccounts.CouncilOffice] = HttpStatusCode.OK, [DemoAccounts.Approver] = HttpStatusCode.OK,
        }, HttpStatusCode.NotFound),
        ("{draft}", new() { [""] = HttpStatusCode.Redirect, [DemoAccounts.OtherFactionOffice] = HttpStatusCode.OK }, HttpStatusCode.NotFound),
        ("{draft}/bearbeiten", new() { [""] = HttpStatusCode.Redirect, [DemoAccounts.OtherFactionOffice] = HttpStatusCode.OK, [DemoAccounts.FactionOffice] = HttpStatusCode.NotFound }, HttpStatusCode.Forbidden),
    ];

    [Fact]
    public async Task EachRole_SeesExactlyItsPart()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var (app, _) = await SeedCaseTests.StartBeforeTheCaseAsync(database);
        await using var _app = app;
        var submitted = $"/arbeitsbereich/vorlagen/{await SeedCaseTests.FileInquiryAsync(app)}";
        long draftId;
        await using (var db = database.NewContext())
        {
            draftId = await db.Papers.Where(p => p.Status == PaperStatus.Draft).Select(p => p.Id).SingleAsync(Token);
        }
        var draft = $"/arbeitsbereich/vorlagen/{draftId}";

        var clients = new Dictionary<string, HttpClient> { [""] = app.Client() };
        foreach (var user in Everyone)
        {
            clients[user] = await app.SignInAsync(user);
        }
        var wrong = new List<string>();
        foreach (var (page, expected, otherwise) in Table)
        {
            var path = page.Replace("{submitted}", submitted, StringComparison.Ordinal).Replace("{draft}", draft, StringComparison.Ordinal);
            foreach (var (user, client) in clients)
            {
                var want = expected.TryGetValue(user, out var e) ? e : otherwise;
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
                if (response.StatusCode != want)
                {
                    wrong.Add($"{(user == "" ? "anonym" : user)} GET {page}: {(int)response.StatusCode}, erwartet {(int)want}");
                }
            }
        }
        Assert.Empty(wrong);

        // Doing, not only seeing: a step outside one's part is refused, and the paper stays as it was.
        using (var foreignSubmit = await clients[DemoAccounts.FactionOffice].PostWithTokenAsync($"{draft}?handler=Submit"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreignSubmit.StatusCode);
        }
        using (var registerAsFaction = await clients[DemoAccounts.FactionOffice].PostWithTokenAsync($"{submitted}/registrieren?handler=Register"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, registerAsFaction.StatusCode);
        }
        using (var releaseInquiry = await clients[DemoAccounts.Approver].PostWithTokenAsync($"{submitted}?handler=Release"))
        {
            Assert.Equal(HttpStatusCode.OK, releaseInquiry.StatusCode);
            Assert.Contains("liegt nicht zur Freigabe vor", (await FormClient.ParseAsync(releaseInquiry)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        }
        await using var check = database.NewContext();
        Assert.Equal(PaperStatus.Submitted, (await check.Papers.SingleAsync(p => p.Id == long.Parse(submitted.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture), Token)).Status);
        Assert.Equal(PaperStatus.Draft, (await check.Papers.SingleAsync(p => p.Id == draftId, Token)).Status);
    }

    [Fact]
    public async Task FactionDraft_IsInvisibleOnEveryChannel()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var (app, _) = await SeedCaseTests.StartBeforeTheCaseAsync(database);
        await using var _app = app;
        var faction = await app.SignInAsync(DemoAccounts.FactionOffice);
        var form = await faction.PageAsync("/arbeitsbereich/vorlagen/neu");
        using var saved = await faction.SubmitAsync("/arbeitsbereich/vorlagen/neu", "Entwurf speichern", new()
        {
            ["Form.KindId"] = form.Option("Form.KindId", "Antrag"),
            ["Form.Subject"] = "Geheimer Entwurf",
            ["Form.Text"] = "Noch nicht abgestimmt.",
        }, file: ("Attachment", "konzept.pdf", Import.ImportHarness.Pdf("Konzept")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var path = saved.Location();
        var id = long.Parse(path.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        long fileId, bodyId;
        await using (var db = database.NewContext())
        {
            var paper = await db.Papers.Include(p => p.Files).SingleAsync(p => p.Id == id, Token);
            Assert.Equal(PaperStatus.Draft, paper.Status);
            fileId = Assert.Single(paper.Files).Id;
            bodyId = paper.BodyId;
        }

        var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/vorlagen/{id}", UriKind.Relative), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/oparl/v1.1/paper/{id}", UriKind.Relative), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/oparl/v1.1/file/{fileId}", UriKind.Relative), Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/dateien/{fileId}", UriKind.Relative), Token)).StatusCode);
        var list = await anonymous.GetStringAsync(new Uri($"/oparl/v1.1/body/{bodyId}/paper", UriKind.Relative), Token);
        Assert.DoesNotContain("Geheimer Entwurf", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/paper/{id}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheimer Entwurf", await anonymous.GetStringAsync(new Uri("/", UriKind.Relative), Token), StringComparison.Ordinal);

        foreach (var user in new[] { DemoAccounts.OtherFactionOffice, DemoAccounts.CouncilOffice, DemoAccounts.Clerk, DemoAccounts.Approver, DemoAccounts.Administrator })
        {
            var other = await app.SignInAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(path, UriKind.Relative), Token)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/arbeitsbereich/dateien/{fileId}", UriKind.Relative), Token)).StatusCode);
            Assert.DoesNotContain("Geheimer Entwurf", (await other.PageAsync("/arbeitsbereich")).Body!.TextContent, StringComparison.Ordinal);
        }
        using var own = await faction.GetAsync(new Uri($"/arbeitsbereich/dateien/{fileId}", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
    }
}
