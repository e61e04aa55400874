using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;
using OpenRis.Web.Tests.Pages;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests.Alerts;

/// <summary>Following a saved search by e-mail: from the search page's link to the digest of new and changed public hits.</summary>
public sealed partial class FollowAlertTests
{
    // A word no demo paper contains; each paper below carries it plus a marker of its own.
    private const string Word = "Xylofonie";

    /// <summary>A paper of the demo's body and kind with <see cref="Word"/> in its title.</summary>
    private static async Task<long> AddPaperAsync(Setup setup, string marker, bool isPublic = true, PaperStatus status = PaperStatus.Published)
    {
        await using var db = setup.Database.NewContext(setup.Clock);
        var template = await db.Papers.FirstAsync(p => p.Reference == "0853/2018", Token);
        var paper = new Paper
        {
            BodyId = template.BodyId,
            PaperKindId = template.PaperKindId,
            Name = $"{Word} im Stadtpark {marker}",
            Status = status,
            Public = isPublic,
            NonPublicReason = isPublic ? null : "§ 48 Abs. 2 GO NRW (Test)",
            OwnerOrganizationId = status == PaperStatus.Draft ? template.OwnerOrganizationId : null,
        };
        db.Papers.Add(paper);
        await db.SaveChangesAsync(Token);
        return paper.Id;
    }

