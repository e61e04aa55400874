using System.Buffers;
using System.Globalization;
using System.Text;

namespace OpenRis.Web.OParl;

/// <summary>
/// One page of an external list (OParl 1.1 §2.5), assembled from stored JSON. Keyset pagination by
/// object id: stable under inserts and deletes during a crawl, and as fast on the last page as on
/// the first. Every link keeps every filter.
/// </summary>
internal static class OParlLists
{
    /// <summary>
    /// Writes the page asked for, or a 404 when <paramref name="owner"/> (the Body or Organization
    /// whose list it is) is not public.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, OParlListSource source, string listUrl, OParlOptions options, (string Type, long Id)? owner = null)
    {
        var ct = context.RequestAborted;
        var cache = context.RequestServices.GetRequiredService<OParlListCache>();
        await using var connection = await context.RequestServices.GetRequiredService<OParlStore>().OpenAsync(ct);
        await connection.BeginSnapshotAsync(ct);
        // Read first, in the page's snapshot: the ETag, the cached counts and the page agree.
        var version = await connection.ScalarAsync(OParlListCache.DataVersionSql, [], ct) is { } read ? Convert.ToInt64(read, CultureInfo.InvariantCulture) : (long?)null;
        if (owner is { } o && !await cache.ExistsAsync(version, o.Type, o.Id, async () => await connection.ScalarAsync(ExistsSql, Parameters(("@type", o.Type), ("@id", o.Id)), ct) is not null))
        {
            await OParlResponses.NotFoundAsync(context);
            return;
        }
        var (query, error) = OParlQuery.Parse(context.Request.Query, options.DefaultLimit);
        if (query is null)
        {
            await OParlResponses.ErrorAsync(context, StatusCodes.Status400BadRequest, error!, "Invalid list parameter.");
            return;
        }
        (string, long)? selfCursor = query.After is long a ? ("after", a) : query.Before is long b ? ("before", b) : null;
        var etag = version is long v ? OParlListCache.ETag(v, Url(listUrl, query, options, selfCursor, withLimit: true)) : null;
        if (etag is not null && OParlResponses.NotModified(context, etag))
        {
            return;
        }

        var (where, parameters) = Filter(source, query);
        var stats = await cache.StatsAsync(version, Url(listUrl, query with { Limit = options.DefaultLimit, OmitInternal = false }, options, null, withLimit: false),
            () => StatsAsync(connection, source.From, where, parameters, ct));
        var jsonColumn = query.OmitInternal ? "COALESCE(\"JsonOmitInternal\", \"Json\")" : "\"Json\"";
        var columns = $"\"ObjectId\", \"Modified\", {connection.LengthColumn(jsonColumn)}, {jsonColumn}";
        var backwards = query.Before is long;
        var cursor = query.Before ?? query.After ?? 0;
        var sql = $"SELECT {columns} FROM {source.From} WHERE {where} AND {source.Key} {(backwards ? "<" : ">")} @cursor ORDER BY {source.Key}{(backwards ? " DESC" : "")} LIMIT @take";
        List<KeyValuePair<string, object>> pageParameters = [.. parameters, new("@cursor", cursor), new("@take", query.Limit + 1)];
        if (etag is not null && !backwards && connection.Sqlite is not null && cache.Head(version!.Value, etag) is { } head)
        {
            await WriteStreamedAsync(context, connection, sql, pageParameters, head, stats, listUrl, query, options, selfCursor);
            return;
        }
        using var rows = await connection.ReadPageAsync(sql, pageParameters, query.Limit, ct);
        bool hasNext, hasPrevious;
        if (backwards)
        {
            rows.Reverse();
            hasPrevious = rows.HasMore;
            hasNext = stats.MaxId >= cursor;
        }
        else
        {
            hasNext = rows.HasMore;
            hasPrevious = query.After is not null && stats.MinId <= cursor;
        }

        var tail = Tail(stats, listUrl, query, options, selfCursor, rows.Count == 0 ? null : (rows.FirstId, rows.LastId), hasPrevious, hasNext);
        var objectsLength = rows.Length + Math.Max(0, rows.Count - 1);
        var length = await OParlResponses.WritePageAsync(context, objectsLength, tail, etag, rows.LastModified,
            rows.Count == 0 ? null : writer => rows.WriteToAsync(writer, ct));
        if (etag is not null && !backwards)
        {
            cache.SetHead(version!.Value, etag, new OParlPageHead(length, rows.LastModified));
        }
    }

