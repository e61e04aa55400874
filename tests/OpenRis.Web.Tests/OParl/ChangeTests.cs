using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace OpenRis.Web.Tests.OParl;

/// <summary>
/// A change to an embedded object is a change of everything that embeds it (OParl 1.1 §2.8;
/// oparl-notes §10 #16): the parents show it at once and their modified moves, so that a client
/// syncing with modified_since sees it.
/// </summary>
public sealed class ChangeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset ChangedAt = OParlSite.SeededAt.AddDays(5);

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task ChangedEmbeddedObjects_ShowInEveryParent_AndMoveItsModified(string provider)
    {
        await using var site = await OParlSite.StartDemoAsync(provider);
        string Url(string type, long id) => $"{OParlSite.Api}/{type}/{id}";
        site.Clock!.SetUtcNow(ChangedAt);
        var parents = new List<(string Url, string Property, string Child, string Expected)>();
        await using (var db = site.Database.NewContext(site.Clock))
        {
            var townHall = await db.Locations.SingleAsync(l => l.Description == "Rathaus an der Volme", Token);
            townHall.Room = "Foyer";
            var body = await db.Bodies.SingleAsync(Token);
            var council = await db.Organizations.SingleAsync(o => o.ShortName == "Rat", Token);
            var habit = await db.Meetings.SingleAsync(m => m.LocationId == townHall.Id, Token);
            parents.AddRange([(Url("body", body.Id), "location", Url("location", townHall.Id), "Foyer"), (Url("organization", council.Id), "location", Url("location", townHall.Id), "Foyer"),
                (Url("meeting", habit.Id), "location", Url("location", townHall.Id), "Foyer")]);

            var term = await db.LegislativeTerms.OrderBy(t => t.Id).FirstAsync(Token);
            term.Name = "Wahlperiode 2014 bis 2020";
            parents.Add((Url("body", body.Id), "legislativeTerm", Url("legislativeTerm", term.Id), term.Name));

            var membership = await db.Memberships.Include(m => m.Person).OrderBy(m => m.Id).FirstAsync(m => m.Person.FamilyName == "Bücker" && m.OrganizationId != council.Id, Token);
            membership.Role = "Fraktionsvorsitz";
            parents.Add((Url("person", membership.PersonId), "membership", Url("membership", membership.Id), "Fraktionsvorsitz"));

            var letter = await db.Files.SingleAsync(f => f.FileName == "0930-2018-anschreiben.md", Token);
            letter.Name = "Anschreiben (geänderter Titel)";
            var consultation = await db.Consultations.SingleAsync(c => c.PaperId == letter.PaperId, Token);
            consultation.Role = "Kenntnisnahme";
            parents.AddRange([(Url("paper", letter.PaperId!.Value), "auxiliaryFile", Url("file", letter.Id), letter.Name),
                (Url("paper", letter.PaperId!.Value), "consultation", Url("consultation", consultation.Id), "Kenntnisnahme")]);

            var item = await db.AgendaItems.SingleAsync(a => a.Id == consultation.AgendaItemId, Token);
            item.Result = "Zur Kenntnis genommen";
            parents.Add((Url("meeting", item.MeetingId), "agendaItem", Url("agendaItem", item.Id), "Zur Kenntnis genommen"));
            await db.SaveChangesAsync(Token);
        }

        foreach (var (url, property, child, expected) in parents)
        {
            var parent = (await site.GetJsonAsync(url)).Json!;
            var embedded = parent[property] is JsonArray list
                ? list.Select(c => c!.AsObject()).SingleOrDefault(c => OParlRules.Text(c, "id") == child)
                : parent[property]?.AsObject();
            Assert.True(embedded is not null && embedded.ToJsonString(OParlRules.Readable).Contains(expected, StringComparison.Ordinal),
                $"{url} › {property} does not show the change of {child} to \"{expected}\": {embedded?.ToJsonString(OParlRules.Readable) ?? "missing"}");
            OParlSite.AssertShownAt(ChangedAt, OParlRules.Text(parent, "modified"), $"{url}, whose {property} {child} changed");
            OParlSite.AssertShownAt(ChangedAt, OParlRules.Text(embedded!, "modified"), $"{child} embedded in {url}");
            var type = url[(OParlSite.Api.Length + 1)..url.LastIndexOf('/')];
            var changes = type == "body" ? $"{OParlSite.Api}/body" : $"{OParlSite.Api}/body/1/{type}";
            Assert.Contains(url, ListTests.Ids((await site.GetJsonAsync($"{changes}?modified_since=2024-07-06T00:00:00%2B02:00")).Json));
        }

        var crawler = await site.CrawlerAsync(new CrawlOptions { WebLinks = 0 });
        (await crawler.CrawlAsync(OParlSite.SystemUrl)).AssertClean("the demo after changes to embedded objects");
    }
}
