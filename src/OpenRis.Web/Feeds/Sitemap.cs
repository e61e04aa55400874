using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Feeds;

/// <summary>sitemap.xml (sitemaps.org 0.9) of every public page, so that search engines find each meeting and paper.</summary>
internal static class Sitemap
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static readonly string[] StaticPages =
        ["/", "/sitzungen", "/kalender", "/vorlagen", "/gremien", "/personen", "/wahlperioden", "/barrierefreiheit", "/impressum", "/datenschutz"];

    public static async Task<IResult> GetAsync(RisDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Public).OrderBy(m => m.Id).Select(m => new { m.Id, m.Modified }).ToListAsync(cancellationToken);
        var papers = await db.Papers.AsNoTracking().PubliclyVisible().OrderBy(p => p.Id).Select(p => new { p.Id, p.Modified }).ToListAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.OrganizationType == Organization.TypeCommittee || o.OrganizationType == Organization.TypeFaction)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Modified }).ToListAsync(cancellationToken);
        var people = await db.Persons.AsNoTracking().Where(p => p.Memberships.Any()).OrderBy(p => p.Id).Select(p => new { p.Id, p.Modified }).ToListAsync(cancellationToken);

        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("urlset", Namespace);
            foreach (var path in StaticPages)
            {
                Url(xml, site + path, null);
            }
            meetings.ForEach(m => Url(xml, $"{site}/sitzungen/{m.Id}", m.Modified));
            papers.ForEach(p => Url(xml, $"{site}/vorlagen/{p.Id}", p.Modified));
            organizations.ForEach(o => Url(xml, $"{site}/gremien/{o.Id}", o.Modified));
            people.ForEach(p => Url(xml, $"{site}/personen/{p.Id}", p.Modified));
            xml.WriteEndElement();
        }
        return TypedResults.Text(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml; charset=utf-8");
    }

    private static void Url(XmlWriter xml, string location, DateTime? modified)
    {
        xml.WriteStartElement("url", Namespace);
        xml.WriteElementString("loc", Namespace, location);
        if (modified is { } m)
        {
            xml.WriteElementString("lastmod", Namespace, m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        xml.WriteEndElement();
    }
}
