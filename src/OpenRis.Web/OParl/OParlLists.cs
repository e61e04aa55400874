using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenRis.Web.Data;

namespace OpenRis.Web.OParl;

/// <summary>
/// One page of an external list (OParl 1.1 §2.5), assembled from stored JSON. Keyset pagination by
/// object id: stable under inserts and deletes during a crawl, and as fast on the last page as on
/// the first. Every link keeps every filter.
/// </summary>
internal static class OParlLists
{
    private sealed record Row(long ObjectId, byte[] Json, DateTime Modified);

    public static async Task WriteAsync(HttpContext context, RisDbContext db, IQueryable<OParlDocument> documents, string listUrl, OParlOptions options)
    {
        var (query, error) = OParlQuery.Parse(context.Request.Query, options.DefaultLimit);
        if (query is null)
        {
            await OParlResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, error!, "Invalid list parameter.");
            return;
        }
        var ct = context.RequestAborted;
        (string, long)? selfCursor = query.After is long a ? ("after", a) : query.Before is long b ? ("before", b) : null;

        // Read before the documents: a page can then be newer than its ETag says, never older.
        var version = await OParlListCache.DataVersionAsync(db, ct);
        var etag = version is long v ? OParlListCache.ETag(v, Url(listUrl, query, options, selfCursor, withLimit: true)) : null;
        if (etag is not null && OParlResponses.NotModified(context, etag))
        {
            return;
        }

        var filtered = Filter(documents, query);
        var stats = await context.RequestServices.GetRequiredService<OParlListCache>()
            .StatsAsync(version, Url(listUrl, query with { Limit = options.DefaultLimit, OmitInternal = false }, options, null, withLimit: false), filtered, ct);
        var page = filtered.AsNoTracking();
        List<Row> rows;
        bool hasNext, hasPrevious;
        if (query.Before is long before)
        {
            rows = await Select(page.Where(d => d.ObjectId < before).OrderByDescending(d => d.ObjectId).Take(query.Limit + 1), query).ToListAsync(ct);
            hasPrevious = rows.Count > query.Limit;
            rows = rows.Take(query.Limit).Reverse().ToList();
            hasNext = stats.MaxId >= before;
        }
        else
        {
            var after = query.After ?? 0;
            rows = await Select(page.Where(d => d.ObjectId > after).OrderBy(d => d.ObjectId).Take(query.Limit + 1), query).ToListAsync(ct);
            hasNext = rows.Count > query.Limit;
            rows = rows.Take(query.Limit).ToList();
            hasPrevious = query.After is not null && stats.MinId <= after;
        }

        var tail = new StringBuilder(512);
        tail.Append("],\"pagination\":{\"totalElements\":").Append(stats.Count.ToString(CultureInfo.InvariantCulture))
            .Append(",\"elementsPerPage\":").Append(query.Limit.ToString(CultureInfo.InvariantCulture)).Append("},\"links\":{");
        Link(tail, "first", Url(listUrl, query, options, null), first: true);
        if (hasPrevious && rows.Count > 0)
        {
            Link(tail, "prev", Url(listUrl, query, options, ("before", rows[0].ObjectId)));
        }
        Link(tail, "self", Url(listUrl, query, options, selfCursor));
        if (hasNext && rows.Count > 0)
        {
            Link(tail, "next", Url(listUrl, query, options, ("after", rows[^1].ObjectId)));
        }
        Link(tail, "last", Url(listUrl, query, options, stats.MaxId is long max && stats.Count > query.Limit ? ("before", max + 1) : null));
        tail.Append("}}");

        var lastModified = rows.Count == 0 ? DateTime.UnixEpoch : rows.Max(r => r.Modified);
        await OParlResponses.WritePageAsync(context, rows.Select(r => r.Json).ToList(), Encoding.UTF8.GetBytes(tail.ToString()), etag, lastModified);
    }

    /// <summary>Only the variant asked for is read: omit_internal is rare, and each variant is kilobytes per row.</summary>
    private static IQueryable<Row> Select(IQueryable<OParlDocument> documents, OParlQuery query) => query.OmitInternal
        ? documents.Select(d => new Row(d.ObjectId, d.JsonOmitInternal ?? d.Json, d.Modified))
        : documents.Select(d => new Row(d.ObjectId, d.Json, d.Modified));

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
    private static string Url(string listUrl, OParlQuery query, OParlOptions options, (string Name, long Id)? cursor, bool withLimit = false)
    {
        var parameters = query.Parameters(withLimit: withLimit || query.Limit != options.DefaultLimit);
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
