using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenRis.Web.Demo;
using OpenRis.Web.Files;
using OpenRis.Web.Model;
using OpenRis.Web.Search;
using OpenRis.Web.Tests.Workflow;

namespace OpenRis.Web.Tests;

/// <summary>
/// Non-public and draft content of every kind carries a unique marker word: a non-public paper, its
/// file, a non-public file of a public paper, non-public agenda items, a whole non-public meeting, a
/// faction's draft and a department's unreleased statement. A crawler walks every public channel —
/// pages from the start page and the sitemap, OParl (every list and object), search (HTML, JSON,
/// Atom), feeds, iCal, file URLs, official documents, meeting packages, error pages — as an
/// anonymous visitor and as another faction's office, and finds none of the markers. Guessing the
/// ids of the hidden objects gives 404.
/// </summary>
public sealed class PublicChannelLeakTests
{
    private const string Visible = "Lecktestkontrolle";
    private static readonly string[] Markers =
        ["Lecktestgrundstueck", "Lecktestlageplan", "Lecktestnotiz", "Lecktestentwurf", "Lecktestpunkt", "Lecktestsitzung", "Lecktestantwort"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task MarkedContent_ReachesNoPublicChannel(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var anonymous = app.Client();
        var hidden = await PlantAsync(database, app.Services.GetRequiredService<FileStore>());
        await app.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(Token);

        var otherFaction = await app.SignInAsync("fraktion");
        foreach (var (who, client) in new[] { ("anonym", anonymous), ("fraktion (Hagen Aktiv)", otherFaction) })
        {
            var leaks = new List<string>();
            var serverErrors = new List<string>();
            var controlSeenAt = new List<string>();
            var crawler = new PublicChannelCrawler(client)
            {
                Visit = (url, status, text) =>
                {
                    if ((int)status >= 500)
                    {
                        serverErrors.Add($"{url}: {(int)status}");
                    }
                    leaks.AddRange(Markers.Where(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{url}: {m}"));
                    if (text.Contains(Visible, StringComparison.Ordinal))
                    {
                        controlSeenAt.Add(url);
                    }
                },
            };
            foreach (var seed in Seeds(hidden))
            {
                crawler.Add(seed);
            }
            await crawler.RunAsync();

            Assert.True(serverErrors.Count == 0, $"{who}: server errors\n{string.Join('\n', serverErrors)}");
            Assert.True(leaks.Count == 0, $"{who}: non-public content reached a public channel\n{string.Join('\n', leaks.Distinct())}");
            // The crawl really read pages, OParl, search and the official PDF: the public control word was found in each.
            Assert.True(crawler.Fetched > 150, $"{who}: only {crawler.Fetched} URLs crawled");
            Assert.Contains(controlSeenAt, u => u == $"/vorlagen/{hidden.PublicPaper}");
            Assert.Contains(controlSeenAt, u => u == $"/vorlagen/{hidden.PublicPaper}/dokument.pdf");

            foreach (var path in GuessedPaths(hidden))
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who}: GET {path} gave {(int)response.StatusCode}, not 404");
                var body = await response.Content.ReadAsStringAsync(Token);
                Assert.DoesNotContain(Markers, m => body.Contains(m, StringComparison.OrdinalIgnoreCase));
            }
        }

        // Prefix and typo searches reach the index: the public control word's paper is found both ways.
        Assert.Contains("0930/2018", await anonymous.GetStringAsync(new Uri("/api/search?q=Lecktestkontr*", UriKind.Relative), Token), StringComparison.Ordinal);
        Assert.Contains("0930/2018", await anonymous.GetStringAsync(new Uri("/api/search?q=Lecktestkontrolel", UriKind.Relative), Token), StringComparison.Ordinal);
        // The markers are there for those entitled to them: the crawl's silence is not an empty index.
        var cdu = await app.SignInAsync("fraktion-cdu");
        Assert.Contains("CDU-Fraktion", await cdu.GetStringAsync(new Uri("/api/search?q=Lecktestentwurf", UriKind.Relative), Token), StringComparison.Ordinal);
        var office = await app.SignInAsync("amt11");
        Assert.Contains("0951/2018", await office.GetStringAsync(new Uri("/api/search?q=Lecktestgrundstueck", UriKind.Relative), Token), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Seeds(Hidden hidden)
    {
        string[] fixedSeeds =
        [
            "/", "/sitemap.xml", "/oparl/v1.1/system", "/oparl/v1.0/system", "/kalender.ics", "/vorlagen.atom", "/zusagen",
            "/sitzungen", "/vorlagen", "/gremien", "/personen", "/wahlperioden", "/kalender", "/kalender?ansicht=liste",
            "/gibt-es-nicht", "/vorlagen/999999999", "/oparl/v1.1/paper/999999999", "/oparl/v1.1/paper/abc", "/api/search?q=%00",
        ];
        foreach (var seed in fixedSeeds)
        {
            yield return seed;
        }
        // A search page repeats its query, so the markers are searched for by a prefix and with a typo:
        // a hit on hidden content would show the whole word in its snippet, the query alone does not.
        var queries = Markers.SelectMany(m => new[] { m[..^3] + "*", m[..^2] + m[^1] + m[^2] })
            .Concat(["Teilfläche", "WLAN", "Stellungnahme", "Grundstück", "nichtöffentlich"]);
        foreach (var query in queries)
        {
            var q = Uri.EscapeDataString(query);
            yield return $"/suche?q={q}";
            yield return $"/api/search?q={q}";
            yield return $"/suche.atom?q={q}";
        }
        foreach (var meeting in hidden.PublicMeetings)
        {
            yield return $"/sitzungen/{meeting}/mappe.pdf";
            yield return $"/sitzungen/{meeting}/mappe.zip";
            yield return $"/sitzungen/{meeting}/bekanntmachung.html";
            yield return $"/sitzungen/{meeting}.ics";
        }
        yield return $"/vorlagen/{hidden.PublicPaper}/dokument.pdf";
        yield return $"/vorlagen/{hidden.PublicPaper}/dokument.html";
    }

    private static IEnumerable<string> GuessedPaths(Hidden hidden)
    {
        foreach (var id in hidden.Papers)
        {
            yield return $"/vorlagen/{id}";
            yield return $"/vorlagen/{id}/dokument.pdf";
            yield return $"/vorlagen/{id}/dokument.html";
            yield return $"/vorlagen/{id}/fassungen/1";
            yield return $"/oparl/v1.1/paper/{id}";
        }
        foreach (var id in hidden.Files)
        {
            yield return $"/dateien/{id}";
            yield return $"/dateien/{id}/datei.pdf";
            yield return $"/oparl/v1.1/file/{id}";
            yield return $"/oparl/v1.1/file/{id}/access";
            yield return $"/oparl/v1.1/file/{id}/download";
        }
        yield return $"/sitzungen/{hidden.Meeting}";
        yield return $"/sitzungen/{hidden.Meeting}.ics";
        yield return $"/sitzungen/{hidden.Meeting}/mappe.pdf";
        yield return $"/sitzungen/{hidden.Meeting}/mappe.zip";
        yield return $"/sitzungen/{hidden.Meeting}/bekanntmachung.html";
        yield return $"/oparl/v1.1/meeting/{hidden.Meeting}";
        foreach (var id in hidden.AgendaItems)
        {
            yield return $"/oparl/v1.1/agendaItem/{id}";
        }
        foreach (var id in hidden.Consultations)
        {
            yield return $"/oparl/v1.1/consultation/{id}";
        }
    }

    private sealed record Hidden(long PublicPaper, long[] PublicMeetings, long[] Papers, long[] Files, long Meeting, long[] AgendaItems, long[] Consultations);

    /// <summary>Writes the markers into the demo's non-public and draft content and adds what the demo lacks.</summary>
    private static async Task<Hidden> PlantAsync(TestDatabase database, FileStore store)
    {
        await using var db = database.NewContext();
        var inquiry = await db.Papers.SingleAsync(p => p.Reference == "0930/2018", Token);
        inquiry.Text += $" {Visible}";
        inquiry.Reasoning += $" {Visible}";

        var land = await db.Papers.Include(p => p.Files).SingleAsync(p => p.Reference == "0951/2018", Token);
        land.Text += " Lecktestgrundstueck";
        land.Reasoning = "Lecktestgrundstueck: Kaufpreis und Bieter.";
        foreach (var file in land.Files)
        {
            await SetContentAsync(store, file, "Lecktestlageplan: Wertgutachten mit dem Namen des Bieters.");
            file.Name += " Lecktestlageplan";
        }
        var note = new DocumentFile { BodyId = inquiry.BodyId, PaperId = inquiry.Id, Name = "Interne Notiz Lecktestnotiz", FileName = "notiz.txt", MimeType = "text/plain", Public = false };
        await SetContentAsync(store, note, "Lecktestnotiz: interne Abstimmung zur Digitalisierungsstrategie.");
        db.Files.Add(note);

        var draft = await db.Papers.SingleAsync(p => p.Name == "Antrag der CDU-Fraktion", Token);
        draft.Subject += " Lecktestentwurf";
        draft.Text += " Lecktestentwurf";

        foreach (var item in await db.AgendaItems.Where(i => !i.Public).ToListAsync(Token))
        {
            item.Name += " Lecktestpunkt";
            item.ResolutionText = "Lecktestpunkt: Beschluss über den Verkauf.";
        }

        var council = await db.Organizations.SingleAsync(o => o.Name == "Rat der Stadt Hagen", Token);
        var closed = new Meeting { BodyId = inquiry.BodyId, Name = "Sondersitzung Lecktestsitzung", Public = false, Start = DemoMunicipality.Local(2018, 10, 4, 17) };
        closed.Organizations.Add(new MeetingOrganization { Meeting = closed, OrganizationId = council.Id });
        closed.AgendaItems.Add(new AgendaItem { BodyId = inquiry.BodyId, Meeting = closed, Number = "1", Name = "Personalangelegenheit Lecktestsitzung", Public = false });
        db.Meetings.Add(closed);

        var amt11 = await db.Organizations.SingleAsync(o => o.Name == "Amt 11", Token);
        var statementKind = await db.PaperKinds.SingleAsync(k => k.Key == PaperKindKeys.Statement, Token);
        var statement = new Paper
        {
            BodyId = inquiry.BodyId,
            Kind = statementKind,
            Name = "Stellungnahme der Verwaltung (Entwurf)",
            Status = PaperStatus.Draft,
            ParentPaperId = inquiry.Id,
            OwnerOrganizationId = amt11.Id,
            Text = "Lecktestantwort: erste Fassung der Antwort.",
        };
        db.Papers.Add(statement);
        await db.SaveChangesAsync(Token);

        var hiddenPapers = new[] { land.Id, draft.Id, statement.Id };
        return new Hidden(
            inquiry.Id,
            await db.Meetings.Where(m => m.Public).Select(m => m.Id).ToArrayAsync(Token),
            hiddenPapers,
            [.. land.Files.Select(f => f.Id), note.Id],
            closed.Id,
            await db.AgendaItems.Where(i => !i.Public).Select(i => i.Id).ToArrayAsync(Token),
            await db.Consultations.Where(c => hiddenPapers.Contains(c.PaperId) || (c.AgendaItem != null && !c.AgendaItem.Public)).Select(c => c.Id).ToArrayAsync(Token));
    }

    private static async Task SetContentAsync(FileStore store, DocumentFile file, string text)
    {
        var stored = await store.SaveAsync(Encoding.UTF8.GetBytes(text), Token);
        file.Sha512Checksum = stored.Sha512;
        file.Size = stored.Size;
        file.Text = text;
    }
}
