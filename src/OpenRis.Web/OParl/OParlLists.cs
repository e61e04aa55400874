using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace OpenRis.Web.OParl;

/// <summary>
/// One page of an external list (OParl 1.1 §2.5), assembled from stored JSON. Keyset pagination by
/// object id: stable under inserts and deletes during a crawl, and as fast on the last page as on
/// the first. Every link keeps every filter.
/// </summary>
internal static class OParlLists
{
    private sealed record Row(long ObjectId, string Json, string? JsonOmitInternal, DateTime Modified);

    public static async Task WriteAsync(HttpContext context, IQueryable<OParlDocument> documents, string listUrl, OParlOptions options)
    {
        var (query, error) = OParlQuery.Parse(context.Request.Query, options.DefaultLimit);
        if (query is null)
        {
            await OParlResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, error!, "Invalid list parameter.");
            return;
        }
        var ct = context.RequestAborted;
        var filtered = Filter(documents, query);

        var total = await filtered.CountAsync(ct);
        List<Row> rows;
        bool hasNext, hasPrevious;
        if (query.Before is long before)
        {
            rows = await filtered.Where(d => d.ObjectId < before).OrderByDescending(d => d.ObjectId).Take(query.Limit + 1)
                .Select(d => new Row(d.ObjectId, d.Json, d.JsonOmitInternal, d.Modified)).ToListAsync(ct);
            hasPrevious = rows.Count > query.Limit;
            rows = rows.Take(query.Limit).Reverse().ToList();
            hasNext = await filtered.AnyAsync(d => d.ObjectId >= before, ct);
        }
        else
        {
            var after = query.After ?? 0;
            rows = await filtered.Where(d => d.ObjectId > after).OrderBy(d => d.ObjectId).Take(query.Limit + 1)
                .Select(d => new Row(d.ObjectId, d.Json, d.JsonOmitInternal, d.Modified)).ToListAsync(ct);
            hasNext = rows.Count > query.Limit;
            rows = rows.Take(query.Limit).ToList();
            hasPrevious = query.After is not null && await filtered.AnyAsync(d => d.ObjectId <= after, ct);
        }
        var last = await filtered.MaxAsync(d => (long?)d.ObjectId, ct);

        var body = new StringBuilder(rows.Sum(r => r.Json.Length + 1) + 1024);
        body.Append("{\"data\":[");
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0)
            {
                body.Append(',');
            }
            body.Append(query.OmitInternal && rows[i].JsonOmitInternal is { } omitted ? omitted : rows[i].Json);
        }
        body.Append("],\"pagination\":{\"totalElements\":").Append(total.ToString(CultureInfo.InvariantCulture))
            .Append(",\"elementsPerPage\":").Append(query.Limit.ToString(CultureInfo.InvariantCulture)).Append("},\"links\":{");
        Link(body, "first", Url(listUrl, query, options, null), first: true);
        if (hasPrevious && rows.Count > 0)
        {
            Link(body, "prev", Url(listUrl, query, options, ("before", rows[0].ObjectId)));
        }
        Link(body, "self", Url(listUrl, query, options, query.After is long a ? ("after", a) : query.Before is long b ? ("before", b) : null));
        if (hasNext && rows.Count > 0)
        {
            Link(body, "next", Url(listUrl, query, options, ("after", rows[^1].ObjectId)));
        }
        Link(body, "last", Url(listUrl, query, options, last is long max && total > query.Limit ? ("before", max + 1) : null));
        body.Append("}}");

        var lastModified = rows.Count == 0 ? DateTime.UnixEpoch : rows.Max(r => r.Modified);
        await OParlResponses.WriteAsync(context, body.ToString(), lastModified);
    }

    private static IQueryable<OParlDocument> Filter(IQueryable<OParlDocument> documents, OParlQuery query)
    {
        if (!query.IncludesDeleted)
        {
            documents = documents.Where(d => !d.Deleted);
        }
        if (query.CreatedSince is DateTime createdSince)
        {
            documents = documents.Where(d => d.Created >= createdSince);
        }
        if (query.CreatedUntil is DateTime createdUntil)
        {
            documents = documents.Where(d => d.Created <= createdUntil);
        }
        if (query.ModifiedSince is DateTime modifiedSince)
        {
            documents = documents.Where(d => d.Modified >= modifiedSince);
        }
        if (query.ModifiedUntil is DateTime modifiedUntil)
        {
            documents = documents.Where(d => d.Modified <= modifiedUntil);
        }
        return documents;
    }

    private static void Link(StringBuilder body, string name, string url, bool first = false)
    {
        if (!first)
        {
            body.Append(',');
        }
        body.Append('"').Append(name).Append("\":\"").Append(url).Append('"');
    }

    /// <summary>One spelling per URL: parameters in alphabetical order, the cursor first, limit only when not the default.</summary>
    private static string Url(string listUrl, OParlQuery query, OParlOptions options, (string Name, long Id)? cursor)
    {
        var parameters = query.Parameters(withLimit: query.Limit != options.DefaultLimit);
        if (cursor is { } c)
        {
            parameters.Insert(0, new(c.Name, c.Id.ToString(CultureInfo.InvariantCulture)));
        }
        if (parameters.Count == 0)
        {
            return listUrl;
        }
        return listUrl + "?" + string.Join("&", parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }
}
