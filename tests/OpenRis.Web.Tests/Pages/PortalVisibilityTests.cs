using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Model;

namespace OpenRis.Web.Tests.Pages;

/// <summary>Non-public content (the land sale 0951/2018 with its file, the CDU faction's draft, non-public agenda items) never reaches the public portal.</summary>
public sealed class PortalVisibilityTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task NonPublicContent_AppearsOnNoPageFeedOrSitemap(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new RisApp(database);
        var client = app.Client();
        await client.GetPageAsync("/");

        await using var db = database.NewContext();
        var hiddenPapers = await db.Papers.Where(p => !p.Public || p.Status != PaperStatus.Published).Select(p => new { p.Id, p.Name, p.Subject, p.Reference }).ToListAsync(Token);
        var hiddenItems = await db.AgendaItems.Where(i => !i.Public).Select(i => i.Name).ToListAsync(Token);
        var hiddenFiles = await db.Files.Where(f => !f.Public || (f.Paper != null && !f.Paper.Public)).Select(f => new { f.Id, f.Name }).ToListAsync(Token);
        Assert.Contains(hiddenPapers, p => p.Reference == "0951/2018");
        Assert.Contains(hiddenPapers, p => p.Subject == "Freies WLAN in der Innenstadt");
        Assert.NotEmpty(hiddenItems);
        Assert.NotEmpty(hiddenFiles);

        var meetings = await db.Meetings.Select(m => m.Id).ToListAsync(Token);
        var organizations = await db.Organizations.Select(o => o.Id).ToListAsync(Token);
        var people = await db.Persons.Select(p => p.Id).ToListAsync(Token);
        var paths = new List<string> { "/", "/sitzungen", "/kalender?monat=2018-09", "/vorlagen", "/gremien", "/personen", "/sitemap.xml", "/kalender.ics", "/vorlagen.atom" };
        paths.AddRange(meetings.SelectMany(id => new[] { $"/sitzungen/{id}", $"/sitzungen/{id}.ics" }));
        paths.AddRange(organizations.SelectMany(id => new[] { $"/gremien/{id}", $"/gremien/{id}/kalender.ics", $"/gremien/{id}/vorlagen.atom" }));
        paths.AddRange(people.Select(id => $"/personen/{id}"));

        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Token);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                continue;
            }
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync(Token);
            foreach (var paper in hiddenPapers)
            {
                Assert.DoesNotContain($"/vorlagen/{paper.Id}\"", text, StringComparison.Ordinal);
                Assert.DoesNotContain($"/vorlagen/{paper.Id}<", text, StringComparison.Ordinal);
                Assert.DoesNotContain(paper.Subject ?? paper.Name, text, StringComparison.Ordinal);
                if (paper.Reference is not null)
                {
                    Assert.DoesNotContain(paper.Reference, text, StringComparison.Ordinal);
                }
            }
            foreach (var item in hiddenItems)
            {
                Assert.DoesNotContain(item, text, StringComparison.Ordinal);
            }
            foreach (var file in hiddenFiles)
            {
                Assert.DoesNotContain($"/dateien/{file.Id}/", text, StringComparison.Ordinal);
                Assert.DoesNotContain(file.Name, text, StringComparison.Ordinal);
            }
        }
    }
}
