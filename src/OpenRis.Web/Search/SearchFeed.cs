using System.Text;
using System.Xml;
using OpenRis.Web.Feeds;

namespace OpenRis.Web.Search;

/// <summary><c>/suche.atom?q=…</c>: a saved search as an Atom feed of public hits, newest change first.</summary>
internal static class SearchFeed
{
    public static async Task<IResult> GetAsync(HttpContext http, SearchService search, CancellationToken cancellationToken)
    {
        var (request, errors) = SearchRequest.FromQuery(http.Request.Query);
        if (request is null)
        {
            return TypedResults.Problem(title: "Ungültige Suchanfrage", detail: string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest);
        }
        // Feed readers fetch anonymously; a feed shows public content only.
        var hits = await search.ChangedSinceAsync(request, DateTime.MinValue, actor: null, max: 50, cancellationToken);
        var site = $"{http.Request.Scheme}://{http.Request.Host}";
        var atom = PaperFeed.Atom;
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, "de");
            xml.WriteElementString("title", atom, $"Suche: {request.Query}");
            xml.WriteElementString("id", atom, site + "/suche.atom" + request.ToQueryString());
            xml.WriteElementString("updated", atom, PaperFeed.Stamp(hits.Count == 0 ? DateTime.UnixEpoch : hits.Max(h => h.Modified)));
            PaperFeed.Link(xml, site + "/suche.atom" + request.ToQueryString(), "self");
            PaperFeed.Link(xml, site + "/suche" + request.ToQueryString(), "alternate");
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, "OpenRIS");
            xml.WriteEndElement();
            foreach (var hit in hits)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("title", atom, (hit.Reference is null ? "" : hit.Reference + " ") + hit.Title);
                xml.WriteElementString("id", atom, site + hit.Url);
                xml.WriteElementString("updated", atom, PaperFeed.Stamp(hit.Modified));
                PaperFeed.Link(xml, site + hit.Url, "alternate");
                xml.WriteElementString("summary", atom, hit.Kind);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return TypedResults.Text(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), PaperFeed.ContentType);
    }
}
