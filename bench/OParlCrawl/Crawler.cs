using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace OParlCrawl;

/// <summary>Counters of one crawl (or one client of a concurrent crawl).</summary>
internal sealed class CrawlStats
{
    public long Requests { get; set; }
    public long Pages { get; set; }
    public long Lists { get; set; }
    public long Objects { get; set; }
    public long Bytes { get; set; }
    public long Ok { get; set; }
    public long NotModified { get; set; }
    public long Failed { get; set; }
    public long ChangedEtags { get; set; }

    /// <summary>Lists whose object count differs from their pagination.totalElements.</summary>
    public long CountMismatches { get; set; }

    /// <summary>Sum of request times (send to last byte), in Stopwatch ticks.</summary>
    public long RequestTicks { get; set; }

    /// <summary>Time spent scanning pages in the crawler, in Stopwatch ticks.</summary>
    public long ScanTicks { get; set; }

    /// <summary>Per-request latency in Stopwatch ticks, when recorded.</summary>
    public List<long> Latencies { get; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>Per kind of list ("paper", "organization/meeting", …): pages, objects, bytes, request ticks.</summary>
    public Dictionary<string, ListKind> Kinds { get; } = new(StringComparer.Ordinal);

    public void Add(CrawlStats other)
    {
        Requests += other.Requests;
        Pages += other.Pages;
        Lists += other.Lists;
        Objects += other.Objects;
        Bytes += other.Bytes;
        Ok += other.Ok;
        NotModified += other.NotModified;
        Failed += other.Failed;
        ChangedEtags += other.ChangedEtags;
        CountMismatches += other.CountMismatches;
        RequestTicks += other.RequestTicks;
        ScanTicks += other.ScanTicks;
        Latencies.AddRange(other.Latencies);
        foreach (var (name, kind) in other.Kinds)
        {
            if (!Kinds.TryGetValue(name, out var mine))
            {
                Kinds[name] = mine = new ListKind();
            }
            mine.Add(kind);
        }
        Errors.AddRange(other.Errors.Take(Math.Max(0, 20 - Errors.Count)));
    }
}

/// <summary>Counters of one kind of list.</summary>
internal sealed class ListKind
{
    public long Lists { get; set; }
    public long Pages { get; set; }
    public long Objects { get; set; }
    public long Bytes { get; set; }
    public long Ticks { get; set; }
    public long MaxTicks { get; set; }

    public void Add(ListKind other)
    {
        Lists += other.Lists;
        Pages += other.Pages;
        Objects += other.Objects;
        Bytes += other.Bytes;
        Ticks += other.Ticks;
        MaxTicks = Math.Max(MaxTicks, other.MaxTicks);
    }

    /// <summary>"paper" for …/body/1/paper, "organization/meeting" for …/organization/7/meeting.</summary>
    public static string Of(Uri url)
    {
        var segments = url.AbsolutePath.TrimEnd('/').Split('/');
        var last = segments[^1];
        return segments.Length >= 3 && segments[^3] == "organization" ? "organization/" + last : last;
    }
}

/// <summary>
/// One client walking the API the way a harvester does: System → body list → the ten lists of each
/// Body (collecting each Organization's meeting and consultation lists on the way) → those lists,
/// each followed through links.next.
/// </summary>
internal sealed class Crawler(Options options, PageClient client, CrawlStats stats)
{
    /// <summary>The ten external lists of a Body (OParl 1.1 §3.2), in the order a harvester would take them.</summary>
    public static readonly string[] BodyLists =
        ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file", "locationList", "legislativeTermList", "membership"];

    private static readonly string[] OrganizationLists = ["meeting", "consultation"];

    private readonly PageBuffer _buffer = new();
    private ListKind? _kind;

    /// <summary>Where pages are written (sequential --save).</summary>
    public PageStore? Save { get; init; }

    /// <summary>Saved pages and their ETags (revalidate).</summary>
    public PageStore? Cache { get; init; }

    public Dictionary<string, string>? Etags { get; init; }

    public bool RecordLatencies { get; init; }

    /// <summary>The whole crawl. Returns false when it had to stop early.</summary>
    public async Task<bool> CrawlAsync(CancellationToken cancellationToken)
    {
        var lists = await DiscoverAsync(crawlLists: true, cancellationToken);
        return lists is not null;
    }

    /// <summary>
    /// Fetches System and the body list and reads the list URLs. With crawlLists every list is
    /// crawled as it is found; without, only the organization lists are (they name the
    /// organizations' own lists) and the remaining lists are returned for others to crawl.
    /// </summary>
    public async Task<List<string>?> DiscoverAsync(bool crawlLists, CancellationToken cancellationToken)
    {
        if (!await FetchAsync(options.SystemUrl.AbsoluteUri, listPage: false, cancellationToken))
        {
            return null;
        }
        string bodyList;
        using (var system = JsonDocument.Parse(_buffer.Memory))
        {
            bodyList = system.RootElement.GetProperty("body").GetString()
                ?? throw new FormatException("System.body is not a URL.");
        }
        var bodies = new List<JsonElement>();
        if (!await CrawlListAsync(bodyList, data => bodies.AddRange(data.EnumerateArray().Select(b => b.Clone())), cancellationToken))
        {
            return null;
        }
        var pending = new List<string>();
        var organizationLists = new List<string>();
        foreach (var body in bodies)
        {
            foreach (var name in BodyLists)
            {
                if (!body.TryGetProperty(name, out var property) || property.GetString() is not { } url)
                {
                    continue;
                }
                if (name == "organization")
                {
                    if (!await CrawlListAsync(url, data => organizationLists.AddRange(OrganizationListUrls(data)), cancellationToken))
                    {
                        return null;
                    }
                }
                else if (crawlLists)
                {
                    if (!await CrawlListAsync(url, null, cancellationToken))
                    {
                        return null;
                    }
                }
                else
                {
                    pending.Add(url);
                }
            }
        }
        foreach (var url in organizationLists)
        {
            if (crawlLists)
            {
                if (!await CrawlListAsync(url, null, cancellationToken))
                {
                    return null;
                }
            }
            else
            {
                pending.Add(url);
            }
        }
        return pending;
    }