    /// <summary>
    /// A page served before at this data version (SQLite, read forwards): its Content-Length and
    /// Last-Modified are known, so the rows go from SQLite's row buffer straight into the response,
    /// without first being copied into a buffer of the whole page. Equal data versions mean equal
    /// bytes; should they differ anyway, the connection is aborted rather than a wrong page sent.
    /// </summary>
    private static async Task WriteStreamedAsync(HttpContext context, OParlConnection connection, string sql, List<KeyValuePair<string, object>> parameters,
        OParlPageHead head, OParlListStats stats, string listUrl, OParlQuery query, OParlOptions options, (string, long)? selfCursor)
    {
        OParlResponses.Headers(context, head.LastModified, head.Length);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        var writer = context.Response.BodyWriter;
        writer.Write(OParlResponses.PageHead);
        var rows = await connection.StreamPageAsync(sql, parameters, query.Limit, writer, context.RequestAborted);
        var hasPrevious = query.After is long after && stats.MinId <= after;
        var tail = Tail(stats, listUrl, query, options, selfCursor, rows.Count == 0 ? null : (rows.FirstId, rows.LastId), hasPrevious, rows.HasMore);
        if (OParlResponses.PageHead.Length + rows.Length + tail.Length != head.Length || rows.LastModified != head.LastModified)
        {
            context.Abort();
            return;
        }
        writer.Write(tail);
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>What follows the objects: the pagination and the links, every link with every filter.</summary>
    private static byte[] Tail(OParlListStats stats, string listUrl, OParlQuery query, OParlOptions options, (string, long)? selfCursor,
        (long First, long Last)? ids, bool hasPrevious, bool hasNext)
    {
        var tail = new StringBuilder(512);
        tail.Append("],\"pagination\":{\"totalElements\":").Append(stats.Count.ToString(CultureInfo.InvariantCulture))
            .Append(",\"elementsPerPage\":").Append(query.Limit.ToString(CultureInfo.InvariantCulture)).Append("},\"links\":{");
        Link(tail, "first", Url(listUrl, query, options, null), first: true);
        if (hasPrevious && ids is { } p)
        {
            Link(tail, "prev", Url(listUrl, query, options, ("before", p.First)));
        }
        Link(tail, "self", Url(listUrl, query, options, selfCursor));
        if (hasNext && ids is { } n)
        {
            Link(tail, "next", Url(listUrl, query, options, ("after", n.Last)));
        }
        Link(tail, "last", Url(listUrl, query, options, stats.MaxId is long max && stats.Count > query.Limit ? ("before", max + 1) : null));
        tail.Append("}}");
        return Encoding.UTF8.GetBytes(tail.ToString());
    }

    private const string ExistsSql = "SELECT 1 FROM \"OParlDocuments\" WHERE \"Type\" = @type AND \"ObjectId\" = @id AND \"Visible\" AND NOT \"Deleted\"";

    private static List<KeyValuePair<string, object>> Parameters(params (string Name, object Value)[] values) =>
        [.. values.Select(p => new KeyValuePair<string, object>(p.Name, p.Value))];

    private static async Task<OParlListStats> StatsAsync(OParlConnection connection, string from, string where, List<KeyValuePair<string, object>> parameters, CancellationToken ct)
    {
        var command = connection.Command($"SELECT COUNT(*), MIN(\"ObjectId\"), MAX(\"ObjectId\") FROM {from} WHERE {where}", parameters);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new OParlListStats(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2));
        }
        finally
        {
            connection.Release(command);
        }
    }

    /// <summary>The list's condition with the query's filters; one SQL text per combination of filters, so that it is prepared once.</summary>
    private static (string Where, List<KeyValuePair<string, object>> Parameters) Filter(OParlListSource source, OParlQuery query)
    {
        var where = new StringBuilder(source.Condition);
        var parameters = new List<KeyValuePair<string, object>>(source.Parameters);
        if (!query.IncludesDeleted)
        {
            where.Append(" AND NOT \"Deleted\"");
        }
        void Bound(string column, string op, string name, DateTime? value)
        {
            if (value is DateTime v)
            {
                where.Append(" AND \"").Append(column).Append("\" ").Append(op).Append(' ').Append(name);
                parameters.Add(new(name, DateTime.SpecifyKind(v, DateTimeKind.Utc)));
            }
        }
        Bound("Created", ">=", "@created_since", query.CreatedSince);
        Bound("Created", "<=", "@created_until", query.CreatedUntil);
        Bound("Modified", ">=", "@modified_since", query.ModifiedSince);
        Bound("Modified", "<=", "@modified_until", query.ModifiedUntil);
        return (where.ToString(), parameters);
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

/// <summary>
/// Which documents a list holds: the tables (<see cref="From"/>), a condition and its parameters,
/// and the column the keyset cursor runs on (<see cref="Key"/>, equal to the object id). Column
/// names of "OParlDocuments" stay unqualified, so filters can be added to any source.
/// </summary>
internal sealed record OParlListSource(string Condition, IReadOnlyList<KeyValuePair<string, object>> Parameters,
    string From = "\"OParlDocuments\"", string Key = "\"ObjectId\"")
{
    public static OParlListSource Bodies { get; } = new("\"Type\" = @type AND \"Visible\"", [new("@type", OParlTypes.Body)]);

    public static OParlListSource OfBody(string type, long bodyId) =>
        new("\"Type\" = @type AND \"BodyId\" = @owner AND \"Visible\"", [new("@type", type), new("@owner", bodyId)]);

    /// <summary>
    /// Walks the link rows of this one organization in id order (index on organization, then
    /// object) and fetches each document by primary key, with the cursor on the link row: a page
    /// touches only its own rows. An IN (subquery) instead made SQLite build the list of all the
    /// organization's ids and walk it from the start on every page (20-30 ms per page for the
    /// council's 44,000 consultations at 100,000 papers).
    /// </summary>
    public static OParlListSource OfOrganization(string list, long organizationId) => list == "meeting"
        ? new("\"l\".\"OrganizationId\" = @owner AND \"Visible\"", [new("@type", OParlTypes.Meeting), new("@owner", organizationId)],
            "\"MeetingOrganizations\" AS \"l\" JOIN \"OParlDocuments\" ON \"Type\" = @type AND \"ObjectId\" = \"l\".\"MeetingId\"", "\"l\".\"MeetingId\"")
        : new("\"l\".\"OrganizationId\" = @owner AND \"Visible\"", [new("@type", OParlTypes.Consultation), new("@owner", organizationId)],
            "\"ConsultationOrganization\" AS \"l\" JOIN \"OParlDocuments\" ON \"Type\" = @type AND \"ObjectId\" = \"l\".\"ConsultationId\"", "\"l\".\"ConsultationId\"");
}