    private static async Task AddFileAsync(Setup setup, long paperId, string name)
    {
        await using var db = setup.Database.NewContext(setup.Clock);
        var paper = await db.Papers.SingleAsync(p => p.Id == paperId, Token);
        db.Files.Add(new DocumentFile { BodyId = paper.BodyId, PaperId = paper.Id, Name = name, FileName = "anlage.txt", MimeType = "text/plain", Sha512Checksum = name });
        await db.SaveChangesAsync(Token);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FollowSearch_DigestOfNewPublicHitsAndChanges_NeverNonPublicOrDraft_NeverTwice_UnsubscribeStops(string provider)
    {
        await using var setup = await StartAsync(provider);
        // A paper the search finds already before anyone follows it: the first digest must not announce it.
        var old = await PaperIdAsync(setup.Database, "0853/2018");
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var paper = await db.Papers.SingleAsync(p => p.Id == old, Token);
            paper.Text += $" Auch die {Word} wird geprüft.";
            await db.SaveChangesAsync(Token);
        }
        await setup.CatchUpAsync();

        // From the search page's link, through the form and the link in the confirmation mail.
        var search = await setup.Client.GetPageAsync($"/suche?q={Word}");
        var link = search.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Suche per E-Mail folgen").GetAttribute("href")!;
        Assert.Equal($"/folgen?suche=q%3D{Word}", link);
        var followPage = await setup.Client.GetPageAsync(link);
        Assert.Contains($"„{Word}“", followPage.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        var optIn = await FollowAndConfirmAsync(setup, link, "journalistin@beispiel.de");
        Assert.StartsWith($"Bitte bestätigen: Suche „{Word}“", optIn.Subject, StringComparison.Ordinal);
        Assert.Contains("One-Click", optIn.Headers["List-Unsubscribe-Post"], StringComparison.Ordinal);

        // A public paper, a non-public one and a faction's draft, all found by the words.
        setup.Clock.Advance(TimeSpan.FromHours(2));
        var fresh = await AddPaperAsync(setup, "Oeffentlichmarke");
        var secret = await AddPaperAsync(setup, "Geheimmarke", isPublic: false);
        await AddPaperAsync(setup, "Entwurfsmarke", status: PaperStatus.Draft);
        Assert.Equal(0, await setup.DigestAsync());
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await setup.DigestAsync());

        var digest = setup.Sink.Messages[^1];
        Assert.StartsWith($"1 Änderung: Suche „{Word}“", digest.Subject, StringComparison.Ordinal);
        Assert.Contains($"Neuer Treffer: {Word} im Stadtpark Oeffentlichmarke", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/vorlagen/{fresh}", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/suche?q={Word}&sortierung=datum", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheimmarke", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Entwurfsmarke", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("0853/2018", digest.TextBody, StringComparison.Ordinal);
        var unsubscribe = digest.Headers["List-Unsubscribe"]!.Trim('<', '>');
        Assert.Contains(unsubscribe, digest.TextBody, StringComparison.Ordinal);

        // Nothing changed since: no mail, the hit is not told again.
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await setup.DigestAsync());

        // Changes to hits: a file on the new paper, a published statement answering the old one; a file on the secret one.
        setup.Clock.Advance(TimeSpan.FromMinutes(1));
        await AddFileAsync(setup, fresh, "Lageplan Musikpavillon");
        await AddFileAsync(setup, secret, "Geheimer Lageplan");
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var paper = await db.Papers.SingleAsync(p => p.Id == old, Token);
            db.Papers.Add(new Paper { BodyId = paper.BodyId, PaperKindId = paper.PaperKindId, ParentPaperId = old, Name = "Stellungnahme der Verwaltung zur Prüfung", Status = PaperStatus.Published });
            await db.SaveChangesAsync(Token);
        }
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await setup.DigestAsync());
        var changes = setup.Sink.Messages[^1].TextBody;
        Assert.Contains($"{Word} im Stadtpark Oeffentlichmarke – Neues Dokument: Lageplan Musikpavillon", changes, StringComparison.Ordinal);
        Assert.Contains("0853/2018", changes, StringComparison.Ordinal);
        Assert.Contains("Veröffentlicht: Stellungnahme der Verwaltung zur Prüfung", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Neuer Treffer", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim", changes, StringComparison.Ordinal);

        // The unsubscribe link opens a page naming the address; the RFC 8058 one-click POST ends the follow.
        var page = await setup.Client.GetPageAsync(new Uri(unsubscribe).AbsolutePath);
        Assert.Contains("journalistin@beispiel.de", page.Text(), StringComparison.Ordinal);
        using (var oneClick = await setup.Client.PostAsync(new Uri(new Uri(unsubscribe).AbsolutePath, UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), Token))
        {
            Assert.True(oneClick.IsSuccessStatusCode, oneClick.StatusCode.ToString());
        }
        setup.Clock.Advance(TimeSpan.FromMinutes(1));
        await AddPaperAsync(setup, "Nachzueglermarke");
        await AddFileAsync(setup, fresh, "Noch ein Plan");
        var mails = setup.Sink.Messages.Count;
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await setup.DigestAsync());
        Assert.Equal(mails, setup.Sink.Messages.Count);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FollowSearch_FiltersOfTheSearchApply(string provider)
    {
        await using var setup = await StartAsync(provider);
        string kind;
        await using (var db = setup.Database.NewContext())
        {
            kind = await db.Papers.Where(p => p.Reference == "0853/2018").Select(p => p.Kind.Name).SingleAsync(Token);
        }
        await setup.CatchUpAsync();
        var search = await setup.Client.GetPageAsync($"/suche?q={Word}&art={Uri.EscapeDataString(kind)}");
        var link = search.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Suche per E-Mail folgen").GetAttribute("href")!;
        var followPage = await setup.Client.GetPageAsync(link);
        Assert.Contains("Art", followPage.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(kind, followPage.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        await FollowAndConfirmAsync(setup, link);

        // Same words, one paper of the followed kind and one of another kind.
        setup.Clock.Advance(TimeSpan.FromHours(1));
        await AddPaperAsync(setup, "Passendeart");
        await using (var db = setup.Database.NewContext(setup.Clock))
        {
            var other = await db.PaperKinds.FirstAsync(k => k.Name != kind, Token);
            var template = await db.Papers.FirstAsync(p => p.Reference == "0853/2018", Token);
            db.Papers.Add(new Paper { BodyId = template.BodyId, PaperKindId = other.Id, Name = $"{Word} Andereartmarke", Status = PaperStatus.Published });
            await db.SaveChangesAsync(Token);
        }
        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await setup.DigestAsync());
        var digest = setup.Sink.Messages[^1];
        Assert.Contains($"Suche „{Word}“ (Art: {kind})", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("Passendeart", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Andereartmarke", digest.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FollowSearch_PaperOfTheLastMinutes_WaitsForTheNextDigest_NotLost(string provider)
    {
        await using var setup = await StartAsync(provider);
        await FollowAndConfirmAsync(setup, $"/folgen?suche=q%3D{Word}");

        // Published a minute before the digest is due: possibly not yet searchable, so it belongs to the next one.
        setup.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        await AddPaperAsync(setup, "Spaetmarke");
        setup.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await setup.DigestAsync());

        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await setup.DigestAsync());
        Assert.Contains($"Neuer Treffer: {Word} im Stadtpark Spaetmarke", setup.Sink.Messages[^1].TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FollowSearch_IndexBehind_DigestStopsBeforeTheUnindexedChange_ReportsItOnceIndexed(string provider)
    {
        // The background indexer waits three (fake) days before each pass: only the test's own catch-ups index.
        await using var setup = await StartAsync(provider, new() { ["Search:IndexDelayMilliseconds"] = ((int)TimeSpan.FromDays(3).TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await FollowAndConfirmAsync(setup, $"/folgen?suche=q%3D{Word}");
        await setup.CatchUpAsync();

        setup.Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromHours(1));
        await AddPaperAsync(setup, "Rueckstandmarke");
        setup.Clock.Advance(TimeSpan.FromHours(2));
        // Due, but the index does not hold the paper yet: no mail, and its window must not pass over it.
        Assert.Equal(0, await setup.DigestAsync(catchUp: false));

        setup.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await setup.DigestAsync());
        Assert.Contains($"Neuer Treffer: {Word} im Stadtpark Rueckstandmarke", setup.Sink.Messages[^1].TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task FollowSearch_EmptyOrOversizedSearch_GermanMessage_NothingStored(string provider)
    {
        await using var setup = await StartAsync(provider);
        // No words: no form, a German reason, 400.
        foreach (var path in new[] { "/folgen?suche=", "/folgen?suche=q%3D", "/folgen?suche=art%3DAnfrage" })
        {
            using var response = await setup.Client.GetAsync(new Uri(path, UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await FormClient.ParseAsync(response);
            Assert.Contains("Suchbegriff", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(page.QuerySelectorAll("input[name=Email]"));
        }
        // Posted anyway (with a valid token from a followable search): refused, nothing stored, no mail.
        var form = await setup.Client.OpenFormAsync($"/folgen?suche=q%3D{Word}", "Benachrichtigung bestellen");
        var tooLongWords = "q%3D" + new string('a', 501);
        var tooLongSaved = "q%3D" + string.Concat(Enumerable.Repeat("%C3%BC", 300));
        foreach (var (saved, message) in new[] { ("", "Suchbegriff"), (tooLongWords, "höchstens 500 Zeichen"), (tooLongSaved, "zu lang, um ihr per E-Mail zu folgen") })
        {
            using var response = await (form with { Action = $"/folgen?suche={saved}" }).PostAsync(new() { ["Email"] = "buerger@beispiel.de" });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, (await FormClient.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }
        await setup.DispatchAsync();
        Assert.Empty(setup.Sink.Messages);
        await using var db = setup.Database.NewContext();
        Assert.Empty(db.Follows);
        Assert.Empty(db.OutgoingMails);
    }
}