    private static IEnumerable<string> OrganizationListUrls(JsonElement data)
    {
        foreach (var organization in data.EnumerateArray())
        {
            foreach (var name in OrganizationLists)
            {
                if (organization.TryGetProperty(name, out var property) && property.GetString() is { } url)
                {
                    yield return url;
                }
            }
        }
    }

    /// <summary>Follows one list from its first page (at --limit) through links.next.</summary>
    public async Task<bool> CrawlListAsync(string listUrl, Action<JsonElement>? collect, CancellationToken cancellationToken, Func<bool>? stop = null)
    {
        stats.Lists++;
        var listKind = ListKind.Of(new Uri(listUrl));
        if (!stats.Kinds.TryGetValue(listKind, out var kindOfList))
        {
            stats.Kinds[listKind] = kindOfList = new ListKind();
        }
        kindOfList.Lists++;
        string? url = listUrl + (listUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "limit=" + options.Limit.ToString(CultureInfo.InvariantCulture);
        var seen = 0;
        long objects = 0;
        long? total = null;
        while (url is not null)
        {
            if (stop?.Invoke() == true)
            {
                return true;
            }
            if (!await FetchAsync(url, listPage: true, cancellationToken))
            {
                return false;
            }
            var page = ScanPage();
            var next = page.Next;
            total ??= page.TotalElements;
            objects += page.Objects;
            if (collect is not null)
            {
                using var document = JsonDocument.Parse(_buffer.Memory);
                collect(document.RootElement.GetProperty("data"));
            }
            if (next == url || ++seen > 10_000_000)
            {
                stats.Failed++;
                stats.Errors.Add($"{url}: links.next does not advance.");
                return false;
            }
            url = next;
        }
        if (total is long expected && expected != objects)
        {
            stats.CountMismatches++;
            stats.Errors.Add(string.Create(CultureInfo.InvariantCulture, $"{listUrl}: {objects} objects counted, totalElements {expected}."));
        }
        return true;
    }

    /// <summary>Fetches one page given as it appears in the documents; the body ends up in the buffer.</summary>
    public async Task<bool> FetchAsync(string documentUrl, bool listPage, CancellationToken cancellationToken)
    {
        var original = new Uri(documentUrl, UriKind.Absolute);
        string? sent = null;
        Etags?.TryGetValue(PageStore.Key(original), out sent);
        Fetched fetched;
        try
        {
            fetched = await client.GetAsync(options.Map(documentUrl), sent, _buffer, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            stats.Requests++;
            stats.Failed++;
            stats.Errors.Add($"{documentUrl}: {e.Message}");
            return false;
        }
        stats.Requests++;
        stats.RequestTicks += fetched.Ticks;
        if (RecordLatencies)
        {
            stats.Latencies.Add(fetched.Ticks);
        }
        if (listPage)
        {
            var name = ListKind.Of(original);
            if (!stats.Kinds.TryGetValue(name, out var kind))
            {
                stats.Kinds[name] = kind = new ListKind();
            }
            _kind = kind;
            kind.Pages++;
            kind.Bytes += fetched.Length;
            kind.Ticks += fetched.Ticks;
            kind.MaxTicks = Math.Max(kind.MaxTicks, fetched.Ticks);
        }
        stats.Bytes += fetched.Length;
        switch (fetched.Status)
        {
            case HttpStatusCode.OK:
                stats.Ok++;
                if (sent is not null && fetched.ETag != sent)
                {
                    stats.ChangedEtags++;
                }
                Save?.Save(original, _buffer.Span, fetched.ETag, listPage);
                return true;
            case HttpStatusCode.NotModified when Cache is not null:
                stats.NotModified++;
                // A harvester answered 304 carries on from its own copy.
                _buffer.Load(Cache.PathFor(original));
                return true;
            default:
                stats.Failed++;
                stats.Errors.Add($"{documentUrl}: HTTP {(int)fetched.Status}");
                return false;
        }
    }

    /// <summary>Counts the objects of the page in the buffer and finds links.next.</summary>
    public ListPage ScanPage()
    {
        var start = Stopwatch.GetTimestamp();
        var page = options.FullScan ? ListScanner.Full(_buffer.Span) : ListScanner.Fast(_buffer.Span);
        stats.ScanTicks += Stopwatch.GetTimestamp() - start;
        stats.Pages++;
        stats.Objects += page.Objects;
        if (_kind is not null)
        {
            _kind.Objects += page.Objects;
        }
        return page;
    }
}
