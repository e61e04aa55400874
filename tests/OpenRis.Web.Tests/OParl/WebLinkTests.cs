using System.Net;
using Microsoft.EntityFrameworkCore;

namespace OpenRis.Web.Tests.OParl;

/// <summary>`web`: the object's HTML page in the portal, for every type that has one (the conformance crawl checks that each link answers; this checks it is the right page).</summary>
public sealed class WebLinkTests(OParlSites sites)
{
    private const string Api = OParlSite.Api;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task MeetingOrganizationPerson_WebLinksToTheirPortalPage(string provider)
    {
        var site = await sites.DemoAsync(provider);
        await using var db = site.Database.NewContext();
        var meeting = await db.Meetings.Where(m => m.Public).OrderBy(m => m.Id).Select(m => new { m.Id, m.Name }).FirstAsync(Token);
        var organization = await db.Organizations.OrderBy(o => o.Id).Select(o => new { o.Id, o.Name }).FirstAsync(Token);
        var person = await db.Persons.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync(Token);

        (string Type, long Id, string Page, string? Name)[] objects =
        [
            ("meeting", meeting.Id, $"/sitzungen/{meeting.Id}", meeting.Name),
            ("organization", organization.Id, $"/gremien/{organization.Id}", organization.Name),
            ("person", person.Id, $"/personen/{person.Id}", person.Name),
        ];
        using var client = site.Client();
        foreach (var (type, id, page, name) in objects)
        {
            var (response, json) = await site.GetJsonAsync($"{Api}/{type}/{id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var web = OParlRules.Text(json!, "web");
            Assert.Equal(OParlSite.Base + page, web);

            using var html = await client.GetAsync(web, Token);
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
            Assert.Contains(name!, WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        }
    }
}
