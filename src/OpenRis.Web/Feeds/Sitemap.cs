using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Feeds;

/// <summary>
/// sitemap.xml (sitemaps.org 0.9) of every public page, so that search engines find each meeting and paper.
/// The protocol allows 50,000 URLs per file; beyond that /sitemap.xml is a sitemap index of /sitemap-1.xml, /sitemap-2.xml ….
/// </summary>
internal static class Sitemap
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The protocol's limit; the setting <c>Portal:SitemapUrlsPerFile</c> lowers it (tests).</summary>
    public const int MaxUrlsPerFile = 50_000;

    private static readonly string[] StaticPages =
        ["/", "/sitzungen", "/kalender", "/vorlagen", "/gremien", "/personen", "/wahlperioden", "/barrierefreiheit", "/impressum", "/datenschutz"];

    private const string ContentType = "application/xml; charset=utf-8";

    public static Task<IResult> GetAsync(RisDbContext db, HttpContext http, IConfiguration configuration, FeedCache cache, CancellationToken cancellationToken) =>
        cache.ServeAsync(db, http, ContentType, async () => await RenderAsync(db, http, configuration, cancellationToken), cancellationToken);

    private static async Task<string> RenderAsync(RisDbContext db, HttpContext http, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var urls = await UrlsAsync(db, site, cancellationToken);
        var perFile = PerFile(configuration);
        if (urls.Count <= perFile)
        {
            return Xml(UrlSet(urls));
        }
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("sitemapindex", Namespace);
            for (var part = 1; (part - 1) * perFile < urls.Count; part++)
            {
                var lastModified = urls.Skip((part - 1) * perFile).Take(perFile).Max(u => u.Modified);
                xml.WriteStartElement("sitemap", Namespace);
                xml.WriteElementString("loc", Namespace, $"{site}/sitemap-{part}.xml");
                if (lastModified is { } m)
                {
                    xml.WriteElementString("lastmod", Namespace, m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return Xml(text);
    }

    /// <summary>One part of a split sitemap; 404 beyond the last part or when there is no index.</summary>
    public static Task<IResult> GetPartAsync(int part, RisDbContext db, HttpContext http, IConfiguration configuration, FeedCache cache, CancellationToken cancellationToken) =>
        cache.ServeAsync(db, http, ContentType, async () =>
        {
            var urls = await UrlsAsync(db, $"{http.Request.Scheme}://{http.Request.Host}", cancellationToken);
            var perFile = PerFile(configuration);
            if (urls.Count <= perFile || part < 1 || (part - 1) * perFile >= urls.Count)
            {
                return null;
            }
            return Xml(UrlSet(urls.Skip((part - 1) * perFile).Take(perFile)));
        }, cancellationToken);

    private static int PerFile(IConfiguration configuration) =>
        Math.Clamp(configuration.GetValue("Portal:SitemapUrlsPerFile", MaxUrlsPerFile), 1, MaxUrlsPerFile);

    private static string Xml(StringBuilder text) =>
        text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);

    private static StringBuilder UrlSet(IEnumerable<(string Location, DateTime? Modified)> urls)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("urlset", Namespace);
            foreach (var (location, modified) in urls)
            {
                Url(xml, location, modified);
            }
            xml.WriteEndElement();
        }
        return text;
    }

    private static async Task<List<(string Location, DateTime? Modified)>> UrlsAsync(RisDbContext db, string site, CancellationToken cancellationToken)
    {
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.Public).OrderBy(m => m.Id).Select(m => new { m.Id, m.Modified }).ToListAsync(cancellationToken);
        var papers = await db.Papers.AsNoTracking().PubliclyVisible().OrderBy(p => p.Id).Select(p => new { p.Id, p.Modified }).ToListAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.OrganizationType == Organization.TypeCommittee || o.OrganizationType == Organization.TypeFaction)
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.Modified }).ToListAsync(cancellationToken);
        var people = await db.Persons.AsNoTracking().Where(p => p.Memberships.Any()).OrderBy(p => p.Id).Select(p => new { p.Id, p.Modified }).ToListAsync(cancellationToken);

        var urls = new List<(string Location, DateTime? Modified)>();
        urls.AddRange(StaticPages.Select(path => (site + path, (DateTime?)null)));
        urls.AddRange(meetings.Select(m => ($"{site}/sitzungen/{m.Id}", (DateTime?)m.Modified)));
        urls.AddRange(papers.Select(p => ($"{site}/vorlagen/{p.Id}", (DateTime?)p.Modified)));
        urls.AddRange(organizations.Select(o => ($"{site}/gremien/{o.Id}", (DateTime?)o.Modified)));
        urls.AddRange(people.Select(p => ($"{site}/personen/{p.Id}", (DateTime?)p.Modified)));
        return urls;
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
