using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;
using OpenRis.Web.Model;

namespace OpenRis.Web.Feeds;

/// <summary>Atom feeds (RFC 4287) of newly published public papers: all, and those a body deals with or sent.</summary>
internal static class PaperFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    internal const string Atom = "http://www.w3.org/2005/Atom";
    private const int Size = 50;

    private sealed record Row(long Id, string? Reference, string Name, string? Subject, string Kind, DateOnly? Date, DateTime Created, DateTime Modified);

    public static Task<IResult> AllAsync(RisDbContext db, HttpContext http, FeedCache cache, CancellationToken cancellationToken) =>
        cache.ServeAsync(db, http, ContentType, async () => Write(await RowsAsync(db.Papers, cancellationToken), "Neue Vorlagen", "/vorlagen.atom", "/vorlagen", http), cancellationToken);

    public static Task<IResult> OfOrganizationAsync(long id, RisDbContext db, HttpContext http, FeedCache cache, CancellationToken cancellationToken) =>
        cache.ServeAsync(db, http, ContentType, async () =>
        {
            var name = await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is null)
            {
                return null;
            }
            var papers = db.Papers.Where(p => p.OriginatorOrganizations.Any(o => o.Id == id)
                || p.Consultations.Any(c => c.Organizations.Any(o => o.Id == id)
                    || (c.Meeting != null && c.Meeting.Organizations.Any(o => o.OrganizationId == id))));
            return Write(await RowsAsync(papers, cancellationToken), $"Neue Vorlagen – {name}", $"/gremien/{id}/vorlagen.atom", $"/gremien/{id}", http);
        }, cancellationToken);

    private static Task<List<Row>> RowsAsync(IQueryable<Paper> papers, CancellationToken cancellationToken) =>
        papers.AsNoTracking().PubliclyVisible()
            .OrderByDescending(p => p.Created).ThenByDescending(p => p.Id).Take(Size)
            .Select(p => new Row(p.Id, p.Reference ?? p.ParentPaper!.Reference, p.Name, p.Subject, p.Kind.Name, p.Date, p.Created, p.Modified))
            .ToListAsync(cancellationToken);

    private static string Write(List<Row> papers, string title, string self, string alternate, HttpContext http)
    {
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "de");
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("id", Atom, site + self);
            xml.WriteElementString("updated", Atom, Stamp(papers.Count == 0 ? DateTime.UnixEpoch : papers.Max(p => p.Modified)));
            Link(xml, site + self, "self");
            Link(xml, site + alternate, "alternate");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "OpenRIS");
            xml.WriteEndElement();
            foreach (var paper in papers)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("title", Atom, $"{(paper.Reference is null ? "" : paper.Reference + " ")}{paper.Name}{(paper.Subject is null ? "" : " – hier: " + paper.Subject)}");
                // A URL we will keep serving is the simplest stable, unique Atom id.
                xml.WriteElementString("id", Atom, $"{site}/vorlagen/{paper.Id}");
                xml.WriteElementString("published", Atom, Stamp(paper.Created));
                xml.WriteElementString("updated", Atom, Stamp(paper.Modified));
                Link(xml, $"{site}/vorlagen/{paper.Id}", "alternate");
                xml.WriteElementString("summary", Atom, paper.Date is { } d
                    ? $"{paper.Kind} vom {d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}"
                    : paper.Kind);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    internal static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    internal static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
